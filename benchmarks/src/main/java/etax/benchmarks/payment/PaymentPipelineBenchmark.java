package etax.benchmarks.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import etax.benchmarks.CpuTime;
import etax.benchmarks.RunOptions;
import etax.benchmarks.payment.Workload.Message;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the payment gateway end to end on the running local stack ({@code ./etax up}: durable
 * PostgreSQL, a KRaft broker, the fake treasury), with the bare ceiling in the same run.
 *
 * <ol>
 * <li>Prints the JVM, the machine and {@code SHOW fsync, synchronous_commit, default_toast_compression}.</li>
 * <li>Registers a benchmark bank with a fresh RSA key; publishes one payable item per taxpayer and waits
 * until the gateway booked them all.</li>
 * <li>Generates and signs the confirmations (unique references, many taxpayers, every other one naming
 * its taxpayer's item) before anything is timed.</li>
 * <li>Warm-up: other confirmations of the same taxpayers through the gateway, as the throughput step sends
 * them, checked and not timed, so that the gateway, the broker and the fake treasury run compiled code in
 * both timed steps (a freshly started stack spends a good part of its first minutes compiling).</li>
 * <li>Ceiling: the same messages through a bare consume → INSERT … ON CONFLICT → produce loop
 * ({@link CeilingLoop}).</li>
 * <li>Throughput: all confirmations are published in one Kafka transaction, so the gateway (reading
 * committed records) sees the whole backlog at once; timed from the commit to the last posting of the
 * run on {@code treasury.postings.v1} (each is recorded, allocated in the same database transaction,
 * and posted through the outbox). The database is then checked: each recorded once, each allocated.
 * The gateway's p99 from the poll to the database commit comes from its {@code etax.payment.confirmation.commit}
 * histogram, so it is known only to a bucket and printed as that bucket's range ("in (246, 268] ms"); the
 * ceiling's p99, from the poll to the Kafka commit, is exact, from a sample per message. They are not the
 * same measure.</li>
 * <li>Latency at half that rate: confirmations sent at a steady half rate; per confirmation the time
 * from the send to its {@code PaymentRecorded} and to its posting, as downstream consumers see them.</li>
 * </ol>
 *
 * Options ({@code --name=value}): {@code confirmations} (150000), {@code taxpayers} (20000),
 * {@code warmup-confirmations} (150000: after 40,000 the compiler threads still took a fifth of the machine
 * in the timed step), {@code half-rate-seconds} (30), {@code ceiling-batch} (500), {@code kafka}, {@code gateway} (from
 * {@code target/dev-stack/stack.properties}), {@code jdbc} ({@code jdbc:postgresql://localhost:15432/etax}),
 * {@code db-user} (postgres), {@code db-password} (the stack file's); metrics are read with a token of the local run.
 */
public final class PaymentPipelineBenchmark {

	private final RunOptions options;

	private final String runId = Long.toString(System.currentTimeMillis(), 36);

	private PaymentPipelineBenchmark(RunOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new PaymentPipelineBenchmark(RunOptions.parse(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		String kafka = option("kafka", this.options.stack("kafka.bootstrap-servers", "localhost:19092"));
		String gateway = option("gateway", this.options.stack("payment-gateway.url", "http://localhost:8082"));
		String jdbc = option("jdbc", "jdbc:postgresql://localhost:15432/etax?reWriteBatchedInserts=true");
		Properties credentials = this.options.credentials();
		String dbUser = credentials.getProperty("user");
		String dbPassword = credentials.getProperty("password");
		int count = Integer.parseInt(option("confirmations", "150000"));
		int taxpayers = Math.min(count, Integer.parseInt(option("taxpayers", "20000")));
		int halfSeconds = Integer.parseInt(option("half-rate-seconds", "30"));
		int ceilingBatch = Integer.parseInt(option("ceiling-batch", "500"));
		int warmup = Integer.parseInt(option("warmup-confirmations", "150000"));
		// the items are sized for every payment of the run, warm-up included: none is settled before the end
		Workload workload = new Workload(this.runId, taxpayers, count + warmup);

		System.out.printf("payment pipeline benchmark run %s: %d confirmations, %d taxpayers%n", this.runId, count,
				taxpayers);
		System.out.printf("JVM %s, %d cores; broker %s; gateway %s%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), kafka, gateway);
		try (Connection db = this.options.database(jdbc)) {
			BenchBank bank = BenchBank.register(db, this.runId);
			bookItems(db, kafka, workload);

			long signing = System.nanoTime();
			List<Message> messages = workload.confirmations("A", count, bank);
			List<Message> warmupMessages = workload.confirmations("W", warmup, bank);
			System.out.printf("signed %d confirmations and %d for the warm-up in %.1f s (not timed)%n", count, warmup,
					(System.nanoTime() - signing) / 1e9);
			if (warmup > 0) {
				Throughput warm = throughput(db, kafka, gateway, warmupMessages, "W");
				System.out.printf("warm-up (not timed, checked): %,d confirmations at %,.0f/s%n", warmup, warm.perSecond());
			}

			CeilingLoop.Measurement ceiling = ceiling(kafka, jdbc, dbUser, dbPassword, messages, ceilingBatch);
			System.out.printf("ceiling (consume -> INSERT ON CONFLICT -> produce, %d per transaction): %,.0f msg/s, "
					+ "p99 poll->Kafka commit %d ms (exact, from samples)%n", ceilingBatch, ceiling.perSecond(),
					ceiling.p99CommitMillis());

			Throughput throughput = throughput(db, kafka, gateway, messages, "A");
			System.out.printf("gateway (recorded + allocated + posted, exactly once): %,.0f confirmations/s over %.1f s"
					+ " (middle 80%%: %,.0f/s); p99 poll->database commit %s; posting copies on the topic %d%n",
					throughput.perSecond(), throughput.seconds(), throughput.middlePerSecond(), p99(throughput.p99Commit()),
					throughput.copies());
			System.out.printf("ratio to the ceiling: %.2f%n", throughput.perSecond() / ceiling.perSecond());

			int halfRate = Math.max(1, (int) (throughput.perSecond() / 2));
			halfRate(kafka, gateway, workload, bank, halfRate, halfSeconds);
		}
	}

	private void bookItems(Connection db, String kafka, Workload workload) throws Exception {
		try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
			for (int t = 0; t < workload.taxpayers(); t++) {
				producer.send(new ProducerRecord<>("etax.payable-items.v1", workload.mst(t), workload.payableItem(t)));
			}
		}
		String[] ids = new String[workload.taxpayers()];
		for (int t = 0; t < ids.length; t++) {
			ids[t] = workload.itemId(t);
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		try (PreparedStatement booked = db.prepareStatement("SELECT count(*) FROM payment.obligation WHERE item_id = ANY (?)")) {
			booked.setArray(1, db.createArrayOf("text", ids));
			while (true) {
				try (ResultSet row = booked.executeQuery()) {
					row.next();
					if (row.getLong(1) == ids.length) {
						break;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The gateway did not book the payable items in 5 minutes");
				}
				Thread.sleep(500);
			}
		}
		System.out.printf("booked %d payable items%n", ids.length);
	}

	private CeilingLoop.Measurement ceiling(String kafka, String jdbc, String user, String password,
			List<Message> messages, int batch) throws Exception {
		String in = "bench.ceiling.in." + this.runId;
		String out = "bench.ceiling.out." + this.runId;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			admin.createTopics(List.of(new NewTopic(in, 4, (short) 1), new NewTopic(out, 4, (short) 1))).all().get();
			publishInOneTransaction(kafka, in, messages, "bench-ceiling-load-" + this.runId);
			CpuTime cpu = CpuTime.now();
			CeilingLoop.Measurement measurement = CeilingLoop.run(kafka, jdbc, user, password, in, out, this.runId, batch,
					messages.size());
			System.out.printf("ceiling: %s%n", CpuTime.now().machineSince(cpu, messages.size(), "confirmations"));
			admin.deleteTopics(List.of(in, out)).all().get();
			return measurement;
		}
	}

	private Throughput throughput(Connection db, String kafka, String gateway, List<Message> messages, String phase)
			throws Exception {
		TreeMap<Double, Double> before = Percentiles.buckets(scrape(gateway), "etax_payment_confirmation_commit_seconds");
		String prefix = "B" + this.runId + phase;
		long start;
		try (TopicWatcher postings = new TopicWatcher(kafka, "treasury.postings.v1", (value) -> {
			String reference = TopicWatcher.property(value, "bankReference");
			return (reference != null && reference.startsWith(prefix)) ? TopicWatcher.property(value, "postingId") : null;
		})) {
			CpuTime cpu = CpuTime.now();
			start = publishInOneTransaction(kafka, "bank.payment-confirmations.v1", messages,
					"bench-gateway-load-" + this.runId + "-" + phase);
			if (!postings.await(messages.size(), Duration.ofSeconds(Math.max(300, messages.size() / 500)))) {
				throw new IllegalStateException("Only " + postings.distinct() + " of " + messages.size()
						+ " postings arrived; see the gateway's log");
			}
			String used = CpuTime.now().since(cpu, messages.size(), "confirmations");
			List<Long> arrivals = postings.arrivals();
			Collections.sort(arrivals);
			long end = arrivals.get(arrivals.size() - 1);
			long from = arrivals.get(arrivals.size() / 10);
			long to = arrivals.get(arrivals.size() * 9 / 10);
			TreeMap<Double, Double> after = Percentiles.buckets(scrape(gateway), "etax_payment_confirmation_commit_seconds");
			check(db, prefix, messages.size());
			System.out.printf("gateway, publish to the last posting: %s%n", used);
			return new Throughput(messages.size(), (end - start) / 1e9, (arrivals.size() * 0.8) / ((to - from) / 1e9),
					Percentiles.between(before, after, 0.99), postings.copies());
		}
	}

	private void check(Connection db, String prefix, int expected) throws Exception {
		try (PreparedStatement query = db.prepareStatement("""
				SELECT count(*), count(DISTINCT bank_reference),
				    (SELECT count(DISTINCT payment_key) FROM payment.ledger_line
				     WHERE payment_key LIKE ? AND entry_type IN ('PAYMENT_APPLIED', 'PAYMENT_CREDITED'))
				FROM payment.confirmation WHERE bank_code = ? AND bank_reference LIKE ?""")) {
			query.setString(1, BenchBank.CODE + ":" + prefix + "%");
			query.setString(2, BenchBank.CODE);
			query.setString(3, prefix + "%");
			try (ResultSet row = query.executeQuery()) {
				row.next();
				System.out.printf("database: %d confirmations recorded (%d distinct), %d allocated; expected %d each%n",
						row.getLong(1), row.getLong(2), row.getLong(3), expected);
				if (row.getLong(1) != expected || row.getLong(2) != expected || row.getLong(3) != expected) {
					throw new IllegalStateException("Not exactly once: see the counts above");
				}
			}
		}
	}

	private void halfRate(String kafka, String gateway, Workload workload, BenchBank bank, int rate, int seconds)
			throws Exception {
		int count = rate * seconds;
		List<Message> messages = workload.confirmations("H", count, bank);
		TreeMap<Double, Double> before = Percentiles.buckets(scrape(gateway), "etax_payment_confirmation_commit_seconds");
		String prefix = "B" + this.runId + "H";
		Map<String, Long> sent = new java.util.concurrent.ConcurrentHashMap<>();
		try (TopicWatcher recorded = new TopicWatcher(kafka, "etax.payments.v1", (value) -> {
			String reference = TopicWatcher.property(value, "bankReference");
			return (value.contains("\"PaymentRecorded\"") && reference != null && reference.startsWith(prefix))
					? reference : null;
		}); TopicWatcher postings = new TopicWatcher(kafka, "treasury.postings.v1", (value) -> {
			String reference = TopicWatcher.property(value, "bankReference");
			return (reference != null && reference.startsWith(prefix)) ? reference : null;
		}); KafkaProducer<String, String> producer = producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 1))) {
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				long due = start + (long) (i * 1e9 / rate);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				Message message = messages.get(i);
				ProducerRecord<String, String> record = record("bank.payment-confirmations.v1", message);
				// latency from when it was due, not when it went: a sender that fell behind (a pause, the first
				// send waiting for the topic's metadata) delays what follows, which the latency must show
				sent.put(message.reference(), due);
				producer.send(record);
			}
			producer.flush();
			if (!recorded.await(count, Duration.ofMinutes(5)) || !postings.await(count, Duration.ofMinutes(5))) {
				throw new IllegalStateException("Within 5 minutes only " + recorded.distinct() + " of " + count
						+ " payments were recorded and " + postings.distinct() + " posted: no latency figure");
			}
			TreeMap<Double, Double> after = Percentiles.buckets(scrape(gateway), "etax_payment_confirmation_commit_seconds");
			System.out.printf("half rate %,d/s for %d s: send -> PaymentRecorded p50 %d ms, p99 %d ms; send -> posting "
					+ "p50 %d ms, p99 %d ms; gateway p99 poll->database commit %s (%d/%d recorded)%n", rate, seconds,
					latency(sent, recorded, 0.5), latency(sent, recorded, 0.99), latency(sent, postings, 0.5),
					latency(sent, postings, 0.99), p99(Percentiles.between(before, after, 0.99)), recorded.distinct(),
					count);
			System.out.printf("  %d/%d posted%n", postings.distinct(), count);
		}
	}

	/**
	 * The gateway's p99 as the histogram bucket that holds it ("in (246, 268] ms, histogram bucket"): its
	 * upper edge alone would read as a measured figure.
	 */
	private static String p99(Optional<Percentiles.Bucket> bucket) {
		return bucket.map((range) -> range + ", histogram bucket").orElse("not observed");
	}

	private static long latency(Map<String, Long> sent, TopicWatcher watcher, double quantile) {
		List<Long> millis = new ArrayList<>();
		sent.forEach((reference, at) -> {
			Long seen = watcher.firstSeen(reference);
			if (seen != null) {
				millis.add((seen - at) / 1_000_000);
			}
		});
		return Percentiles.of(millis, quantile);
	}

	/** Publishes in one transaction; returns the time it committed. */
	private static long publishInOneTransaction(String kafka, String topic, List<Message> messages, String id) {
		try (KafkaProducer<String, String> producer = producer(kafka, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id,
				ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 900_000, ProducerConfig.LINGER_MS_CONFIG, 20,
				ProducerConfig.BATCH_SIZE_CONFIG, 262_144))) {
			producer.initTransactions();
			producer.beginTransaction();
			for (Message message : messages) {
				producer.send(record(topic, message));
			}
			producer.commitTransaction();
			return System.nanoTime();
		}
	}

	private static ProducerRecord<String, String> record(String topic, Message message) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.key(), message.value());
		record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
		record.headers().add("etax.signature", message.signature().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static KafkaProducer<String, String> producer(String kafka, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(extra);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private String scrape(String gateway) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus"))
				.header("Authorization", this.options.officerAuthorization())
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private String option(String name, String fallback) {
		return this.options.get(name, fallback);
	}

	private record Throughput(int messages, double seconds, double middlePerSecond,
			Optional<Percentiles.Bucket> p99Commit, long copies) {

		double perSecond() {
			return this.messages / this.seconds;
		}

	}

}

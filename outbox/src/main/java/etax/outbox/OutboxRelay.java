package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed outbox messages to Kafka, oldest first, and removes them.
 *
 * <p>
 * One relay thread per process. A round reads up to {@code batchSize} unsent rows, sends them with an
 * idempotent producer, waits for every acknowledgement and deletes the rows in the same transaction. A
 * transaction-scoped advisory lock on the table lets only one process relay at a time, so several
 * replicas never reorder one key's messages (and the rows need no row locks). A failed round rolls
 * back: its messages are sent again in the next one (at least once). Its commit does not wait for the
 * disk ({@code synchronous_commit = off}): a database crash can only bring back rows already sent, which
 * are sent again. A commit that appended messages wakes the relay; else it polls. Woken, it lingers a
 * moment ({@code linger}) for the commits right behind, so that under load a round carries many
 * transactions' messages rather than one's: each round costs a database transaction, a produce request
 * per partition, and a fetch for every consumer of those partitions, whatever it carries.
 *
 * <p>
 * A message Kafka refuses for good (larger than the producer or broker allows, or otherwise refused for
 * what it is: {@link SendFailure}) would fail every round and hold back every message behind it. The
 * round moves it to the parked table ({@link OutboxProperties#parkedTable()}) with the class of the
 * exception, logs that once without key or value, counts it ({@code etax.outbox.parked}, tagged with
 * topic and reason) and deletes what was acknowledged; nothing reads or deletes a parked message, it
 * waits for an operator. A failure that may pass (a timeout, a broker or leader not available) parks
 * nothing: that round deletes nothing but the parked messages, and the rest are sent again in the next.
 *
 * <p>
 * The table is a queue: every row is deleted soon after it is inserted. Until a vacuum removes them, the
 * deleted rows stay in the table and in its index, and each round's scan for the oldest unsent rows steps
 * over them; autovacuum visits a table at most once a minute, by which time a busy service has deleted
 * hundreds of thousands. So after every {@code vacuumAfter} rows deleted the relay vacuums the table
 * itself (a plain {@code VACUUM}: it blocks no insert, delete or read). A vacuum that fails is logged, and
 * the table waits for autovacuum or the relay's next one.
 */
final class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final Counter published;

	private final MeterRegistry meters;

	private final Semaphore wake = new Semaphore(0);

	private final String select;

	private final String removeSent;

	private final String park;

	private long deletedSinceVacuum;

	private volatile boolean running;

	private @Nullable Thread thread;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			JsonMapper json, OutboxProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.published = Counter.builder("etax.outbox.published").register(meters);
		this.meters = meters;
		String table = properties.table();
		// the oldest ids from the index first, then their rows: asked for whole rows at once, the planner
		// costs the heap fetches of a table bloated by deleted rows above a sequential scan of all its
		// pages, and took that scan on every round (milliseconds each, 200 µs per message under filing load)
		this.select = "SELECT id, topic, message_key, payload, headers::text FROM " + table
				+ " WHERE id = ANY (ARRAY(SELECT id FROM " + table + " WHERE published_at IS NULL ORDER BY id LIMIT "
				+ properties.relay().batchSize() + ")) ORDER BY id";
		// sent rows are deleted, not marked: the table stays as small as its backlog, so autovacuum keeps
		// up and the poll's index scan does not wade through days of published rows
		this.removeSent = "DELETE FROM " + table + " WHERE id = ANY (?)";
		this.park = "WITH moved AS (DELETE FROM " + table
				+ " WHERE id = ? RETURNING id, topic, message_key, payload, headers, created_at) INSERT INTO "
				+ properties.parkedTable() + " (id, topic, message_key, payload, headers, created_at, reason)"
				+ " SELECT id, topic, message_key, payload, headers, created_at, ? FROM moved";
	}

	void wake() {
		this.wake.release();
	}

	@Override
	public void start() {
		this.running = true;
		Thread relay = new Thread(this::run, "outbox-relay");
		relay.setDaemon(true);
		this.thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread relay = this.thread;
		if (relay != null) {
			relay.interrupt();
			try {
				relay.join(this.properties.relay().sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stop after the listeners and web server that append, start before them
		return Integer.MAX_VALUE - 100;
	}

	private void run() {
		Duration poll = this.properties.relay().pollInterval();
		while (this.running) {
			try {
				if (this.wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
					Thread.sleep(this.properties.relay().linger().toMillis());
				}
				this.wake.drainPermits();
				while (this.running && relayBatch() == this.properties.relay().batchSize()) {
					// a full batch: more may be waiting
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Outbox relay round failed, retrying table={} reason={}", this.properties.table(),
						ex.getMessage());
				sleepQuietly(poll);
			}
		}
	}

	/**
	 * Relays one batch.
	 * @return the number of messages sent or parked
	 */
	int relayBatch() {
		@Nullable Round round = this.transactions.execute((status) -> round());
		if (round == null) {
			return 0;
		}
		// counted and logged once committed: a round that failed to commit parks its messages again
		for (Parked parked : round.parked()) {
			log.error("Outbox message parked, Kafka refuses it for good; it stays for an operator table={} id={} "
					+ "topic={} reason={}", this.properties.parkedTable(), parked.id(), parked.topic(),
					parked.failure().reason());
			Counter.builder("etax.outbox.parked")
				.description("Outbox messages moved to the parked table because Kafka refuses them for good")
				.tag("topic", parked.topic())
				.tag("reason", parked.failure().shortReason())
				.register(this.meters)
				.increment();
		}
		this.published.increment(round.sent());
		int removed = round.sent() + round.parked().size();
		vacuumWhenDue(removed);
		@Nullable SendFailure retry = round.retry();
		if (retry != null) {
			throw new IllegalStateException("Kafka did not acknowledge every message, reason " + retry.reason());
		}
		return removed;
	}

	/**
	 * Sends a batch, parks what Kafka refuses for good and deletes what it acknowledged, unless some message
	 * failed in a way that may pass: then the round deletes nothing, and every message but the parked ones
	 * is sent again in the next, as after any failed round, so that one key's messages stay in order.
	 */
	private Round round() {
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
				this.properties.table());
		if (!Boolean.TRUE.equals(locked)) {
			return Round.NONE;
		}
		// removing sent rows need not wait for the disk: rows a crash brings back are sent again
		this.jdbc.execute("SET LOCAL synchronous_commit = off");
		List<Sending> batch = new ArrayList<>();
		this.jdbc.query(this.select, (row) -> {
			String topic = row.getString(2);
			batch.add(new Sending(row.getLong(1), topic,
					send(record(topic, row.getString(3), row.getString(4), row.getString(5)))));
		});
		if (batch.isEmpty()) {
			return Round.NONE;
		}
		this.kafka.flush();
		awaitOutcomes(batch);
		List<Long> sent = new ArrayList<>();
		List<Parked> parked = new ArrayList<>();
		@Nullable SendFailure retry = null;
		for (Sending sending : batch) {
			@Nullable SendFailure failure = sending.failure();
			if (failure == null) {
				sent.add(sending.id());
			}
			else if (failure.permanent()) {
				parked.add(new Parked(sending.id(), sending.topic(), failure));
			}
			else if (retry == null) {
				retry = failure;
			}
		}
		if (!parked.isEmpty()) {
			this.jdbc.batchUpdate(this.park, parked.stream()
				.map((message) -> new Object[] { message.id(), message.failure().reason() })
				.toList());
		}
		if (retry != null) {
			return new Round(0, parked, retry);
		}
		if (!sent.isEmpty()) {
			this.jdbc.update(this.removeSent, (Object) sent.toArray(Long[]::new));
		}
		return new Round(sent.size(), parked, null);
	}

	/**
	 * Sends a record; what the template refuses at once (a record over {@code max.request.size}, a topic
	 * whose metadata did not come within {@code max.block.ms}) is a failed outcome like any other.
	 * @return completes with {@code null} once acknowledged, or with the failure
	 */
	private CompletableFuture<@Nullable Throwable> send(ProducerRecord<String, String> record) {
		try {
			return this.kafka.send(record).handle((result, failure) -> failure);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(ex);
		}
	}

	/** Waits for every acknowledgement or failure, up to the send timeout. */
	private void awaitOutcomes(List<Sending> batch) {
		CompletableFuture<?>[] outcomes = batch.stream().map(Sending::outcome).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(outcomes)
				.get(this.properties.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// what is not acknowledged yet is sent again in the next round
		}
		catch (InterruptedException ex) {
			// stopping: the same
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("An outcome completes normally, failed or not", ex);
		}
	}

	private void vacuumWhenDue(int deleted) {
		int every = this.properties.relay().vacuumAfter();
		this.deletedSinceVacuum += deleted;
		if (every <= 0 || this.deletedSinceVacuum < every) {
			return;
		}
		this.deletedSinceVacuum = 0;
		try {
			// outside any transaction: the pool's connections commit automatically
			this.jdbc.execute("VACUUM " + this.properties.table());
		}
		catch (DataAccessException ex) {
			log.warn("Outbox vacuum failed, retrying after as many rows again table={} reason={}",
					this.properties.table(), ex.getMessage());
		}
	}

	private ProducerRecord<String, String> record(String topic, String key, String payload, String headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		Map<String, String> values = this.json.readValue(headers, new TypeReference<Map<String, String>>() {
		});
		values.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/**
	 * A message of the round being sent.
	 * @param id its outbox row
	 * @param topic its topic
	 * @param outcome completes with {@code null} once acknowledged, or with the failure
	 */
	private record Sending(long id, String topic, CompletableFuture<@Nullable Throwable> outcome) {

		/** @return {@code null} if acknowledged, else why not (unacknowledged if no outcome came in time) */
		@Nullable SendFailure failure() {
			if (!this.outcome.isDone()) {
				return SendFailure.UNACKNOWLEDGED;
			}
			@Nullable Throwable failure = this.outcome.join();
			return (failure != null) ? SendFailure.of(failure) : null;
		}

	}

	/**
	 * A message moved to the parked table.
	 * @param id its outbox row, kept in the parked table
	 * @param topic its topic
	 * @param failure why Kafka refuses it
	 */
	private record Parked(long id, String topic, SendFailure failure) {

	}

	/**
	 * What a round did.
	 * @param sent the messages acknowledged and deleted
	 * @param parked the messages moved to the parked table
	 * @param retry why the other messages are sent again, if some failed in a way that may pass
	 */
	private record Round(int sent, List<Parked> parked, @Nullable SendFailure retry) {

		static final Round NONE = new Round(0, List.of(), null);

	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package etax.payment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalKafka;
import etax.devstack.LocalPostgres;
import etax.devstack.ServiceProcess;
import etax.devstack.TopicReader;
import etax.payment.DevBanks.Line;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the gateway with SIGKILL while it records a stream of confirmations, starts it again, and
 * counts what came out with a read_committed consumer.
 *
 * <p>
 * The guarantees checked (docs/adr/0003-payment-exactly-once.md): every confirmation is recorded
 * exactly once in the database, with its ledger entries balanced; every posting and every
 * {@code PaymentRecorded} reaches its topic at least once, and its copies are identical, so a consumer
 * that de-duplicates by posting id (event id) sees each exactly once. Copies on the topic are possible
 * (the outbox relay may die between the send and marking it sent); they are counted, not forbidden.
 *
 * <p>
 * The gateway runs in its own JVM on its own database and its own broker, so that nothing else in this
 * test JVM consumes its topics.
 */
class ConfirmationCrashIntegrationTests {

	private static final int CONFIRMATIONS = 2_000;

	private static final int TAXPAYERS = 200;

	private static final String BANK = "01202001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalKafka kafka;

	private static String jdbcUrl;

	private static HikariDataSource dataSource;

	@BeforeAll
	static void startInfrastructure() {
		kafka = LocalKafka.start();
		jdbcUrl = LocalInfrastructure.postgres().createDatabase("crash_test");
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(LocalPostgres.USER);
		dataSource.setMaximumPoolSize(2);
	}

	@AfterAll
	static void stopInfrastructure() {
		dataSource.close();
		kafka.close();
	}

	@Test
	void recordsEveryConfirmationExactlyOnceAcrossASigkill() throws Exception {
		Map<String, Object> properties = new HashMap<>(LocalInfrastructure.accessProperties());
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", LocalPostgres.USER);
		properties.put("spring.datasource.password", "");
		properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		properties.put("spring.kafka.consumer.max-poll-records", "50");
		// the killed consumer's partitions return to the group once its session expires: 10 s, not the default 45 s
		properties.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
		properties.put("spring.kafka.listener.observation-enabled", "false");
		Path logs = Path.of("target", "crash-test");
		ServiceProcess gateway = ServiceProcess.startClass("gateway-crash-1", PaymentGatewayApplication.class, 0,
				properties, logs);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try {
			gateway.awaitHealthy(Duration.ofMinutes(2));
			List<String> values = new ArrayList<>();
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < CONFIRMATIONS; i++) {
				String mst = DevBanks.mst(20_000 + i % TAXPAYERS);
				keys.add(mst);
				values.add(DevBanks.confirmation(BANK, "CRASH" + String.format("%08d", i), mst, "2026-04-20",
						List.of(Line.of((i % 2 == 0) ? "1701" : "1052", 100_000 + i))));
			}
			CompletableFuture<Void> bank = CompletableFuture.runAsync(() -> publish(keys, values));

			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> count(jdbc) >= 300);
			gateway.kill();
			long atKill = count(jdbc);
			assertThat(atKill).as("killed mid-stream").isLessThan(CONFIRMATIONS);

			gateway = ServiceProcess.startClass("gateway-crash-2", PaymentGatewayApplication.class, 0, properties,
					logs);
			gateway.awaitHealthy(Duration.ofMinutes(2));
			bank.join();
			await().atMost(Duration.ofMinutes(2)).until(() -> count(jdbc) == CONFIRMATIONS);

			assertThat(jdbc.sql("SELECT count(DISTINCT bank_reference) FROM payment.confirmation")
				.query(Long.class)
				.single()).isEqualTo(CONFIRMATIONS);
			assertThat(jdbc.sql("SELECT count(*) FROM payment.rejected_message").query(Long.class).single()).isZero();
			LedgerAssertions.assertBalanced(jdbc);
			// the VAT half names no item and is kept as credit; the CIT half is paid on account of the year's, so
			// each books its own obligation, paid at once (ADR 0006, provisional payments)
			assertThat(jdbc.sql("SELECT count(*) FROM payment.ledger_line WHERE entry_type = 'PAYMENT_CREDITED'")
				.query(Long.class)
				.single()).as("one credit entry (two lines) per VAT payment, none twice").isEqualTo(CONFIRMATIONS);
			assertThat(jdbc.sql("SELECT count(*) FROM payment.obligation WHERE item_id LIKE 'TAMNOP-%' AND outstanding = 0")
				.query(Long.class)
				.single()).as("one provisional obligation per CIT payment, paid, none twice").isEqualTo(CONFIRMATIONS / 2);
			assertThat(jdbc.sql("SELECT count(*) FROM payment.ledger_line WHERE entry_type = 'PAYMENT_APPLIED'")
				.query(Long.class)
				.single()).isEqualTo(CONFIRMATIONS);

			Set<String> expectedPostings = new HashSet<>(jdbc.sql("SELECT posting_id::text FROM payment.confirmation_line")
				.query(String.class)
				.list());
			assertThat(expectedPostings).hasSize(CONFIRMATIONS);
			List<ConsumerRecord<String, String>> postings = TopicReader.read(kafka.bootstrapServers(),
					"treasury.postings.v1", (r) -> true, CONFIRMATIONS, Duration.ofMinutes(1));
			Map<String, Set<String>> copies = postings.stream()
				.collect(Collectors.groupingBy((r) -> JSON.readTree(r.value()).path("postingId").asString(),
						Collectors.mapping(ConsumerRecord::value, Collectors.toSet())));
			assertThat(copies.keySet()).as("every posting, de-duplicated by posting id").isEqualTo(expectedPostings);
			assertThat(copies.values()).as("copies of a posting are identical").allSatisfy((v) -> assertThat(v).hasSize(1));
			System.out.printf("crash test: killed at %d recorded, %d posting records on the topic for %d postings%n",
					atKill, postings.size(), expectedPostings.size());

			List<ConsumerRecord<String, String>> payments = TopicReader.read(kafka.bootstrapServers(), "etax.payments.v1",
					(r) -> r.value().contains("\"PaymentRecorded\""), CONFIRMATIONS, Duration.ofMinutes(1));
			assertThat(payments.stream().map((r) -> JSON.readTree(r.value()).path("eventId").asString()).distinct().count())
				.isEqualTo(CONFIRMATIONS);
		}
		finally {
			gateway.kill();
		}
	}

	private static void publish(List<String> keys, List<String> values) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < values.size(); i++) {
				DevBanks.publish(producer, "bank.payment-confirmations.v1", keys.get(i), values.get(i),
						Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, values.get(i)), "etax.test-id",
								UUID.randomUUID().toString()));
			}
		}
	}

	private static long count(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM payment.confirmation").query(Long.class).single();
	}

}

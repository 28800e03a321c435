package etax.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import etax.devstack.FakeTreasury;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalKafka;
import etax.devstack.LocalPostgres;
import etax.payment.DevBanks.Line;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances (two application contexts, each with its own consumers and producers) in one
 * consumer group share the partitions of one topic and record every confirmation once; a fake treasury
 * acks the postings and refuses a share. Its own database and broker keep the rest of the test JVM out.
 */
class TwoInstancesIntegrationTests {

	private static final int CONFIRMATIONS = 400;

	private static final String BANK = "01204001";

	private static LocalKafka kafka;

	private static String jdbcUrl;

	private static HikariDataSource dataSource;

	@BeforeAll
	static void startInfrastructure() {
		kafka = LocalKafka.start();
		jdbcUrl = LocalInfrastructure.postgres().createDatabase("scale_test");
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
	void recordsEveryConfirmationOnceWithTwoInstances() {
		Map<String, Object> properties = new HashMap<>(LocalInfrastructure.accessProperties());
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", LocalPostgres.USER);
		properties.put("spring.datasource.password", "");
		properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		properties.put("spring.kafka.consumer.max-poll-records", "100");
		properties.put("server.port", "0");
		properties.put("spring.jmx.enabled", "false");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try (ConfigurableApplicationContext first = start(properties);
				ConfigurableApplicationContext second = start(properties);
				FakeTreasury treasury = FakeTreasury.start(kafka.bootstrapServers(), 0.1);
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
								ProducerConfig.LINGER_MS_CONFIG, 5),
						new StringSerializer(), new StringSerializer())) {
			// the second instance joins the group after the first took every partition: wait for the rebalance
			await().atMost(Duration.ofMinutes(1))
				.until(() -> hasPartitions(first) && hasPartitions(second));
			List<String> references = new ArrayList<>();
			for (int i = 0; i < CONFIRMATIONS; i++) {
				String mst = DevBanks.mst(30_000 + i % 80);
				String reference = "SCALE" + String.format("%08d", i);
				references.add(reference);
				String value = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", List.of(Line.of("1701", 50_000)));
				ProducerRecord<String, String> record = new ProducerRecord<>("bank.payment-confirmations.v1", mst, value);
				record.headers().add(DevBanks.SIGNATURE, DevBanks.sign(BANK, value).getBytes(StandardCharsets.UTF_8));
				producer.send(record);
				if (i == 0) {
					producer.send(record);
				}
			}
			producer.flush();

			await().atMost(Duration.ofMinutes(1))
				.until(() -> jdbc.sql("SELECT count(*) FROM payment.confirmation").query(Long.class).single() == CONFIRMATIONS);
			assertThat(jdbc.sql("SELECT count(DISTINCT bank_reference) FROM payment.confirmation").query(Long.class).single())
				.isEqualTo(CONFIRMATIONS);
			double byFirst = recorded(first);
			double bySecond = recorded(second);
			assertThat(byFirst + bySecond).as("each recorded by one instance, once").isEqualTo(CONFIRMATIONS);
			assertThat(byFirst).as("the first instance took a share").isPositive();
			assertThat(bySecond).as("the second instance took a share").isPositive();

			await().atMost(Duration.ofMinutes(1))
				.until(() -> jdbc.sql("SELECT count(*) FROM payment.treasury_posting WHERE status <> 'REQUESTED'")
					.query(Long.class)
					.single() == CONFIRMATIONS);
			long refused = jdbc.sql("SELECT count(*) FROM payment.treasury_posting WHERE status = 'REFUSED'")
				.query(Long.class)
				.single();
			long expectedRefused = jdbc.sql("SELECT posting_id::text FROM payment.treasury_posting")
				.query(String.class)
				.list()
				.stream()
				.filter(treasury::refuses)
				.count();
			assertThat(refused).isEqualTo(expectedRefused).isPositive();
			LedgerAssertions.assertBalanced(jdbc);
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		// as command-line arguments, which win over application.yml (default properties would not)
		return new SpringApplicationBuilder(PaymentGatewayApplication.class)
			.run(properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static boolean hasPartitions(ConfigurableApplicationContext context) {
		MessageListenerContainer confirmations = context.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("bank-confirmations");
		Collection<TopicPartition> assigned = (confirmations != null) ? confirmations.getAssignedPartitions() : null;
		return assigned != null && !assigned.isEmpty();
	}

	private static double recorded(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.get("etax.payment.confirmation.recorded")
			.tag("status", "debited")
			.counter()
			.count();
	}

}

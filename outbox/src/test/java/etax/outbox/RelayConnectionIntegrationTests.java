package etax.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TopicReader;
import etax.devstack.pki.TestPki;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's producer reaches the brokers as Spring Boot's own does: through the connection details, which carry
 * what the {@code spring.kafka.*} properties alone do not (a service connection's bootstrap servers, the SSL bundle
 * named in {@code spring.kafka.ssl.bundle}). An outbox table of the tests' own, in a schema of its own.
 */
class RelayConnectionIntegrationTests {

	private static final String TOPIC = "etax.notices.v1";

	private static final String TABLE = "outbox_connection_test.outbox_message";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				FlywayAutoConfiguration.class, JacksonAutoConfiguration.class, SslAutoConfiguration.class,
				KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("localInfrastructure", properties())));

	/** The local PostgreSQL, and for {@code spring.kafka.bootstrap-servers} a port where no broker listens. */
	private static Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>(LocalInfrastructureInitializer.properties());
		properties.put("spring.kafka.bootstrap-servers", "localhost:1");
		properties.put("spring.flyway.schemas", "outbox_connection_test");
		properties.put("spring.flyway.default-schema", "outbox_connection_test");
		properties.put("spring.flyway.locations", "classpath:db/migration/outbox");
		properties.put("etax.outbox.table", TABLE);
		return properties;
	}

	@Test
	void relaysToTheBrokersOfTheConnectionDetails() {
		String bootstrapServers = LocalInfrastructure.kafka().bootstrapServers();
		KafkaConnectionDetails connectionDetails = () -> List.of(bootstrapServers);
		this.contexts.withBean(KafkaConnectionDetails.class, () -> connectionDetails).run((context) -> {
			assertThat(context).getBean(KafkaConnectionDetails.class).isSameAs(connectionDetails);
			String key = UUID.randomUUID().toString();
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
					(status) -> context.getBean(Outbox.class).append(OutboxMessage.of(TOPIC, key, "relayed")));

			assertThat(TopicReader.read(bootstrapServers, TOPIC, (record) -> key.equals(record.key()), 1,
					Duration.ofSeconds(20)))
				.extracting(ConsumerRecord::value)
				.containsExactly("relayed");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT count(*) FROM " + TABLE + " WHERE message_key = ?", Long.class, key))
					.isZero());
		});
	}

	@Test
	void givesTheRelaysProducerTheSslBundleOfSpringKafkaSsl(@TempDir Path directory) {
		Path trusted = TestPki.create().writePemTrustStore(directory.resolve("ca.pem")).path();
		this.contexts
			.withPropertyValues("spring.ssl.bundle.pem.broker.truststore.certificate=file:" + trusted,
					"spring.kafka.ssl.bundle=broker", "spring.kafka.security.protocol=SSL")
			.run((context) -> assertThat(relayProducerConfig(context))
				.containsEntry(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class)
				.containsEntry(SslBundle.class.getName(), context.getBean(SslBundles.class).getBundle("broker"))
				.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL"));
	}

	private static Map<String, Object> relayProducerConfig(ApplicationContext context) {
		Object rounds = ReflectionTestUtils.getField(context.getBean(OutboxRelay.class), "rounds");
		ProducerFactory<?, ?> producers = (ProducerFactory<?, ?>) ReflectionTestUtils.getField(rounds, "producers");
		return producers.getConfigurationProperties();
	}

}

package etax.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up the outbox of a service that names its table in {@code etax.outbox.table}. The relay has its
 * own transactional producers, whatever the service configures for its own sends, used without a template and so
 * without a producer listener: the relay logs its failed rounds and parked messages itself, without keys or values,
 * once each, where a listener would log every message of a failed round.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnProperty("etax.outbox.table")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	/** The broker's default {@code transaction.max.timeout.ms}, above which it refuses a producer's timeout. */
	private static final long MAX_TRANSACTION_TIMEOUT_MS = 900_000;

	@Bean
	@ConditionalOnBooleanProperty(name = "etax.outbox.relay.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaProperties kafkaProperties, ObjectProvider<KafkaConnectionDetails> connectionDetails, JsonMapper json,
			OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
				relayProducers(relayProducerConfig(kafkaProperties, connectionDetails.getIfAvailable(), properties),
						properties),
				json, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, JsonMapper json, OutboxProperties properties,
			ObjectProvider<OutboxRelay> relay) {
		@Nullable OutboxRelay relayOrNull = relay.getIfAvailable();
		Runnable wake = (relayOrNull != null) ? relayOrNull::wake : () -> {
		};
		return new Outbox(jdbc, json, properties.table(), wake);
	}

	/**
	 * The relay's producer's settings: the service's, as Spring Boot gives its own producer, with the connection
	 * details of the producer applied over the {@code spring.kafka.*} properties (bootstrap servers, security
	 * protocol and the SSL bundle named in {@code spring.kafka.ssl.bundle}, which Boot passes in no other way), then
	 * the relay's own: idempotent, every acknowledgement from all replicas, and no wait longer than a round's
	 * ({@code send-timeout}), for a topic's metadata or a record's delivery, so that a round with an unreachable
	 * partition ends on time (the producer's defaults are a minute and two). A round's transaction that its relay does
	 * not end (the process was killed) is aborted by the broker after three send timeouts, the longest a round may take
	 * with some margin (its sends, then its commit, each at most a send timeout); until then the consumers of the
	 * partitions it wrote read nothing past it.
	 * @param kafkaProperties the service's {@code spring.kafka.*} properties
	 * @param connectionDetails where and how to reach the brokers, if Boot's Kafka auto-configuration or the
	 * service declares them; without them the properties alone
	 * @param properties the outbox's settings
	 * @return the producer's configuration
	 */
	static Map<String, Object> relayProducerConfig(KafkaProperties kafkaProperties,
			@Nullable KafkaConnectionDetails connectionDetails, OutboxProperties properties) {
		int timeout = (int) Math.min(Integer.MAX_VALUE - 1_000, properties.relay().sendTimeout().toMillis());
		Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
		if (connectionDetails != null) {
			applyConnectionDetails(config, connectionDetails.getProducer());
		}
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 5);
		config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.min(MAX_TRANSACTION_TIMEOUT_MS, 3L * timeout));
		// one per outbox: the three services' relays are told apart by the broker (quotas) and in JMX
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + properties.table());
		return config;
	}

	/**
	 * Applies the producer's connection details as Boot does to its own producer factory
	 * ({@code KafkaAutoConfiguration.applyKafkaConnectionDetailsForProducer}): the bootstrap servers always, the
	 * security protocol and the SSL bundle when there are.
	 */
	private static void applyConnectionDetails(Map<String, Object> config,
			KafkaConnectionDetails.Configuration producer) {
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, producer.getBootstrapServers());
		@Nullable String protocol = producer.getSecurityProtocol();
		if (StringUtils.hasLength(protocol)) {
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
		}
		@Nullable SslBundle bundle = producer.getSslBundle();
		if (bundle != null) {
			config.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
			config.put(SslBundle.class.getName(), bundle);
		}
	}

	/**
	 * The relay's producers: transactional, under transactional ids of this process alone (a relay that took over
	 * from another must not fence it: the replicas take turns as they win the table's lock, and would fence each other
	 * every turn). A killed relay's open transaction is therefore not aborted by its successor but by the broker, once
	 * it times out.
	 */
	static ProducerFactory<String, String> relayProducers(Map<String, Object> config,
			OutboxProperties properties) {
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config);
		factory.setTransactionIdPrefix("outbox-relay-" + properties.table() + "-" + UUID.randomUUID() + "-");
		return factory;
	}

}

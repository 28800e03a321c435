package etax.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up the outbox of a service that names its table in {@code etax.outbox.table}. The relay has its
 * own idempotent, non-transactional producer, whatever the service configures for its own sends, and its
 * template no producer listener: the relay logs its failed rounds and parked messages itself, without
 * keys or values, once each, where a listener would log every message of a failed round.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnProperty("etax.outbox.table")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "etax.outbox.relay.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaProperties kafkaProperties, JsonMapper json, OutboxProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
				relayTemplate(kafkaProperties, properties), json, properties,
				meters.getIfAvailable(SimpleMeterRegistry::new));
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
	 * The relay's producer: idempotent, every acknowledgement from all replicas, and no wait longer than a round's
	 * ({@code send-timeout}), for a topic's metadata or a record's delivery, so that a round with an unreachable
	 * partition ends on time and the rest of its messages are deleted (the producer's defaults are a minute and
	 * two).
	 */
	private static KafkaTemplate<String, String> relayTemplate(KafkaProperties kafkaProperties,
			OutboxProperties properties) {
		int timeout = (int) Math.min(Integer.MAX_VALUE - 1_000, properties.relay().sendTimeout().toMillis());
		Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 5);
		// one per outbox: the three services' relays are told apart by the broker (quotas) and in JMX
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + properties.table());
		DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config);
		KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
		// the default LoggingProducerListener logs the key (an MST) and the value of every failed send
		template.setProducerListener(null);
		return template;
	}

}

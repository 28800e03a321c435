package etax.payment;

import java.util.Map;
import java.util.Objects;

import etax.devstack.LocalInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class publishes to the test broker with: register it as a static extension field; its producer
 * starts before the class's first test and is closed after its last.
 */
public final class TestProducer implements BeforeAllCallback, AfterAllCallback {

	private @Nullable KafkaProducer<String, String> producer;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.producer != null) {
			this.producer.close();
		}
	}

	/**
	 * Publishes a record and waits until the broker has it.
	 * @return where it was written
	 */
	public RecordMetadata publish(String topic, String key, String value, Map<String, String> headers) {
		return DevBanks.publish(Objects.requireNonNull(this.producer, "the producer starts before the tests"), topic, key,
				value, headers);
	}

}

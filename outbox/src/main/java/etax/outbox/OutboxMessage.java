package etax.outbox;

import java.util.Map;

/**
 * A message to send once the current transaction commits.
 *
 * @param topic the Kafka topic
 * @param key the record key (an MST for the system's events, so one taxpayer's events stay ordered)
 * @param payload the value: a {@link String} is sent as it is, anything else as JSON
 * @param headers Kafka headers, UTF-8 encoded
 */
public record OutboxMessage(String topic, String key, Object payload, Map<String, String> headers) {

	public OutboxMessage {
		headers = Map.copyOf(headers);
	}

	public static OutboxMessage of(String topic, String key, Object payload) {
		return new OutboxMessage(topic, key, payload, Map.of());
	}

}

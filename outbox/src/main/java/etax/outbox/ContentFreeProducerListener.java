package etax.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Logs a send that failed with its topic, partition and the classes of the exception and its causes, and
 * nothing of the record. Spring's {@link LoggingProducerListener}, the default of every
 * {@code KafkaTemplate} and the one Spring Boot's Kafka auto-configuration declares, logs the key (an MST)
 * and the start of the value (a taxpayer's data) of every failed send; and even without them it logs the
 * exception's message, which a serializer may fill with the value it could not write.
 */
final class ContentFreeProducerListener implements ProducerListener<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(ContentFreeProducerListener.class);

	/** Causes named at most. */
	private static final int DEPTH = 8;

	@Override
	public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
		log.error("Kafka send failed topic={} partition={} reason={}", record.topic(), partition(record, metadata),
				reason(exception));
	}

	private static @Nullable Integer partition(ProducerRecord<Object, Object> record,
			@Nullable RecordMetadata metadata) {
		return (metadata != null && metadata.partition() >= 0) ? Integer.valueOf(metadata.partition())
				: record.partition();
	}

	/** The class names of an exception and its causes, outermost first. */
	static String reason(Throwable exception) {
		StringBuilder reason = new StringBuilder(exception.getClass().getName());
		@Nullable Throwable cause = exception.getCause();
		for (int depth = 1; cause != null && depth < DEPTH; depth++) {
			reason.append(" < ").append(cause.getClass().getName());
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return reason.toString();
	}

}

package etax.payment.ledger;

import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the obligation events that are not booked (unreadable, conflicting, not reducible, unstorable) in
 * {@code payment.rejected_event}, once per Kafka position, and logs each without its content.
 */
@Component
class RejectedEvents {

	private static final Logger log = LoggerFactory.getLogger(RejectedEvents.class);

	private final JdbcTemplate jdbc;

	RejectedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param record the event
	 * @param reason why, a stable code
	 * @param detail why in words (no personal data)
	 * @param now when its poll was read
	 */
	void reject(ConsumerRecord<String, String> record, String reason, String detail, Instant now) {
		log.warn("Rejected obligation event reason={} topic={} partition={} offset={}", reason, record.topic(),
				record.partition(), record.offset());
		insert(record.topic(), record.partition(), record.offset(), record.value(), reason, detail, now);
	}

	private void insert(String topic, int partition, long offset, @Nullable String value, String reason, String detail,
			Instant at) {
		this.jdbc.update("""
				INSERT INTO payment.rejected_event (kafka_topic, kafka_partition, kafka_offset, raw_value, reason, detail,
				    received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO NOTHING""", topic,
				partition, offset, (value != null) ? value.replace('\u0000', '\uFFFD') : null, reason, detail,
				at.atOffset(ZoneOffset.UTC));
	}

}

package etax.batch.reconciliation.inputs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records the treasury's acks from {@code treasury.acks.v1} (its own consumer group, beside the gateway's):
 * the first answer per posting, and a later different answer beside it, in one statement per poll. Offsets
 * are committed after it, so a redelivered poll changes nothing. What the gateway does not apply is skipped, so
 * that both services take the same answers ({@link PostingAcknowledged}): a record holding no ack it reads, and an
 * ack it refuses as {@code invalid-ack}; each with a log line naming the record (and the field at fault), never its
 * content, counted in {@code etax.batch.reconciliation.acks.skipped{reason=unreadable|invalid-ack}}. Database
 * failures retry the poll.
 */
@Component
class TreasuryAckListener {

	private static final Logger log = LoggerFactory.getLogger(TreasuryAckListener.class);

	/*
	 * One row per posting in the poll (its first answer, and the first different one after it); against
	 * what is stored, a different answer becomes the later status once.
	 */
	private static final String RECORD = """
			INSERT INTO reconciliation.treasury_ack AS a (posting_id, status, reason, acked_at, event_id, later_status,
			    received_at)
			SELECT posting_id::uuid, status, reason, acked_at::timestamptz, event_id::uuid, later_status, ?
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			    AS r (posting_id, status, reason, acked_at, event_id, later_status)
			ON CONFLICT (posting_id) DO UPDATE SET later_status = coalesce(a.later_status,
			    CASE WHEN EXCLUDED.status <> a.status THEN EXCLUDED.status ELSE EXCLUDED.later_status END)
			""";

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	TreasuryAckListener(JsonMapper json, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
	}

	@KafkaListener(id = "reconciliation-treasury-acks", groupId = "batch-processor-reconciliation",
			topics = PostingAcknowledged.TOPIC, batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		Instant now = this.clock.instant();
		List<PostingAcknowledged> acks = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			PostingAcknowledged ack = PostingAcknowledged.read(this.json, record.value());
			String invalidField = (ack != null) ? ack.invalidField(now) : null;
			if (ack == null) {
				skipped("unreadable");
				log.warn("Skipped unreadable treasury ack at={}-{}@{}", record.topic(), record.partition(), record.offset());
			}
			else if (invalidField != null) {
				skipped("invalid-ack");
				log.warn("Skipped treasury ack the gateway refuses as invalid at={}-{}@{} field={}", record.topic(),
						record.partition(), record.offset(), invalidField);
			}
			else {
				acks.add(ack);
			}
		}
		Map<UUID, PostingAcknowledged> first = new LinkedHashMap<>();
		Map<UUID, String> later = new HashMap<>();
		for (PostingAcknowledged ack : acks) {
			PostingAcknowledged earlier = first.putIfAbsent(ack.postingId(), ack);
			if (earlier != null && !earlier.status().equals(ack.status())) {
				later.putIfAbsent(ack.postingId(), ack.status());
			}
		}
		if (first.isEmpty()) {
			return;
		}
		List<PostingAcknowledged> rows = List.copyOf(first.values());
		this.jdbc.sql(RECORD)
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
					column(rows, (ack) -> String.valueOf(ack.postingId())), column(rows, PostingAcknowledged::status),
					column(rows, PostingAcknowledged::reason), column(rows, (ack) -> String.valueOf(ack.ackedAt())),
					column(rows, (ack) -> String.valueOf(ack.eventId())), column(rows, (ack) -> later.get(ack.postingId())))
			.update();
		log.debug("Recorded treasury acks polled={} postings={}", records.size(), rows.size());
	}

	private static String[] column(List<PostingAcknowledged> rows, Function<PostingAcknowledged, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private void skipped(String reason) {
		this.meters.counter("etax.batch.reconciliation.acks.skipped", "reason", reason).increment();
	}

}

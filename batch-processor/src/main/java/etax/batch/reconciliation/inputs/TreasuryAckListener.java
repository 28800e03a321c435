package etax.batch.reconciliation.inputs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records the treasury's acks from {@code treasury.acks.v1} (its own consumer group, beside the gateway's):
 * the first answer per posting, and a later different answer beside it, in one statement per poll. Offsets
 * are committed after it, so a redelivered poll changes nothing. Unreadable values are skipped with a log
 * line naming the record, never its content; database failures retry the poll.
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

	TreasuryAckListener(JsonMapper json, JdbcClient jdbc, Clock clock) {
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@KafkaListener(id = "reconciliation-treasury-acks", groupId = "batch-processor-reconciliation",
			topics = PostingAcknowledged.TOPIC, batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		List<PostingAcknowledged> acks = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			PostingAcknowledged ack = read(record.value());
			if (ack != null && ack.complete()) {
				acks.add(ack);
			}
			else {
				log.warn("Skipped unreadable treasury ack at={}-{}@{}", record.topic(), record.partition(), record.offset());
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
			.params(OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC),
					column(rows, (ack) -> String.valueOf(ack.postingId())), column(rows, PostingAcknowledged::status),
					column(rows, PostingAcknowledged::reason), column(rows, (ack) -> String.valueOf(ack.ackedAt())),
					column(rows, (ack) -> String.valueOf(ack.eventId())), column(rows, (ack) -> later.get(ack.postingId())))
			.update();
		log.debug("Recorded treasury acks polled={} postings={}", records.size(), rows.size());
	}

	private static String[] column(List<PostingAcknowledged> rows, Function<PostingAcknowledged, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private PostingAcknowledged read(String value) {
		try {
			return (value != null) ? this.json.readValue(value, PostingAcknowledged.class) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}

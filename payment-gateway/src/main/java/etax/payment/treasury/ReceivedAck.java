package etax.payment.treasury;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record of {@value PostingAcknowledged#TOPIC} and the ack it holds, if it holds a valid one. An ack that can be
 * read but holds what PostgreSQL would refuse is refused here ({@code invalid-ack}), before it reaches the database:
 * the failed update would fail the poll, retried for ever, stopping the partition.
 *
 * @param record the record
 * @param ack the ack, or null when it holds none that may be applied
 * @param refusal why an ack is refused before it reaches the database (a reason code of {@code rejected_event}),
 * or null
 * @param detail what the refusal says, without the ack's text
 */
record ReceivedAck(ConsumerRecord<String, String> record, @Nullable PostingAcknowledged ack, @Nullable String refusal,
		@Nullable String detail) {

	/** The longest refusal reason kept; the treasury's reasons are a sentence. */
	static final int MAX_REASON_LENGTH = 500;

	/**
	 * The earliest {@code ackedAt}: the treasury answers postings this gateway requested, long after. PostgreSQL
	 * refuses some of what {@code java.time} reads (year 0, before 4713 BC), and the day of the ack dates the
	 * ledger's entry.
	 */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/**
	 * How far after the gateway reads it an ack may be dated: a day, for a treasury's clock ahead. More is no time the
	 * treasury decided, and would date the ledger's entry in the future. Today only moves forward, so an ack accepted
	 * once is never refused for this when it comes again.
	 */
	static final Duration AHEAD = Duration.ofDays(1);

	/**
	 * A reason is one line of text: PostgreSQL refuses NUL in text; other control characters have no business in
	 * what officers read.
	 */
	private static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]{0," + MAX_REASON_LENGTH + "}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String INVALID = "invalid-ack";

	static ReceivedAck of(ConsumerRecord<String, String> record, Instant now) {
		PostingAcknowledged ack = read(record.value());
		if (ack != null && ack.reason() != null && !REASON.matcher(ack.reason()).matches()) {
			return new ReceivedAck(record, null, INVALID,
					"reason must be at most " + MAX_REASON_LENGTH + " characters without control characters");
		}
		if (ack != null && (ack.ackedAt().isBefore(EARLIEST) || ack.ackedAt().isAfter(now.plus(AHEAD)))) {
			return new ReceivedAck(record, null, INVALID,
					"ackedAt must be from " + EARLIEST + " to a day after the gateway reads the ack");
		}
		return new ReceivedAck(record, ack, null, null);
	}

	/** The same record, refused as one PostgreSQL refused a value of though no check caught it. */
	ReceivedAck unstorable() {
		return new ReceivedAck(this.record, null, "unstorable",
				"the database refused a value of the ack that no check caught; report it with this rejection");
	}

	private static @Nullable PostingAcknowledged read(@Nullable String value) {
		try {
			JsonNode node = JSON.readTree(value);
			String status = node.path("status").asString("");
			// the type too, as the reconciliation's reader asks it: another message of the topic is no ack
			if (!PostingAcknowledged.TYPE.equals(node.path("type").asString("")) || node.path("version").asInt(0) != 1
					|| !(status.equals("POSTED") || status.equals("REFUSED"))) {
				return null;
			}
			return new PostingAcknowledged(UUID.fromString(node.path("eventId").asString()), PostingAcknowledged.TYPE, 1,
					UUID.fromString(node.path("postingId").asString()), status,
					node.path("reason").isString() ? node.path("reason").asString() : null,
					Instant.parse(node.path("ackedAt").asString()));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

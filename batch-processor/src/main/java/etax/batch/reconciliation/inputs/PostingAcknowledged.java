package etax.batch.reconciliation.inputs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treasury's answer to a posting on {@code treasury.acks.v1} (docs/adr/0007-treasury-acks.md), read and
 * judged as payment-gateway reads and judges it ({@code etax.payment.treasury.ReceivedAck}): an ack the gateway
 * does not apply leaves its posting REQUESTED there, so recording it here would give the treasury's leg an answer
 * the gateway never took (ACKED, or CONFLICT with the answer it did take) and the two services would disagree.
 *
 * @param eventId the ack's id
 * @param type {@code PostingAcknowledged}
 * @param version 1
 * @param postingId the posting answered
 * @param status POSTED or REFUSED
 * @param reason why, for a refusal
 * @param ackedAt when the treasury answered
 */
record PostingAcknowledged(UUID eventId, String type, int version, UUID postingId, String status,
		@Nullable String reason, Instant ackedAt) {

	static final String TOPIC = "treasury.acks.v1";

	static final String TYPE = "PostingAcknowledged";

	/** The longest reason the gateway keeps. */
	static final int MAX_REASON_LENGTH = 500;

	/** The earliest {@code ackedAt} the gateway takes. */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** How far after it is read the gateway lets an ack be dated: a day, for a treasury's clock ahead. */
	static final Duration AHEAD = Duration.ofDays(1);

	/** One line of text, as the gateway's: no NUL (PostgreSQL refuses it), no other control character. */
	private static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]{0," + MAX_REASON_LENGTH + "}");

	/**
	 * The ack a record holds, read as the gateway reads it: another message of the topic, a field missing or not
	 * of its form (an {@code ackedAt} that is no ISO-8601 text, a number of seconds included) is none.
	 * @param json the reader
	 * @param value the record's value
	 * @return the ack, or null
	 */
	static @Nullable PostingAcknowledged read(JsonMapper json, @Nullable String value) {
		try {
			JsonNode node = json.readTree(value);
			String status = node.path("status").asString("");
			if (!TYPE.equals(node.path("type").asString("")) || node.path("version").asInt(0) != 1
					|| !(status.equals("POSTED") || status.equals("REFUSED"))) {
				return null;
			}
			return new PostingAcknowledged(UUID.fromString(node.path("eventId").asString()), TYPE, 1,
					UUID.fromString(node.path("postingId").asString()), status,
					node.path("reason").isString() ? node.path("reason").asString() : null,
					Instant.parse(node.path("ackedAt").asString()));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Why the gateway refuses it ({@code invalid-ack}), or null when it takes it: a reason over
	 * {@value #MAX_REASON_LENGTH} characters or with a control character, an {@code ackedAt} before
	 * {@link #EARLIEST} or more than {@link #AHEAD} after it is read. The same rules keep out what PostgreSQL would
	 * refuse, which would fail the poll again and again, and every ack after it on the partition with it.
	 * @param now when it is read
	 * @return {@code reason} or {@code ackedAt}, the field at fault, or null
	 */
	@Nullable String invalidField(Instant now) {
		if (this.reason != null && !REASON.matcher(this.reason).matches()) {
			return "reason";
		}
		if (this.ackedAt.isBefore(EARLIEST) || this.ackedAt.isAfter(now.plus(AHEAD))) {
			return "ackedAt";
		}
		return null;
	}

}

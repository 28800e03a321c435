package etax.payment.treasury;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The treasury's answer to a posting, version 1 on {@value #TOPIC}, keyed by the payer MST
 * (docs/adr/0007-treasury-acks.md).
 *
 * @param eventId the ack's own id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param postingId the posting answered
 * @param status {@code POSTED} or {@code REFUSED}
 * @param reason why it was refused, if it was
 * @param ackedAt when the treasury decided
 */
public record PostingAcknowledged(UUID eventId, String type, int version, UUID postingId, String status,
		@Nullable String reason, Instant ackedAt) {

	public static final String TOPIC = "treasury.acks.v1";

	public static final String TYPE = "PostingAcknowledged";

}

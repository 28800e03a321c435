package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The treasury's answer to a posting on {@code treasury.acks.v1} (docs/adr/0007-treasury-acks.md), read
 * tolerantly: version 1, unknown properties ignored.
 *
 * @param eventId the ack's id
 * @param type {@code PostingAcknowledged}
 * @param version 1
 * @param postingId the posting answered
 * @param status POSTED or REFUSED
 * @param reason why, for a refusal
 * @param ackedAt when the treasury answered
 */
record PostingAcknowledged(@Nullable UUID eventId, @Nullable String type, @Nullable Integer version,
		@Nullable UUID postingId, @Nullable String status, @Nullable String reason, @Nullable Instant ackedAt) {

	static final String TOPIC = "treasury.acks.v1";

	boolean complete() {
		return "PostingAcknowledged".equals(this.type) && this.version != null && this.version == 1
				&& this.eventId != null && this.postingId != null && this.ackedAt != null
				&& ("POSTED".equals(this.status) || "REFUSED".equals(this.status));
	}

}

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

	/** The latest time PostgreSQL reads back as written: a year of four digits. */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/**
	 * Whether it is an ack this consumer records: every field it needs, and values PostgreSQL stores (no NUL in the
	 * reason, a time of a four-digit year). An ack it would refuse would otherwise fail its poll again and again, and
	 * every ack after it on the partition with it.
	 */
	boolean complete() {
		return "PostingAcknowledged".equals(this.type) && this.version != null && this.version == 1
				&& this.eventId != null && this.postingId != null && this.ackedAt != null
				&& ("POSTED".equals(this.status) || "REFUSED".equals(this.status))
				&& (this.reason == null || this.reason.indexOf('\0') < 0) && !this.ackedAt.isAfter(LATEST)
				&& !this.ackedAt.isBefore(Instant.EPOCH);
	}

}

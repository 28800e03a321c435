package etax.batch.console.taxpayers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import etax.schemas.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A deadline extension as declaration-api answers it ({@code GET /api/v1/taxpayers/{mst}/extensions}): the
 * grant, and its revocation if any.
 *
 * @param id the grant
 * @param mst the taxpayer
 * @param maTKhai the form's code in the envelope, e.g. {@code 842}
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param periodKind {@code kieuKy}
 * @param period the period as its kind is written
 * @param reason the reason's code
 * @param reasonLabel the reason in Vietnamese and English
 * @param requestedOn the day the taxpayer's request reached the office; none for grants recorded before it was asked
 * @param regularDeadline the deadline of the form's rule for the period
 * @param deadline the day granted
 * @param grantedBy the officer who granted it
 * @param grantedAt when
 * @param revokedBy the officer who revoked it, if revoked
 * @param revokedAt when, if revoked
 */
record Extension(UUID id, String mst, String maTKhai, @Nullable String formCode, String periodKind, String period,
		String reason, @Nullable LocalizedText reasonLabel, @Nullable LocalDate requestedOn,
		@Nullable LocalDate regularDeadline, LocalDate deadline,
		String grantedBy, Instant grantedAt, @Nullable String revokedBy, @Nullable Instant revokedAt) {

	/** @return the form's code and its maTKhai, e.g. "01/GTGT (842)" */
	public String form() {
		return (this.formCode != null) ? this.formCode + " (" + this.maTKhai + ")" : this.maTKhai;
	}

	/** @return the reason in words, Vietnamese first; its code when declaration-api gave no words */
	public String reasonWords() {
		return (this.reasonLabel != null) ? this.reasonLabel.vi() + " (" + this.reasonLabel.en() + ")" : this.reason;
	}

	/** @return whether it is not revoked */
	public boolean inForce() {
		return this.revokedAt == null;
	}

}

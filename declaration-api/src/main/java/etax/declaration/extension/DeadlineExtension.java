package etax.declaration.extension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import etax.schemas.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A filing deadline extended for one taxpayer, form and period, as granted, and its revocation if any. Grants
 * and revocations are kept, never changed: the extension was in force from {@code grantedAt} until
 * {@code revokedAt}.
 *
 * @param id the grant
 * @param mst the taxpayer
 * @param maTKhai the form's code in the envelope, e.g. {@code 842}
 * @param formCode the form, e.g. {@code 01/GTGT}
 * @param periodKind {@code kieuKy}
 * @param period {@code kyKKhai} as a return writes it; for a free range (K, N) its bounds,
 * {@code dd/MM/yyyy-dd/MM/yyyy}
 * @param reason why it was granted
 * @param requestedOn the day the taxpayer's request reached the tax office, by the regular deadline; none for grants
 * recorded before the day was asked for
 * @param regularDeadline the deadline of the form's rule for the period (ADR 0021)
 * @param deadline the day granted: after the regular deadline, at most 30 days after it (60 for an annual
 * finalization)
 * @param grantedBy the officer who granted it (token subject)
 * @param grantedAt when
 * @param revokedBy the officer who revoked it, if revoked
 * @param revokedAt when, if revoked
 */
public record DeadlineExtension(UUID id, String mst, String maTKhai, String formCode, String periodKind, String period,
		ExtensionReason reason, @Nullable LocalDate requestedOn, LocalDate regularDeadline, LocalDate deadline, String grantedBy, Instant grantedAt,
		@Nullable String revokedBy, @Nullable Instant revokedAt) {

	/**
	 * @return what the reason is called, in both languages
	 */
	@JsonProperty("reasonLabel")
	public LocalizedText reasonLabel() {
		return this.reason.label();
	}

}

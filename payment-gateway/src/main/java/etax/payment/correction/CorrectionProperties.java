package etax.payment.correction;

import java.util.Map;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of correction requests ({@code etax.payment.correction.*}).
 *
 * @param collectingAgencyOffices the tax office (the 5-digit code of officers' tokens) concerned by the
 * payments of each collecting agency ({@code MA_CQTHU} on vouchers, 3 to 7 digits), e.g.
 * {@code collecting-agency-offices.1054523=99999}: the same data as batch-processor's
 * {@code etax.batch.reconciliation.collecting-agency-offices}. An officer of that office (or a national
 * officer) resolves a held credit of such a payment; a payment of an agency not listed keeps the agency's code
 * as its office, so that only national officers resolve it
 */
@Validated
@ConfigurationProperties("etax.payment.correction")
record CorrectionProperties(@DefaultValue Map<@Pattern(regexp = "\\d{3,7}") String,
		@Pattern(regexp = "\\d{5}") String> collectingAgencyOffices) {

	/** The tax office concerned by a payment of a collecting agency. */
	String officeOf(String collectingAgency) {
		return this.collectingAgencyOffices.getOrDefault(collectingAgency, collectingAgency);
	}

}

package etax.payment.office;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tax offices of the gateway's rows ({@code etax.payment.offices.*}).
 *
 * @param collectingAgencies the tax office (the 5-digit code of officers' tokens) of the payments of each
 * collecting agency ({@code MA_CQTHU} on vouchers, 3 to 7 digits), e.g. {@code collecting-agencies.1054523=99999}:
 * the same data as batch-processor's {@code etax.batch.reconciliation.collecting-agency-offices}
 * @param paymentDesk the offices whose officers work the bank channel: besides their own office's rows they read
 * the rows of no office (dead-lettered bank messages, payments of an agency not mapped, obligations booked
 * without an office)
 */
@Validated
@ConfigurationProperties("etax.payment.offices")
record OfficeProperties(@DefaultValue Map<@Pattern(regexp = "\\d{3,7}") String,
		@Pattern(regexp = "\\d{5}") String> collectingAgencies,
		@DefaultValue Set<@Pattern(regexp = "\\d{5}") String> paymentDesk) {

}

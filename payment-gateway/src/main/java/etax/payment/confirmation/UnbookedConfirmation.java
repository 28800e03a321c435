package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A pending or failed confirmation as the gateway recorded it: kept apart, no money moved (ADR 0005).
 *
 * @param bankCode the bank
 * @param bankReference its reference
 * @param status {@code PENDING} or {@code FAILED}
 * @param payerMst the payer (personal data: for officers and the bank that sent it)
 * @param amount the total in the voucher's currency
 * @param currency the voucher's currency
 * @param paymentDate the date the bank gave
 * @param contentHash SHA-256 (hex) of its business content
 * @param receivedAt when it was recorded
 * @param source where it was read
 * @param redrive the officer's re-drive it was recorded from, or null when it is the bank's own message
 * @param collectingAgencyCode the collecting agency ({@code MA_CQTHU}), whose office it belongs to; null for one
 * recorded before V31 from a message that was not JSON
 */
public record UnbookedConfirmation(String bankCode, String bankReference, String status, String payerMst,
		BigDecimal amount, String currency, LocalDate paymentDate, String contentHash, Instant receivedAt,
		MessagePosition source, @Nullable RedriveOrigin redrive, @Nullable String collectingAgencyCode) {

}

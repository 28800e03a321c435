package etax.payment.treasury;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A posting the treasury refused: no money moved, the amount stays in the treasury receivable until an
 * officer has it corrected and posted again or returned (docs/adr/0007-treasury-acks.md).
 *
 * @param postingId the posting
 * @param payerMst the taxpayer of the payment
 * @param bankCode the bank of the payment
 * @param bankReference the payment's bank reference
 * @param lineNumber its voucher line
 * @param direction {@code PAYMENT}, {@code REVERSAL}, {@code RECODING} (money moved between sub-items or
 * taxpayers) or {@code REFUND} (a refund order to the taxpayer); for the last two, its payment the line the money
 * was paid with
 * @param treasuryCode the treasury that refused it
 * @param subItem the sub-item
 * @param amountVnd whole VND
 * @param paymentDate the legal date of payment
 * @param requestedAt when it was requested
 * @param refusedAt when the treasury refused it (its ack's time)
 * @param reason why, as the treasury said; null if it gave no reason
 */
public record RefusedPosting(UUID postingId, String payerMst, String bankCode, String bankReference, int lineNumber,
		String direction, String treasuryCode, String subItem, BigDecimal amountVnd, LocalDate paymentDate,
		Instant requestedAt, Instant refusedAt, @Nullable String reason) {

}

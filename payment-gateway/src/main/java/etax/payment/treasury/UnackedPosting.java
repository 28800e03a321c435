package etax.payment.treasury;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A posting the treasury has not answered.
 *
 * @param postingId the posting
 * @param bankCode the bank of the payment
 * @param bankReference the payment's bank reference
 * @param lineNumber its voucher line
 * @param direction {@code PAYMENT}, {@code REVERSAL}, {@code RECODING} (money moved between sub-items or
 * taxpayers) or {@code REFUND} (a refund order to the taxpayer); for the last two, its payment the line the money
 * was paid with
 * @param treasuryCode the treasury asked
 * @param subItem the sub-item
 * @param amountVnd whole VND
 * @param paymentDate the legal date of payment
 * @param requestedAt when it was requested
 */
public record UnackedPosting(UUID postingId, String bankCode, String bankReference, int lineNumber, String direction,
		String treasuryCode, String subItem, BigDecimal amountVnd, LocalDate paymentDate, Instant requestedAt) {

}

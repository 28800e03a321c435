package etax.payment.treasury;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A refund order (VN-ETAX §5: "Lệnh hoàn", notice 998) to the treasury: pay an amount of a taxpayer's overpayment
 * out of the collection account to the taxpayer's bank account. {@code PostingRequested} version 3, direction
 * {@value #DIRECTION}, on {@value PostingRequested#TOPIC} keyed by the MST (docs/adr/0007-treasury-acks.md,
 * addendum "Refund orders"). A new version because money goes the other way: a reader of version 1 or 2 that does
 * not look at the direction would post it as money in. Every field of version 1 keeps its meaning for the coding
 * the money is paid out of (the payment line it was paid with); version 3 adds the order's payee. The treasury
 * answers it like any posting ({@link PostingAcknowledged}); until it does, the ledger owes the amount to the
 * taxpayer as a refund payable.
 *
 * @param eventId the event id, name-based on the posting id
 * @param type always {@value PostingRequested#TYPE}
 * @param version always 3
 * @param postingId the order's posting id, echoed by the treasury's ack
 * @param lineNumber the voucher line the money was paid with
 * @param direction always {@value #DIRECTION}
 * @param bankCode the bank that collected the money
 * @param bankReference the payment's bank reference
 * @param reversalOf always null
 * @param mst the taxpayer refunded
 * @param chapter the budget chapter, as the money was paid
 * @param subItem the sub-item (NDKT) it is paid out of
 * @param taxPeriod the period, as the money was paid
 * @param areaCode the administrative area, as the money was paid
 * @param collectingAgencyCode the collecting tax agency, as the money was paid
 * @param treasuryCode the treasury holding the money
 * @param treasuryAccount the account it is paid out of, as the money was paid ({@code 7111})
 * @param amount whole VND
 * @param currency always {@code VND}
 * @param exchangeRate always null
 * @param amountVnd whole VND
 * @param paymentDate the day of the order
 * @param refundOf the posting id of the payment line the money was paid with
 * @param payeeBankCode the bank of the taxpayer's account
 * @param payeeAccount the taxpayer's account number
 * @param payeeName the account holder
 */
public record RefundRequested(UUID eventId, String type, int version, UUID postingId, int lineNumber,
		String direction, String bankCode, String bankReference, @Nullable String reversalOf, String mst,
		String chapter, String subItem, String taxPeriod, String areaCode, @Nullable String collectingAgencyCode,
		String treasuryCode, String treasuryAccount, BigDecimal amount, String currency,
		@Nullable BigDecimal exchangeRate, BigDecimal amountVnd, LocalDate paymentDate, UUID refundOf,
		String payeeBankCode, String payeeAccount, String payeeName) {

	/** The direction of a refund order. */
	public static final String DIRECTION = "REFUND";

	static RefundRequested of(Refund refund, RecodingRequested.PaidLine line) {
		UUID eventId = UUID.nameUUIDFromBytes(("etax.payment\u001F" + PostingRequested.TYPE + "\u001F"
				+ refund.postingId()).getBytes(StandardCharsets.UTF_8));
		return new RefundRequested(eventId, PostingRequested.TYPE, 3, refund.postingId(), line.lineNumber(), DIRECTION,
				line.bankCode(), line.bankReference(), null, refund.mst(), line.chapter(), refund.subItem(),
				line.taxPeriod(), line.areaCode(), line.collectingAgencyCode(), line.treasuryCode(),
				line.treasuryAccount(), refund.amountVnd(), "VND", null, refund.amountVnd(), refund.orderDate(),
				refund.paidWith(), refund.payee().bankCode(), refund.payee().account(), refund.payee().name());
	}

}

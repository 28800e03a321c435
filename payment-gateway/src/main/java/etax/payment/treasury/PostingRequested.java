package etax.payment.treasury;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import etax.payment.confirmation.PaymentRecorded;
import org.jspecify.annotations.Nullable;

/**
 * A request to the treasury to post one voucher line, on {@value #TOPIC} keyed by the payer MST.
 * The posting id is name-based on the bank code, bank reference and line number, and the event id on
 * the posting id, so a line is always requested under the same ids: the treasury de-duplicates on the
 * posting id and answers on {@code treasury.acks.v1} ({@link PostingAcknowledged}). This is version 1, for
 * payments and reversals; a re-coding between sub-items is version 2 ({@link RecodingRequested}).
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param postingId the posting id, echoed by the treasury's ack
 * @param lineNumber the voucher line posted, from 1
 * @param direction {@code PAYMENT}, or {@code REVERSAL} to take back a reversed payment's line
 * @param bankCode the bank that collected
 * @param bankReference the bank's reference of the payment (of the reversal, for a reversal)
 * @param reversalOf for a reversal, the bank reference of the payment reversed
 * @param mst the payer MST
 * @param chapter the budget chapter
 * @param subItem the sub-item (NDKT)
 * @param taxPeriod the period paid for ({@code KY_THUE})
 * @param areaCode the administrative area receiving the revenue
 * @param collectingAgencyCode the collecting tax agency
 * @param treasuryCode the treasury that posts
 * @param treasuryAccount the account to credit, {@code 7111} for revenue
 * @param amount in the voucher's currency
 * @param currency {@code VND} or {@code USD}
 * @param exchangeRate VND per unit, null for VND
 * @param amountVnd whole VND
 * @param paymentDate the legal date of payment
 */
public record PostingRequested(UUID eventId, String type, int version, UUID postingId, int lineNumber,
		String direction,
		String bankCode, String bankReference, @Nullable String reversalOf, String mst, String chapter,
		String subItem, String taxPeriod, String areaCode, String collectingAgencyCode, String treasuryCode,
		String treasuryAccount, BigDecimal amount, String currency, @Nullable BigDecimal exchangeRate,
		BigDecimal amountVnd, LocalDate paymentDate) {

	public static final String TOPIC = "treasury.postings.v1";

	public static final String TYPE = "PostingRequested";

	static PostingRequested of(PaymentRecorded payment, PaymentRecorded.Line line) {
		UUID eventId = UUID.nameUUIDFromBytes(
				("etax.payment\u001F" + TYPE + "\u001F" + line.postingId()).getBytes(StandardCharsets.UTF_8));
		return new PostingRequested(eventId, TYPE, 1, line.postingId(), line.lineNumber(), payment.isReversal() ? "REVERSAL" : "PAYMENT",
				payment.bankCode(), payment.bankReference(), payment.reversalOf(), payment.mst(), line.chapter(),
				line.subItem(), line.taxPeriod(), payment.areaCode(), payment.collectingAgencyCode(),
				payment.treasuryCode(), payment.treasuryAccount(), line.amount(), payment.currency(),
				payment.exchangeRate(), line.amountVnd(), payment.paymentDate());
	}

}

package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * A booked bank confirmation (a payment, or the reversal of one) was recorded for the first time.
 * Sent to {@code etax.payments.v1} through the outbox, keyed by the payer MST. The event id is
 * name-based on the confirmation, so the same payment always carries the same id and consumers
 * de-duplicate on it. Amounts are in the voucher's currency; {@code amountVnd} and each line's
 * {@code amountVnd} in whole VND.
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param status {@code DEBITED} for a payment, {@code REVERSED} for a reversal
 * @param reversalOf for a reversal, the bank reference of the payment it reverses
 * @param bankCode the bank
 * @param bankReference the bank's reference
 * @param voucherNumber the voucher number
 * @param mst the payer MST
 * @param payerOnBehalfMst who paid on the payer's behalf, if anyone
 * @param currency {@code VND} or {@code USD}
 * @param exchangeRate VND per unit, null for VND
 * @param amount the total in the voucher's currency
 * @param amountVnd the total in whole VND
 * @param paymentDate the legal date of payment
 * @param sentAt when the bank sent it
 * @param treasuryCode the collecting treasury
 * @param treasuryAccount the collection account
 * @param collectingAgencyCode the collecting tax agency
 * @param areaCode the area receiving the revenue
 * @param recordedAt when the gateway recorded it
 * @param lines the voucher lines with their posting ids
 */
public record PaymentRecorded(UUID eventId, String type, int version, String status, @Nullable String reversalOf,
		String bankCode, String bankReference, String voucherNumber, String mst, @Nullable String payerOnBehalfMst,
		String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount, BigDecimal amountVnd,
		LocalDate paymentDate, Instant sentAt, String treasuryCode, String treasuryAccount,
		String collectingAgencyCode, String areaCode, Instant recordedAt, List<Line> lines) {

	public static final String TOPIC = "etax.payments.v1";

	public static final String TYPE = "PaymentRecorded";

	public PaymentRecorded {
		lines = List.copyOf(lines);
	}

	public boolean isReversal() {
		return "REVERSED".equals(this.status);
	}

	static PaymentRecorded of(BankConfirmation confirmation, Instant recordedAt) {
		List<Line> lines = IntStream.range(0, confirmation.lines().size()).mapToObj((i) -> {
			ConfirmationLine line = confirmation.lines().get(i);
			return new Line(i + 1, confirmation.postingId(i + 1), line.chapter(), line.subItem(),
					line.taxPeriod().value(), line.amount(), line.amountVnd(confirmation.exchangeRate()),
					line.payableItemId(), line.returnNumber());
		}).toList();
		return new PaymentRecorded(
				BankConfirmation.nameBased(TYPE, confirmation.bankCode(), confirmation.bankReference()), TYPE, 1,
				confirmation.status().name(), confirmation.reversalOf(), confirmation.bankCode(),
				confirmation.bankReference(), confirmation.voucherNumber(), confirmation.payer().value(),
				(confirmation.payerOnBehalf() != null) ? confirmation.payerOnBehalf().value() : null,
				confirmation.currency(), confirmation.exchangeRate(), confirmation.amount(), confirmation.amountVnd(),
				confirmation.paymentDate(), confirmation.sentAt(), confirmation.treasuryCode(),
				confirmation.treasuryAccount(), confirmation.collectingAgencyCode(), confirmation.areaCode(), recordedAt,
				lines);
	}

	/**
	 * @param lineNumber from 1, in the bank's order
	 * @param postingId the id of this line's treasury posting
	 * @param chapter the budget chapter
	 * @param subItem the sub-item (NDKT)
	 * @param taxPeriod the period ({@code KY_THUE})
	 * @param amount in the voucher's currency
	 * @param amountVnd in whole VND
	 * @param payableItemId the payable item the payer named, if any
	 * @param returnNumber the return, decision or notice number, if any
	 */
	public record Line(int lineNumber, UUID postingId, String chapter, String subItem, String taxPeriod,
			BigDecimal amount, BigDecimal amountVnd, @Nullable String payableItemId, @Nullable String returnNumber) {

	}

}

package etax.payment.confirmation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * A bank confirmation was recorded for the first time. Published in-process inside the recording
 * transaction (listeners that write do so atomically with it) and sent to {@code etax.payments.v1}
 * through the outbox, keyed by the payer MST. The event id is name-based on the confirmation, so the
 * same payment always carries the same id and consumers de-duplicate on it.
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param bankCode the bank
 * @param bankReference the bank's reference
 * @param voucherNumber the voucher number
 * @param mst the payer MST
 * @param currency {@code VND}
 * @param amount the total, whole VND
 * @param paymentDate the legal date of payment
 * @param treasuryCode the collecting treasury
 * @param treasuryAccount the collection account
 * @param areaCode the area receiving the revenue
 * @param recordedAt when the gateway recorded it
 * @param lines the voucher lines with their posting ids
 */
public record PaymentRecorded(UUID eventId, String type, int version, String bankCode, String bankReference,
		String voucherNumber, String mst, String currency, BigDecimal amount, LocalDate paymentDate,
		String treasuryCode, String treasuryAccount, String areaCode, Instant recordedAt, List<Line> lines) {

	public static final String TOPIC = "etax.payments.v1";

	public static final String TYPE = "PaymentRecorded";

	public PaymentRecorded {
		lines = List.copyOf(lines);
	}

	static PaymentRecorded of(BankConfirmation confirmation, Instant recordedAt) {
		List<Line> lines = IntStream.range(0, confirmation.lines().size()).mapToObj((i) -> {
			ConfirmationLine line = confirmation.lines().get(i);
			return new Line(i + 1, confirmation.postingId(i + 1), line.chapter(), line.subItem(),
					line.taxPeriod().value(), line.amount(), line.payableItemId());
		}).toList();
		return new PaymentRecorded(
				BankConfirmation.nameBased(TYPE, confirmation.bankCode(), confirmation.bankReference()), TYPE, 1,
				confirmation.bankCode(), confirmation.bankReference(), confirmation.voucherNumber(),
				confirmation.payer().value(), confirmation.currency(), confirmation.amount(),
				confirmation.paymentDate(), confirmation.treasuryCode(), confirmation.treasuryAccount(),
				confirmation.areaCode(), recordedAt, lines);
	}

	/**
	 * @param lineNumber from 1, in the bank's order
	 * @param postingId the id of this line's treasury posting
	 * @param chapter the budget chapter
	 * @param subItem the sub-item (NDKT)
	 * @param taxPeriod the period ({@code KY_THUE})
	 * @param amount whole VND
	 * @param payableItemId the payable item the payer named, if any
	 */
	public record Line(int lineNumber, UUID postingId, String chapter, String subItem, String taxPeriod,
			BigDecimal amount, @Nullable String payableItemId) {

	}

}

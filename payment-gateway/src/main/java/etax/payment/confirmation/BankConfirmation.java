package etax.payment.confirmation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import etax.ids.TaxpayerId;
import org.jspecify.annotations.Nullable;

/**
 * A bank's confirmation about a payment voucher (C1-02/NS, VN-ETAX §5.2), read from
 * {@code bank.payment-confirmations.v1} (JSON version 1 or ISO 20022 camt.054) and validated.
 *
 * @param bankCode the bank that debited the payer ({@code MA_NHANG_NOP}), 8 digits
 * @param bankReference the bank's reference ({@code MA_THAMCHIEU}); with the bank code it identifies
 * the confirmation
 * @param voucherNumber the voucher number ({@code SO_GNT})
 * @param payer the taxpayer whose obligations are paid ({@code MST_NNOP})
 * @param payerOnBehalf who paid for them ({@code MST_NTHAY}), if someone else did
 * @param currency {@code VND} or {@code USD} ({@code MA_NGUYENTE})
 * @param exchangeRate VND per unit for a foreign-currency voucher, null for VND
 * @param amount the voucher total ({@code TONG_TIEN}) in its currency, the sum of the lines
 * @param paymentDate the day the bank confirmed the debit (the legal date of payment, §5.3)
 * @param sentAt when the bank sent the confirmation ({@code NGAY_GUI}), for end-to-end latency
 * @param status what the bank says happened
 * @param reversalOf for a reversal, the bank reference of the payment it reverses
 * @param treasuryCode the State Treasury (KBNN) that collects, 4 digits
 * @param treasuryAccount the collection account, {@code 7111} for revenue
 * @param collectingAgencyCode the collecting tax agency ({@code MA_CQTHU})
 * @param areaCode the administrative area receiving the revenue ({@code MA_DBHC_THU})
 * @param lines the voucher lines, in the bank's order; line numbers start at 1
 */
public record BankConfirmation(String bankCode, String bankReference, String voucherNumber, TaxpayerId payer,
		@Nullable TaxpayerId payerOnBehalf, String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount,
		LocalDate paymentDate, Instant sentAt, Status status, @Nullable String reversalOf, String treasuryCode,
		String treasuryAccount, String collectingAgencyCode, String areaCode, List<ConfirmationLine> lines) {

	private static final char SEPARATOR = '\u001F';

	public BankConfirmation {
		lines = List.copyOf(lines);
	}

	/** What the bank says about the voucher. */
	public enum Status {

		/** Debited: booked (camt.054 BOOK), final. */
		DEBITED,
		/** A booked reversal or return of an earlier debit (camt.054 BOOK with a reversal indicator). */
		REVERSED,
		/** Not booked yet (camt.054 PDNG): kept apart, no money moves. */
		PENDING,
		/** The debit failed: kept apart, no money moves. */
		FAILED;

		public boolean isBooked() {
			return this == DEBITED || this == REVERSED;
		}

	}

	/**
	 * The id of the treasury posting of one line: name-based, so that every derivation (a redelivery,
	 * a replay, a consumer) gives the same id and the treasury can de-duplicate on it.
	 * @param lineNumber the line, from 1
	 * @return the posting id
	 */
	public UUID postingId(int lineNumber) {
		return nameBased("posting", this.bankCode, this.bankReference, Integer.toString(lineNumber));
	}

	/** The total in whole VND: the sum of the lines converted one by one. */
	public BigDecimal amountVnd() {
		return this.lines.stream().map((line) -> line.amountVnd(this.exchangeRate)).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static UUID nameBased(String... parts) {
		return UUID.nameUUIDFromBytes(("etax.payment" + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts))
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * SHA-256 over the business content, not the raw bytes: a resend that differs only in whitespace,
	 * property order, unknown properties or format (JSON or camt.054) is the same confirmation. The
	 * bank's send time is not content: a resend carries a new one.
	 */
	String contentHash() {
		StringBuilder canonical = new StringBuilder();
		append(canonical, "v1", this.bankCode, this.bankReference, this.voucherNumber, this.payer.value(),
				(this.payerOnBehalf != null) ? this.payerOnBehalf.value() : "-", this.currency,
				(this.exchangeRate != null) ? this.exchangeRate.stripTrailingZeros().toPlainString() : "-",
				this.amount.stripTrailingZeros().toPlainString(), this.paymentDate.toString(), this.status.name(),
				(this.reversalOf != null) ? this.reversalOf : "-", this.treasuryCode, this.treasuryAccount,
				this.collectingAgencyCode, this.areaCode);
		for (ConfirmationLine line : this.lines) {
			append(canonical, "line", line.chapter(), line.subItem(), line.taxPeriod().value(),
					line.amount().stripTrailingZeros().toPlainString(),
					(line.payableItemId() != null) ? "=" + line.payableItemId() : "-",
					(line.returnNumber() != null) ? "=" + line.returnNumber() : "-");
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static void append(StringBuilder canonical, String... values) {
		for (String value : values) {
			canonical.append(value).append(SEPARATOR);
		}
		canonical.append('\n');
	}

}

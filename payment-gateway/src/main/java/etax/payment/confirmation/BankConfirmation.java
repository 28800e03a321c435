package etax.payment.confirmation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A bank's confirmation that it debited a payment voucher (C1-02/NS, VN-ETAX §5.2), as read from
 * {@code bank.payment-confirmations.v1} version 1 and validated. Amounts are whole VND.
 *
 * @param bankCode the bank that debited the payer ({@code MA_NHANG_NOP}), 8 digits
 * @param bankReference the bank's reference ({@code MA_THAMCHIEU}); with the bank code it identifies
 * the confirmation
 * @param voucherNumber the voucher number ({@code SO_GNT})
 * @param payer the payer's MST
 * @param currency always {@code VND} in this version
 * @param amount the voucher total ({@code TONG_TIEN}), the sum of the lines
 * @param paymentDate the day the bank confirmed the debit (the legal date of payment, §5.3)
 * @param status the bank's status, {@code DEBITED}
 * @param treasuryCode the State Treasury (KBNN) that collects, 4 digits
 * @param treasuryAccount the collection account, {@code 7111} for revenue
 * @param areaCode the administrative area receiving the revenue ({@code MA_DBHC_THU})
 * @param lines the voucher lines, in the bank's order; line numbers start at 1
 */
public record BankConfirmation(String bankCode, String bankReference, String voucherNumber, TaxpayerId payer,
		String currency, BigDecimal amount, LocalDate paymentDate, String status, String treasuryCode,
		String treasuryAccount, String areaCode, List<ConfirmationLine> lines) {

	private static final char SEPARATOR = '\u001F';

	public BankConfirmation {
		lines = List.copyOf(lines);
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

	static UUID nameBased(String... parts) {
		return UUID.nameUUIDFromBytes(("etax.payment" + SEPARATOR + String.join(String.valueOf(SEPARATOR), parts))
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * SHA-256 over the business content, not the raw bytes: a resend that differs only in whitespace,
	 * property order or unknown properties is the same confirmation.
	 */
	String contentHash() {
		StringBuilder canonical = new StringBuilder();
		append(canonical, "v1", this.bankCode, this.bankReference, this.voucherNumber, this.payer.value(),
				this.currency, this.amount.toPlainString(), this.paymentDate.toString(), this.status,
				this.treasuryCode, this.treasuryAccount, this.areaCode);
		for (ConfirmationLine line : this.lines) {
			append(canonical, "line", line.chapter(), line.subItem(), line.taxPeriod().value(),
					line.amount().toPlainString(), (line.payableItemId() != null) ? "=" + line.payableItemId() : "-");
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

package etax.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A voucher line as classified, with what each leg says of it (the legs' coding only for exceptions,
 * as the bank's detail report 05 compares them).
 *
 * @param lineKey the line's key within the day: bank code/bank reference/line, bank code/bank reference for a
 * voucher the bank reported pending and its file does not list, or posting/id for a line only the treasury has
 * @param lineClass the class
 * @param currency the currency
 * @param amount the amount
 * @param bankCode the bank
 * @param bankReference the bank's reference (MA_THAMCHIEU)
 * @param lineNumber the voucher line, null for a pending voucher (it has no lines yet)
 * @param postingId the treasury posting
 * @param taxOffice the tax office that works the line: the one its collecting agency maps to, or the agency's
 * code when it maps to none
 * @param treasuryCode the treasury (MA_KBNN), for exceptions
 * @param taxStatus DEBITED, REVERSED (paid, then reversed on or before the line's day), REVERSAL (a reversal
 * entry), PENDING, FAILED
 * @param bankStatus DEBITED, REVERSED, PENDING, FAILED
 * @param treasuryStatus POSTED, ACKED (acked, not on the statement), REFUSED, CONFLICT
 * @param mismatched the coding fields that differ: chapter, subItem, area, amount, currency, treasuryCode,
 * treasuryAccount, collectingAgency, payerMst, taxPeriod
 * @param tax the tax side's coding
 * @param bank the bank's coding
 * @param treasury the treasury's coding
 * @param treasuryValueDate the value date of the treasury's statement row, when it is not the line's day: a row
 * valued after the payment's date, within {@code value-date-window-days} (a weekend's, a holiday's or an
 * after-cut-off payment)
 */
public record ReconciledLine(String lineKey, LineClass lineClass, @Nullable String currency,
		@Nullable BigDecimal amount, @Nullable String bankCode, @Nullable String bankReference,
		@Nullable Integer lineNumber, @Nullable UUID postingId, @Nullable String taxOffice, @Nullable String treasuryCode,
		@Nullable String taxStatus,
		@Nullable String bankStatus, @Nullable String treasuryStatus, List<String> mismatched, @Nullable Coding tax,
		@Nullable Coding bank, @Nullable Coding treasury, @Nullable LocalDate treasuryValueDate) {

	/**
	 * One leg's coding of a line, with where it was routed.
	 * @param chapter the budget chapter
	 * @param subItem the sub-item (NDKT)
	 * @param areaCode the administrative area
	 * @param amount the amount
	 * @param currency the currency
	 * @param treasuryCode the treasury (MA_HIEU_KBAC)
	 * @param treasuryAccount the collection account (STK_THU)
	 * @param collectingAgency the collecting agency (MA_CQTHU), which the treasury's statement does not carry
	 * @param payerMst the payer (MST_NNOP), which the treasury's statement does not carry
	 * @param taxPeriod the tax period (KY_THUE, e.g. 00/Q1/2025), which the treasury's statement does not carry
	 */
	public record Coding(@Nullable String chapter, @Nullable String subItem, @Nullable String areaCode,
			@Nullable BigDecimal amount, @Nullable String currency, @Nullable String treasuryCode,
			@Nullable String treasuryAccount, @Nullable String collectingAgency, @Nullable String payerMst,
			@Nullable String taxPeriod) {

	}

}

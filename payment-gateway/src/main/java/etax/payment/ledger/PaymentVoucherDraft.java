package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment voucher (Giấy nộp tiền vào NSNN, C1-02/NS, VN-ETAX.md §5.1 step 2, §5.2) prefilled from what the taxpayer
 * owes, for the taxpayer to send to its bank: each line names its payable item (ID khoản phải nộp), so the gateway
 * allocates the money exactly there when the bank confirms the debit; the statutory order applies only to money no line
 * names (§5.7). The bank and the treasury fill in the rest of the printed voucher (bank, treasury and area codes).
 *
 * @param form {@code C1-02/NS}
 * @param payerMst {@code MST_NNOP}
 * @param currency {@code MA_NGUYENTE}: VND
 * @param voucherKind {@code MA_CTU}: {@code 01}, a voucher in VND
 * @param treasuryAccount {@code STK_THU}: {@code 7111}, paid into the State budget
 * @param preparedOn {@code NGAY_LAP}: the day in Vietnam the amounts are of
 * @param lines {@code ROW_CTIET}, in the order the law ranks what is owed: arrears, interest, tax not yet due, each
 * oldest due first
 * @param total {@code TONG_TIEN}
 * @param itemsLeftOut the items that owe something and are not on the voucher, which holds at most
 * {@link PaymentVoucherDrafts#MAX_LINES} lines: for another voucher, once this one is paid
 */
public record PaymentVoucherDraft(String form, String payerMst, String currency, String voucherKind,
		String treasuryAccount, LocalDate preparedOn, List<Line> lines, BigDecimal total, int itemsLeftOut) {

	/**
	 * One line: what one payable item still owes.
	 *
	 * @param lineNumber from 1
	 * @param payableItemId the item the line pays
	 * @param itemClass how the law ranks it today: {@code ARREARS}, {@code INTEREST} or {@code CURRENT}
	 * @param chapter {@code MA_CHUONG}
	 * @param subItem {@code MA_NDKT}
	 * @param taxPeriod {@code KY_THUE}
	 * @param amount {@code TIEN_PNOP}: what the item still owes
	 * @param dueDate when it was or is due
	 */
	public record Line(int lineNumber, String payableItemId, String itemClass, String chapter, String subItem,
			String taxPeriod, BigDecimal amount, LocalDate dueDate) {

	}

}

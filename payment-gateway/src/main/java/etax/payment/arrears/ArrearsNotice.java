package etax.payment.arrears;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A notice of tax arrears and late-payment interest (07/QLN) for a month: what the taxpayer owed at the month's end
 * on items already overdue, and the interest booked on its late payments, as the ledger knew the month's end when the
 * notice was issued (a payment made after the month's end does not take a debt off it).
 *
 * @param noticeId the notice, the same for a taxpayer and month whenever it is issued
 * @param mst the taxpayer
 * @param month the month, {@code yyyy-MM}
 * @param asOf the month's last day: an item is overdue when it was due before it
 * @param issuedAt when it was issued
 * @param items what was owed, tax first, then fines, then interest, each by due date
 * @param totalTax the tax in arrears, whole VND
 * @param totalInterest the late-payment interest owed, whole VND
 * @param totalPenalty the fines owed, whole VND (none on notices issued before fines were booked)
 * @param itemsNotListed the items of the notice left out of {@code items} as a list of notices shows it (at most
 * {@link #LISTED} each; all are on the pages of its items)
 */
public record ArrearsNotice(UUID noticeId, String mst, String month, LocalDate asOf, Instant issuedAt, List<Item> items,
		BigDecimal totalTax, BigDecimal totalInterest, BigDecimal totalPenalty, int itemsNotListed) {

	/**
	 * The items a list of notices shows of each: a debtor of years owes an interest item per item and day, and its
	 * notices would list them all, month after month.
	 */
	public static final int LISTED = 100;

	public ArrearsNotice {
		items = List.copyOf(items);
	}

	/** The notice of a taxpayer's month, its id named from both, its totals summed from the items. */
	static ArrearsNotice of(String mst, YearMonth month, Instant issuedAt, List<Item> items) {
		UUID id = UUID.nameUUIDFromBytes(("etax.payment\u001Farrears\u001F" + mst + "\u001F" + month)
			.getBytes(StandardCharsets.UTF_8));
		return new ArrearsNotice(id, mst, month.toString(), month.atEndOfMonth(), issuedAt, items, total(items, "TAX"),
				total(items, "INTEREST"), total(items, "PENALTY"), 0);
	}

	private static BigDecimal total(List<Item> items, String kind) {
		return items.stream()
			.filter((item) -> item.kind().equals(kind))
			.map(Item::outstanding)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * One item owed.
	 * @param payableItemId the payable item (for interest, the interest obligation)
	 * @param kind {@code TAX}, {@code PENALTY} or {@code INTEREST}
	 * @param chapter the budget chapter
	 * @param subItem the sub-item to pay it under
	 * @param taxPeriod the period, as a voucher writes it
	 * @param dueDate the day it was due
	 * @param outstanding what was owed at the month's end, whole VND
	 * @param daysOverdue days from the day after the due date to the notice's day
	 */
	public record Item(String payableItemId, String kind, String chapter, String subItem, String taxPeriod,
			LocalDate dueDate, BigDecimal outstanding, long daysOverdue) {

	}

}

package etax.declaration.payable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import etax.declaration.calendar.Deadlines;

/**
 * How every fine the tax office decides is collected, whatever it is for (filing late, understating or evading tax):
 * a payable item under the budget sub-item of administrative penalties in the tax field, its period the decision's
 * day as the voucher writes it, due ten days after the decision (Law on Handling Administrative Violations Art. 73),
 * moved past weekends and holidays.
 */
public final class FineTerms {

	/** Administrative penalties in the tax field (VN-ETAX.md §2.2: 42xx). */
	public static final String SUB_ITEM = "4254";

	private static final int DAYS_TO_PAY = 10;

	private static final DateTimeFormatter VOUCHER_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private FineTerms() {
	}

	/**
	 * @param decidedOn the day the fine was decided
	 * @return the period the voucher names the fine by ({@code KY_THUE}: {@code dd/MM/yyyy})
	 */
	public static String taxPeriod(LocalDate decidedOn) {
		return VOUCHER_DAY.format(decidedOn);
	}

	/**
	 * @param decidedOn the day the fine was decided
	 * @param deadlines the holiday calendar
	 * @return the last day to pay it
	 */
	public static LocalDate dueDate(LocalDate decidedOn, Deadlines deadlines) {
		return deadlines.deadlineOn(decidedOn.plusDays(DAYS_TO_PAY));
	}

}

package etax.declaration.payable;

import java.time.LocalDate;
import java.time.Period;
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

	/**
	 * Law 38/2019 Art. 137(1)(a), Decree 125/2020 Art. 8(1)(a): a procedural violation, such as filing late, is fined
	 * within two years of the day it was committed, for a return filed late its filing day.
	 */
	public static final Period PROCEDURAL_TIME_BAR = Period.ofYears(2);

	/**
	 * Art. 137(1)(b)-(c), Decree 125/2020 Art. 8(1)(b)-(c): understating or evading tax is fined within five years of
	 * the day after the deadline of the return it was committed in.
	 */
	public static final Period UNDERPAYMENT_TIME_BAR = Period.ofYears(5);

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

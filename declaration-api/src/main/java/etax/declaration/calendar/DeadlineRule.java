package etax.declaration.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.schemas.TaxPeriod;

/**
 * A form's filing-deadline rule for one period kind, as its {@code form.yaml} {@code periods:} names it
 * (VN-ETAX.md §2.3 deadline codes, §3.5 R-DL-1), before any weekend or holiday shift:
 * <ul>
 * <li>{@code DL20}: the 20th of the month after the period;</li>
 * <li>{@code DLQ}: the last day of the month after the period (the first month of the next quarter);</li>
 * <li>{@code DLYn}: the last day of the n-th month after the period ({@code DLY3} annual finalization,
 * {@code DLY4} individuals' PIT self-finalization);</li>
 * <li>{@code Dn}: the n-th day after the period's last day ({@code D10} per occurrence, {@code D45}
 * termination and contract end);</li>
 * <li>{@code dd/MM}: a fixed day of the year. In December it is an advance declaration, due before the
 * period starts: {@code 15/12} is 15 December of the year before a lump-sum household's year. Otherwise it is
 * that day of the year after the period: {@code 30/1} for the licence fee of a business started in the year
 * before, {@code 31/1} for an annual lease return.</li>
 * </ul>
 * The period is the one {@code kyKKhai} names (M, Q, Y, D); only the free ranges K and N take the declared
 * bounds ({@link #periodEnd}).
 *
 * @param code the rule code, e.g. {@code DLY4}
 */
public record DeadlineRule(String code) {

	private static final Pattern MONTHS_AFTER = Pattern.compile("DLY(\\d{1,2})");

	private static final Pattern DAYS_AFTER = Pattern.compile("D(\\d{1,3})");

	/** The finalization on termination, dissolution or the end of a contract: the 45th day after (Art. 44(4)). */
	private static final String TERMINATION = "D45";

	private static final Pattern FIXED_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	public DeadlineRule {
		if (!code.equals("DL20") && !code.equals("DLQ") && !MONTHS_AFTER.matcher(code).matches()
				&& !DAYS_AFTER.matcher(code).matches() && !FIXED_DAY.matcher(code).matches()) {
			throw new IllegalArgumentException("Unknown deadline rule " + code);
		}
	}

	/**
	 * The rule the law gives a period kind when a form names none: DL20 for a month, DLQ for a quarter, D10 for
	 * an occurrence, DLY3 for a year or a fiscal period.
	 * @param kind {@code kieuKy}
	 * @return the rule
	 */
	public static DeadlineRule defaultFor(String kind) {
		return new DeadlineRule(switch (kind) {
			case "M" -> "DL20";
			case "Q" -> "DLQ";
			case "D" -> "D10";
			default -> "DLY3";
		});
	}

	/**
	 * The last day to file a return of the period, before a weekend or holiday moves it.
	 * @param period the period
	 * @return the day the rule gives
	 */
	public LocalDate lastDay(TaxPeriod period) {
		LocalDate end = periodEnd(period);
		if (this.code.equals("DL20")) {
			return YearMonth.from(end).plusMonths(1).atDay(20);
		}
		if (this.code.equals("DLQ")) {
			return YearMonth.from(end).plusMonths(1).atEndOfMonth();
		}
		Matcher months = MONTHS_AFTER.matcher(this.code);
		if (months.matches()) {
			return YearMonth.from(end).plusMonths(Integer.parseInt(months.group(1))).atEndOfMonth();
		}
		Matcher days = DAYS_AFTER.matcher(this.code);
		if (days.matches()) {
			return end.plusDays(Integer.parseInt(days.group(1)));
		}
		Matcher fixed = FIXED_DAY.matcher(this.code);
		fixed.matches();
		int day = Integer.parseInt(fixed.group(1));
		int month = Integer.parseInt(fixed.group(2));
		return (month == 12) ? LocalDate.of(periodStart(period).getYear() - 1, month, day)
				: LocalDate.of(end.getYear() + 1, month, day);
	}

	/**
	 * Whether the return is due before its period ends (an advance declaration), so it may be filed before
	 * then.
	 * @param period the period
	 * @return {@code true} for an advance declaration
	 */
	public boolean dueBeforeTheEnd(TaxPeriod period) {
		return lastDay(period).isBefore(periodEnd(period));
	}

	/**
	 * The first day of a period: the one its kind and value imply; for a free range, its declared start.
	 * @param period the period
	 * @return its first day
	 */
	public static LocalDate periodStart(TaxPeriod period) {
		String value = period.value();
		return switch (period.kind()) {
			case "M" -> month(value).atDay(1);
			case "Q" -> quarterEnd(value).minusMonths(2).atDay(1);
			case "Y" -> LocalDate.of(Integer.parseInt(value), 1, 1);
			case "D" -> LocalDate.parse(value, DAY);
			default -> bound(period.from(), period);
		};
	}

	/**
	 * The last day of a period: the one its kind and value imply (a declared end that says otherwise is a
	 * CTX-PER-01 finding, never a later deadline); for a free range, its declared end.
	 * @param period the period
	 * @return its last day
	 */
	public static LocalDate periodEnd(TaxPeriod period) {
		String value = period.value();
		return switch (period.kind()) {
			case "M" -> month(value).atEndOfMonth();
			case "Q" -> quarterEnd(value).atEndOfMonth();
			case "Y" -> LocalDate.of(Integer.parseInt(value), 12, 31);
			case "D" -> LocalDate.parse(value, DAY);
			default -> bound(period.to(), period);
		};
	}

	private static YearMonth month(String value) {
		return YearMonth.of(Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2)));
	}

	private static YearMonth quarterEnd(String value) {
		return YearMonth.of(Integer.parseInt(value.substring(2)), Integer.parseInt(value.substring(0, 1)) * 3);
	}

	private static LocalDate bound(@org.jspecify.annotations.Nullable LocalDate bound, TaxPeriod period) {
		if (bound == null) {
			throw new IllegalArgumentException("A period of kind " + period.kind() + " needs its bounds");
		}
		return bound;
	}

}

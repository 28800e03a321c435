package etax.declaration.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.TaxPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The filing deadline of a tax period, which is also the payment deadline of self-assessed tax (Law
 * 38/2019 Art. 44 and 55, VN-ETAX.md §3.5): the day the form's rule for the period kind gives
 * ({@link DeadlineRule}: DL20, DLQ, DLY3, DLY4, D10, D45, 30/1, 31/1, 15/12), moved to the next working day
 * when it falls on a weekend or public holiday. Lateness counts calendar days after the deadline to the
 * postmark's day in Vietnam. A deadline in a year whose holidays are not published is an approximation
 * ({@link #approximate}, {@link HolidayCalendar}).
 */
@Service
public class Deadlines {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Duration RELOAD = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private volatile HolidayCalendar calendar = new HolidayCalendar(Set.of());

	/** When the calendar was read, by {@link System#nanoTime}: not by the clock, which the sandbox sets per request. */
	private volatile long loadedAtNanos;

	private volatile boolean loaded;

	Deadlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rule of a form version for a period kind, as its catalog entry names it; the law's rule for the kind
	 * if the catalog names none.
	 * @param form the form version
	 * @param kind {@code kieuKy}
	 * @return the rule
	 */
	public static DeadlineRule ruleOf(FormVersion form, String kind) {
		return FormCatalog.load()
			.details(form.maTKhai(), form.version())
			.map((details) -> details.periodDeadlines().get(kind))
			.map(DeadlineRule::new)
			.orElseGet(() -> DeadlineRule.defaultFor(kind));
	}

	public LocalDate deadlineOf(TaxPeriod period, DeadlineRule rule) {
		return deadlineOf(period, rule, calendar());
	}

	/**
	 * Whether the deadline rests on the approximated calendar of a year whose holidays are not published.
	 * @param period the period
	 * @param rule its form's rule
	 * @return {@code true} if the deadline may be off by the unknown lunar holidays
	 */
	public boolean approximate(TaxPeriod period, DeadlineRule rule) {
		HolidayCalendar current = calendar();
		return !current.covers(rule.lastDay(period).getYear()) || !current.covers(deadlineOf(period, rule, current).getYear());
	}

	/**
	 * Days between the deadline and the day a return was received, 0 when on time.
	 * @param period the tax period of the return
	 * @param rule its form's rule
	 * @param receivedAt the postmark
	 * @return days late
	 */
	public long daysLate(TaxPeriod period, DeadlineRule rule, Instant receivedAt) {
		LocalDate filedOn = receivedAt.atZone(VIETNAM).toLocalDate();
		return Math.max(0, ChronoUnit.DAYS.between(deadlineOf(period, rule), filedOn));
	}

	/**
	 * Days between a deadline and the day a return was received, 0 when on time: for a deadline set by
	 * decision (an extension) rather than by a form's rule.
	 * @param deadline the last day to file
	 * @param receivedAt the postmark
	 * @return days late
	 */
	public static long daysLate(LocalDate deadline, Instant receivedAt) {
		return Math.max(0, ChronoUnit.DAYS.between(deadline, receivedAt.atZone(VIETNAM).toLocalDate()));
	}

	/**
	 * A day set by decision (the last day of an extension) as a deadline: moved to the next working day when it
	 * falls on a weekend or public holiday, as every deadline is (R-DL-2).
	 * @param lastDay the day decided
	 * @return the deadline
	 */
	public LocalDate deadlineOn(LocalDate lastDay) {
		return calendar().onOrAfter(lastDay);
	}

	/**
	 * Whether a deadline set by decision rests on the approximated calendar of a year whose holidays are not
	 * published ({@link #approximate(TaxPeriod, DeadlineRule)}).
	 * @param lastDay the day decided
	 * @return {@code true} if the deadline may be off by the unknown lunar holidays
	 */
	public boolean approximate(LocalDate lastDay) {
		HolidayCalendar current = calendar();
		return !current.covers(lastDay.getYear()) || !current.covers(current.onOrAfter(lastDay).getYear());
	}

	/** The deadline by the law's rule for the period's kind ({@link DeadlineRule#defaultFor}). */
	static LocalDate deadlineOf(TaxPeriod period, HolidayCalendar calendar) {
		return deadlineOf(period, DeadlineRule.defaultFor(period.kind()), calendar);
	}

	static LocalDate deadlineOf(TaxPeriod period, DeadlineRule rule, HolidayCalendar calendar) {
		return calendar.onOrAfter(rule.lastDay(period));
	}

	/**
	 * The last day of a period: the end its kind and value imply; for a free range, its declared end.
	 * @param period the period
	 * @return its last day
	 */
	public static LocalDate periodEnd(TaxPeriod period) {
		return DeadlineRule.periodEnd(period);
	}

	/**
	 * The holidays and the years they are published for, read again every five minutes, both in one statement: read
	 * in two, a year and its days committed between them was taken as published without holidays.
	 */
	private HolidayCalendar calendar() {
		long now = System.nanoTime();
		if (!this.loaded || now - this.loadedAtNanos > RELOAD.toNanos()) {
			Set<LocalDate> days = new HashSet<>();
			Set<Integer> years = new HashSet<>();
			this.jdbc.sql("""
					SELECT day, NULL::integer FROM filing.holiday
					UNION ALL SELECT NULL::date, year FROM filing.holiday_year""").query((row) -> {
						LocalDate day = row.getObject(1, LocalDate.class);
						if (day != null) {
							days.add(day);
						}
						else {
							years.add(row.getInt(2));
						}
					});
			this.calendar = HolidayCalendar.published(days, years);
			this.loadedAtNanos = now;
			this.loaded = true;
		}
		return this.calendar;
	}

}

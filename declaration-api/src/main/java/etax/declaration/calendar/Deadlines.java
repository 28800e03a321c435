package etax.declaration.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;

import etax.schemas.TaxPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The filing deadline of a tax period, which is also the payment deadline of self-assessed tax (Law
 * 38/2019 Art. 44 and 55, VN-ETAX.md §3.5): the 20th of the next month for a month, the last day of the
 * quarter's next month for a quarter, the last day of the third month after a year or fiscal period, the
 * tenth day after an occurrence; a deadline that falls on a weekend or public holiday moves to the next
 * working day. Lateness counts calendar days after the deadline to the postmark's day in Vietnam.
 */
@Service
public class Deadlines {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Duration RELOAD = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile HolidayCalendar calendar = new HolidayCalendar(java.util.Set.of());

	private volatile Instant loadedAt = Instant.EPOCH;

	Deadlines(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public LocalDate deadlineOf(TaxPeriod period) {
		return deadlineOf(period, calendar());
	}

	/**
	 * Days between the deadline and the day a return was received, 0 when on time.
	 * @param period the tax period of the return
	 * @param receivedAt the postmark
	 * @return days late
	 */
	public long daysLate(TaxPeriod period, Instant receivedAt) {
		LocalDate filedOn = receivedAt.atZone(VIETNAM).toLocalDate();
		return Math.max(0, ChronoUnit.DAYS.between(deadlineOf(period), filedOn));
	}

	static LocalDate deadlineOf(TaxPeriod period, HolidayCalendar calendar) {
		LocalDate end = periodEnd(period);
		LocalDate deadline = switch (period.kind()) {
			case "M" -> YearMonth.from(end).plusMonths(1).atDay(20);
			case "Q" -> YearMonth.from(end).plusMonths(1).atEndOfMonth();
			case "D" -> end.plusDays(10);
			default -> YearMonth.from(end).plusMonths(3).atEndOfMonth();
		};
		return calendar.onOrAfter(deadline);
	}

	/**
	 * The last day of a period: its declared end, or the end its kind and value imply.
	 * @param period the period
	 * @return its last day
	 */
	public static LocalDate periodEnd(TaxPeriod period) {
		if (period.to() != null) {
			return period.to();
		}
		String value = period.value();
		return switch (period.kind()) {
			case "M" -> YearMonth.of(Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2)))
				.atEndOfMonth();
			case "Q" -> YearMonth.of(Integer.parseInt(value.substring(2)), Integer.parseInt(value.substring(0, 1)) * 3)
				.atEndOfMonth();
			case "Y" -> LocalDate.of(Integer.parseInt(value), 12, 31);
			case "D" -> LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
			default -> throw new IllegalArgumentException("A period of kind " + period.kind() + " needs its bounds");
		};
	}

	private HolidayCalendar calendar() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.loadedAt.plus(RELOAD))) {
			this.calendar = new HolidayCalendar(new HashSet<>(
					this.jdbc.sql("SELECT day FROM filing.holiday").query(LocalDate.class).list()));
			this.loadedAt = now;
		}
		return this.calendar;
	}

}

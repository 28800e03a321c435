package etax.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are dates in Vietnam: a return received at 23:30 UTC counts for the next day there.
 */
public final class BusinessDays {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The first day the service can hold, 0001-01-01 ({@link #inRange}). */
	public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	/** The last day the service can hold, 9999-12-31 ({@link #inRange}). */
	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private BusinessDays() {
	}

	/**
	 * Whether a day is of a year from 1 to 9999, the days the service can hold: a date parses to any year, but
	 * PostgreSQL refuses one outside its own range (SQLSTATE 22008, a 500 to the caller), and no day outside these
	 * years is ever stored (a declaration event past 9999 is skipped, a daily file's day bounded, a launch refused). A
	 * day outside them is not looked for: a read answers as for a day with nothing, a launch refuses it before it
	 * takes the day's lock ({@link etax.batch.jobs.DayLocks} keys a lock by the day).
	 * @param day a day
	 * @return true from {@link #FIRST_DAY} to {@link #LAST_DAY}
	 */
	public static boolean inRange(LocalDate day) {
		return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
	}

	/**
	 * The business day of an instant.
	 * @param instant a point in time
	 * @return its date in {@link #ZONE}
	 */
	public static LocalDate of(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	/**
	 * Today in {@link #ZONE}.
	 * @param clock the source of now
	 * @return the current business day
	 */
	public static LocalDate today(Clock clock) {
		return of(clock.instant());
	}

	/**
	 * The last business day that has ended.
	 * @param clock the source of now
	 * @return yesterday in {@link #ZONE}
	 */
	public static LocalDate yesterday(Clock clock) {
		return today(clock).minusDays(1);
	}

}

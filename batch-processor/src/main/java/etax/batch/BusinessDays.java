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

	private BusinessDays() {
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

package etax.payment.arrears;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/** The calendar of the arrears notices: which months may be issued, which the daily run looks at, which are listed. */
final class ArrearsMonths {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * Days after a month's end before its notices are issued: interest of the month's last day is assessed in the
	 * interest job's run two nights later (it assesses through the day before yesterday), and a payment debited on
	 * that day may be confirmed the next. Issued on the first, a notice lacked the last day's interest, and stayed so.
	 */
	static final int SETTLE_DAYS = 2;

	/** How many months, the latest over included, the daily run looks back for a month not completed. */
	static final int CATCH_UP_MONTHS = 12;

	private final Clock clock;

	ArrearsMonths(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whether a month is over in Vietnam and settled ({@link #SETTLE_DAYS} after its end), so that its notices may be
	 * issued: from the third of the next month.
	 */
	boolean over(YearMonth month) {
		return month.atEndOfMonth().plusDays(SETTLE_DAYS).isBefore(LocalDate.now(this.clock.withZone(VIETNAM)));
	}

	/** The latest month that is over ({@link #over}): the month before, or on the first two days the one before it. */
	YearMonth latestOver() {
		YearMonth before = YearMonth.now(this.clock.withZone(VIETNAM)).minusMonths(1);
		return over(before) ? before : before.minusMonths(1);
	}

	/**
	 * The first month the daily run looks at: the first month a run ever started for, but at most
	 * {@value #CATCH_UP_MONTHS} months back, the latest included (an older one is left to an officer); with no run ever
	 * started, the latest, where the feature starts. An officer who issues an older month makes it the first, and the
	 * months after it within the window follow: a taxpayer is not left with a notice, then a gap.
	 * @param first the first month a run started for, null if none did
	 * @param latest the latest month that is over
	 */
	static YearMonth since(@Nullable YearMonth first, YearMonth latest) {
		YearMonth earliest = latest.minusMonths(CATCH_UP_MONTHS - 1L);
		if (first == null || first.isAfter(latest)) {
			return latest;
		}
		return first.isBefore(earliest) ? earliest : first;
	}

	/** The month before the latest {@code months} months with notices: the month before this one is the latest. */
	YearMonth before(int months) {
		return YearMonth.now(this.clock.withZone(VIETNAM)).minusMonths(months + 1L);
	}

}

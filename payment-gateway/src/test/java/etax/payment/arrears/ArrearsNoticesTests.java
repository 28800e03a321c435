package etax.payment.arrears;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a month's notices may be issued. */
class ArrearsNoticesTests {

	/**
	 * From the third of the next month in Vietnam: May's last day's interest is assessed in the interest job's run
	 * of 2 June (through the day before yesterday), after which a notice would have lacked it for good.
	 */
	@Test
	void aMonthsNoticesAreIssuedFromTheThirdOfTheNextMonth() {
		YearMonth may = YearMonth.of(2026, 5);

		assertThat(notices("2026-06-01T23:00:00Z").over(may)).as("2 June, 06:00 in Vietnam").isFalse();
		assertThat(notices("2026-06-02T16:59:59Z").over(may)).as("2 June, 23:59 in Vietnam").isFalse();
		assertThat(notices("2026-06-02T17:00:00Z").over(may)).as("3 June, 00:00 in Vietnam").isTrue();
		assertThat(notices("2026-06-02T17:00:00Z").over(YearMonth.of(2026, 6))).isFalse();
	}

	/** The latest month with notices is the month before this one: one month back is last month's notice. */
	@Test
	void theLatestMonthsAreThoseBeforeThisOne() {
		assertThat(notices("2026-06-03T01:00:00Z").before(1)).as("May's notice listed: months after April")
			.isEqualTo(YearMonth.of(2026, 4));
		assertThat(notices("2026-06-03T01:00:00Z").before(12)).isEqualTo(YearMonth.of(2025, 5));
	}

	private static ArrearsNotices notices(String now) {
		return new ArrearsNotices(null, null, null, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

}

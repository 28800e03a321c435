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

	private static ArrearsNotices notices(String now) {
		return new ArrearsNotices(null, null, null, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

}

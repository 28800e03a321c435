package etax.payment.arrears;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a month's notices may be issued, and which months the daily run looks at. */
class ArrearsMonthsTests {

	/**
	 * From the third of the next month in Vietnam: May's last day's interest is assessed in the interest job's run
	 * of 2 June (through the day before yesterday), after which a notice would have lacked it for good.
	 */
	@Test
	void aMonthsNoticesAreIssuedFromTheThirdOfTheNextMonth() {
		YearMonth may = YearMonth.of(2026, 5);

		assertThat(months("2026-06-01T23:00:00Z").over(may)).as("2 June, 06:00 in Vietnam").isFalse();
		assertThat(months("2026-06-02T16:59:59Z").over(may)).as("2 June, 23:59 in Vietnam").isFalse();
		assertThat(months("2026-06-02T17:00:00Z").over(may)).as("3 June, 00:00 in Vietnam").isTrue();
		assertThat(months("2026-06-02T17:00:00Z").over(YearMonth.of(2026, 6))).isFalse();
		assertThat(months("2026-06-02T17:00:00Z").over(YearMonth.of(2025, 1))).as("any earlier month").isTrue();
	}

	/** The latest month with notices is the month before this one: one month back is last month's notice. */
	@Test
	void theLatestMonthsAreThoseBeforeThisOne() {
		assertThat(months("2026-06-03T01:00:00Z").before(1)).as("May's notice listed: months after April")
			.isEqualTo(YearMonth.of(2026, 4));
		assertThat(months("2026-06-03T01:00:00Z").before(12)).isEqualTo(YearMonth.of(2025, 5));
	}

	/** On the first two days of a month the month before is not settled: the latest over is the one before it. */
	@Test
	void theLatestMonthOverIsTheMonthBeforeFromItsThirdDay() {
		assertThat(months("2026-06-01T23:00:00Z").latestOver()).isEqualTo(YearMonth.of(2026, 4));
		assertThat(months("2026-06-02T17:00:00Z").latestOver()).isEqualTo(YearMonth.of(2026, 5));
		assertThat(months("2026-01-05T01:00:00Z").latestOver()).isEqualTo(YearMonth.of(2025, 12));
	}

	/**
	 * The daily run looks back to the first month a run ever started for, a year at most, so that a month whose run
	 * was missed or failed is not left behind once the next month comes; with none started, the feature starts now.
	 */
	@Test
	void theDailyRunLooksBackToTheFirstMonthAYearAtMost() {
		YearMonth latest = YearMonth.of(2026, 11);

		assertThat(ArrearsMonths.since(null, latest)).as("none started").isEqualTo(latest);
		assertThat(ArrearsMonths.since(YearMonth.of(2026, 9), latest)).isEqualTo(YearMonth.of(2026, 9));
		assertThat(ArrearsMonths.since(YearMonth.of(2025, 12), latest)).as("twelve months, the latest included")
			.isEqualTo(YearMonth.of(2025, 12));
		assertThat(ArrearsMonths.since(YearMonth.of(2020, 1), latest)).isEqualTo(YearMonth.of(2025, 12));
		assertThat(ArrearsMonths.since(YearMonth.of(2026, 12), latest)).isEqualTo(latest);
	}

	private static ArrearsMonths months(String now) {
		return new ArrearsMonths(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

}

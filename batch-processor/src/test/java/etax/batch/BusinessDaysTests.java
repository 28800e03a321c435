package etax.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTests {

	@Test
	void aBusinessDayStartsAtMidnightInVietnam() {
		assertThat(BusinessDays.of(Instant.parse("2026-04-14T16:59:59Z"))).isEqualTo(LocalDate.of(2026, 4, 14));
		assertThat(BusinessDays.of(Instant.parse("2026-04-14T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 15));
	}

	@Test
	void yesterdayIsTheDayBeforeTodayInVietnam() {
		Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-04-15T18:00:00Z"), ZoneOffset.UTC);
		assertThat(BusinessDays.today(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 4, 16));
		assertThat(BusinessDays.yesterday(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 4, 15));
	}

	@Test
	void theDaysTheServiceHoldsAreOfTheYears1To9999() {
		assertThat(BusinessDays.inRange(LocalDate.of(1, 1, 1))).isTrue();
		assertThat(BusinessDays.inRange(LocalDate.of(9999, 12, 31))).isTrue();
		assertThat(BusinessDays.inRange(LocalDate.of(0, 12, 31))).isFalse();
		assertThat(BusinessDays.inRange(LocalDate.of(10000, 1, 1))).isFalse();
		assertThat(BusinessDays.inRange(LocalDate.MIN)).isFalse();
		assertThat(BusinessDays.inRange(LocalDate.MAX)).isFalse();
	}

}

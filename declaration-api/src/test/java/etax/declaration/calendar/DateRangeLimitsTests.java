package etax.declaration.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;

import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateRangeLimitsTests {

	@Test
	void aDateRangeThatIsExactlyACalendarYearIsTheYearOfAFormFiledForYears() {
		assertThat(DateRangeLimits.calendarYear(range("K", "2026-01-01", "2026-12-31"), Set.of("Y", "K")))
			.contains(Year.of(2026));
		assertThat(DateRangeLimits.calendarYear(range("N", "2026-01-01", "2026-12-31"), Set.of("Y", "N")))
			.contains(Year.of(2026));
		assertThat(DateRangeLimits.calendarYear(range("K", "2026-01-01", "2026-12-31"), Set.of("K")))
			.as("a form not filed for years").isEmpty();
		assertThat(DateRangeLimits.calendarYear(range("K", "2025-04-01", "2026-03-31"), Set.of("Y", "K"))).isEmpty();
		assertThat(DateRangeLimits.calendarYear(new TaxPeriod("Y", "2026", null, null), Set.of("Y", "K"))).isEmpty();
	}

	@Test
	void aDateRangeIsAtMostFifteenMonthsButAContractsIsAsLongAsTheContract() {
		assertThat(DateRangeLimits.longerThanAFiscalYear(range("K", "2025-01-01", "2026-03-31"), "892")).isFalse();
		assertThat(DateRangeLimits.longerThanAFiscalYear(range("K", "2025-01-01", "2026-04-01"), "892")).isTrue();
		assertThat(DateRangeLimits.longerThanAFiscalYear(range("K", "2016-01-01", "2025-12-31"), "892")).isTrue();
		assertThat(DateRangeLimits.longerThanAFiscalYear(range("K", "2023-06-01", "2025-11-30"), "921")).isFalse();
		assertThat(DateRangeLimits.perContract("922")).isTrue();
	}

	private static TaxPeriod range(String kind, String from, String to) {
		return new TaxPeriod(kind, "", LocalDate.parse(from), LocalDate.parse(to));
	}

}

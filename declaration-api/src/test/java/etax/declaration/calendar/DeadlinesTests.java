package etax.declaration.calendar;

import java.time.LocalDate;
import java.util.Set;

import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTests {

	private static final HolidayCalendar NO_HOLIDAYS = new HolidayCalendar(Set.of());

	// 30 April and 1 May 2026 are public holidays (VN-ETAX.md §3.5 R-DL-2)
	private static final HolidayCalendar VIETNAM_2026 = new HolidayCalendar(
			Set.of(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01")));

	@Test
	void aQuarterIsDueOnTheLastDayOfTheNextMonthRolledPastHolidaysAndTheWeekend() {
		TaxPeriod q1 = new TaxPeriod("Q", "1/2026", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));
		assertThat(Deadlines.deadlineOf(q1, NO_HOLIDAYS)).isEqualTo("2026-04-30");
		assertThat(Deadlines.deadlineOf(q1, VIETNAM_2026)).isEqualTo("2026-05-04");
	}

	@Test
	void aMonthIsDueOnThe20thOfTheNextMonth() {
		assertThat(Deadlines.deadlineOf(new TaxPeriod("M", "01/2026", null, null), NO_HOLIDAYS)).isEqualTo("2026-02-20");
		assertThat(Deadlines.deadlineOf(new TaxPeriod("M", "12/2025", null, null), NO_HOLIDAYS)).isEqualTo("2026-01-20");
	}

	@Test
	void aYearIsDueOnTheLastDayOfTheThirdMonthAfter() {
		assertThat(Deadlines.deadlineOf(new TaxPeriod("Y", "2025", null, null), NO_HOLIDAYS)).isEqualTo("2026-03-31");
	}

	@Test
	void anOccurrenceIsDueTenDaysAfter() {
		assertThat(Deadlines.deadlineOf(new TaxPeriod("D", "15/04/2026", null, null), NO_HOLIDAYS))
			.isEqualTo("2026-04-27");
	}

	@Test
	void aDeadlineOnAWeekendMovesToMonday() {
		// 20 June 2026 and 31 October 2026 are Saturdays
		assertThat(Deadlines.deadlineOf(new TaxPeriod("M", "05/2026", null, null), NO_HOLIDAYS)).isEqualTo("2026-06-22");
		assertThat(Deadlines.deadlineOf(new TaxPeriod("Q", "3/2026", null, null), NO_HOLIDAYS)).isEqualTo("2026-11-02");
	}

}

package etax.declaration.calendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import etax.schemas.FormCatalog;
import etax.schemas.FormVersion;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeadlinesTests {

	private static final HolidayCalendar NO_HOLIDAYS = new HolidayCalendar(Set.of());

	// 30 April and 1 May 2026 are public holidays (VN-ETAX.md §3.5 R-DL-2)
	private static final HolidayCalendar VIETNAM_2026 = new HolidayCalendar(
			Set.of(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01")));

	private static final HolidayCalendar TET_2025 = new HolidayCalendar(
			LocalDate.parse("2025-01-25").datesUntil(LocalDate.parse("2025-02-03")).collect(Collectors.toSet()));

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


	@Test
	void eachFormsRuleGivesItsOwnDeadline() {
		TaxPeriod year2025 = new TaxPeriod("Y", "2025", null, null);
		TaxPeriod year2024 = new TaxPeriod("Y", "2024", null, null);
		// 02/QTT-TNCN, DLY4: 30 April 2026, past 30 April, 1 May and the weekend
		assertThat(Deadlines.deadlineOf(year2025, new DeadlineRule("DLY4"), VIETNAM_2026)).isEqualTo("2026-05-04");
		// 01/LPMB, "30/1" of the year after the occurrence: 30 January 2025 is in Tết (25 January - 2 February)
		assertThat(Deadlines.deadlineOf(new TaxPeriod("D", "28/09/2024", null, null), new DeadlineRule("30/1"),
				TET_2025)).isEqualTo("2025-02-03");
		// 02/NTNN, D45: the 45th day after the year
		assertThat(Deadlines.deadlineOf(year2024, new DeadlineRule("D45"), NO_HOLIDAYS)).isEqualTo("2025-02-14");
		// 01/TTS, "31/1" of the next year; 01/CNKD, "15/12" of the year before
		assertThat(Deadlines.deadlineOf(year2024, new DeadlineRule("31/1"), NO_HOLIDAYS)).isEqualTo("2025-01-31");
		assertThat(Deadlines.deadlineOf(year2025, new DeadlineRule("15/12"), NO_HOLIDAYS)).isEqualTo("2024-12-16");
		assertThat(new DeadlineRule("15/12").dueBeforeTheEnd(year2025)).isTrue();
		assertThat(new DeadlineRule("DLY3").dueBeforeTheEnd(year2025)).isFalse();
	}

	@Test
	void everyRuleOfTheCatalogIsKnown() {
		FormCatalog catalog = FormCatalog.load();
		for (FormVersion form : catalog.versions()) {
			catalog.details(form.maTKhai(), form.version())
				.orElseThrow()
				.periodDeadlines()
				.forEach((kind, code) -> assertThat(Deadlines.ruleOf(form, kind)).isEqualTo(new DeadlineRule(code)));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineRule("DL21"));
	}

	@Test
	void thePeriodComesFromKyKKhaiNotFromTheDeclaredEnd() {
		TaxPeriod stretched = new TaxPeriod("Y", "2024", LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31"));
		assertThat(Deadlines.periodEnd(stretched)).isEqualTo("2024-12-31");
		assertThat(Deadlines.deadlineOf(stretched, NO_HOLIDAYS)).isEqualTo("2025-03-31");
	}

	@Test
	void aYearWithoutPublishedHolidaysHasTheFixedDateOnesAndTheirSubstituteDays() {
		HolidayCalendar published2026 = HolidayCalendar.published(Set.of(LocalDate.parse("2026-04-30")), Set.of(2026));
		assertThat(published2026.covers(2026)).isTrue();
		assertThat(published2026.covers(2023)).isFalse();
		// 2023: 30 April a Sunday, 1 May a Monday (substitute 2 May); 2 September a Saturday, 1 September its pair
		assertThat(HolidayCalendar.statutoryDaysOff(2023)).contains(LocalDate.parse("2023-01-02"),
				LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-02"), LocalDate.parse("2023-09-01"),
				LocalDate.parse("2023-09-04"));
		// 2019 (Labour Code 2012): 2 September alone
		assertThat(HolidayCalendar.statutoryDaysOff(2019)).containsExactlyInAnyOrder(LocalDate.parse("2019-01-01"),
				LocalDate.parse("2019-04-30"), LocalDate.parse("2019-05-01"), LocalDate.parse("2019-09-02"));
		// Q1/2030: 30 April a Tuesday, 1 May a Wednesday
		assertThat(Deadlines.deadlineOf(new TaxPeriod("Q", "1/2030", null, null), published2026)).isEqualTo("2030-05-02");
		// only the published data counts in a covered year
		assertThat(published2026.isWorkingDay(LocalDate.parse("2026-05-01"))).isTrue();
	}

	/** A year's days already in the data, not confirmed, count as days off in its approximation. */
	@Test
	void anApproximatedYearKeepsItsPlannedDaysOff() {
		HolidayCalendar planned = HolidayCalendar.published(Set.of(LocalDate.parse("2027-02-11")), Set.of(2026));
		assertThat(planned.covers(2027)).isFalse();
		assertThat(planned.isWorkingDay(LocalDate.parse("2027-02-11"))).isFalse();
		assertThat(planned.isWorkingDay(LocalDate.parse("2027-02-12"))).isTrue();
		assertThat(planned.isWorkingDay(LocalDate.parse("2027-05-03"))).as("1 May 2027 a Saturday").isFalse();
	}

}

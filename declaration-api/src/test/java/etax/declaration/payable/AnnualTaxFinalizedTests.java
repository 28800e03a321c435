package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.HolidayCalendar;
import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The year's tax of a 03/TNDN (E1 + E5 under 1052), and the rule its provisional payments are judged by: up to 2021
 * the first three quarters and 75 % by the third quarter's provisional deadline (30 October), from 2022 the four
 * quarters and 80 % by the fourth's (30 January of the next year), moved past weekends and holidays.
 */
class AnnualTaxFinalizedTests {

	private static final Map<String, String> E1_E5 = Map.of("ctE1", "1052", "ctE5", "1052");

	private static final UnaryOperator<LocalDate> WEEKENDS_ONLY = new HolidayCalendar(Set.of())::onOrAfter;

	private static final ProvisionalCitProperties LAW = ProvisionalCitProperties.DEFAULTS;

	private static final Instant ACCEPTED_AT = Instant.parse("2026-03-20T03:00:00Z");

	@Test
	void aCalendarYearsFinalizationAnnouncesTheSumOfItsIndicatorsPerSubItem() {
		AcceptedReturn accepted = accepted(new TaxPeriod("Y", "2025", null, null), E1_E5,
				Map.of("ctE1", "300000000", "ctE5", "100000000", "ctE2", "50000000", "ctI1", "-20000000"));

		assertThat(AnnualTaxFinalized.of(accepted, LAW, WEEKENDS_ONLY)).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("AnnualTaxFinalized");
			assertThat(event.version()).isOne();
			assertThat(event.occurredAt()).isEqualTo(ACCEPTED_AT);
			assertThat(event.returnId()).isEqualTo(accepted.returnId());
			assertThat(event.transactionCode()).isEqualTo("10820260000000042");
			assertThat(event.mst()).isEqualTo("0313829148");
			assertThat(event.chapter()).isEqualTo("754");
			assertThat(event.subItem()).isEqualTo("1052");
			assertThat(event.taxYear()).isEqualTo(2025);
			assertThat(event.taxPeriod()).isEqualTo("00/CN/2025");
			assertThat(event.annualTax()).as("E1 + E5; E2 is real-estate CIT, I1 what is left to pay")
				.isEqualTo(400_000_000L);
			assertThat(event.provisionalDeadline()).as("the fourth quarter's: 30 January 2026, a Friday")
				.isEqualTo("2026-01-30");
			assertThat(event.provisionalQuarters()).isEqualTo(4);
			assertThat(event.requiredPercent()).isEqualTo(80);
			assertThat(event.taxOfficeCode()).isEqualTo("99999");
		});
	}

	@Test
	void fromTheYear2022TheFourQuartersMustPay80PercentByTheFourthQuartersDeadline() {
		Map<String, String> tax = Map.of("ctE1", "1000");

		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2022", null, null), E1_E5, tax), LAW, WEEKENDS_ONLY))
			.singleElement()
			.satisfies((event) -> assertThat(List.of(event.provisionalDeadline().toString(), event.provisionalQuarters(),
					event.requiredPercent()))
				.as("the first year finalized under Decree 91/2022; 30 January 2023 is a Monday")
				.containsExactly("2023-01-30", 4, 80));
		UnaryOperator<LocalDate> tet2025 = new HolidayCalendar(
				Set.of(LocalDate.parse("2025-01-29"), LocalDate.parse("2025-01-30"), LocalDate.parse("2025-01-31")))::onOrAfter;
		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2024", null, null), E1_E5, tax), LAW, tet2025))
			.singleElement()
			.satisfies((event) -> assertThat(event.provisionalDeadline()).as("Tết, then a weekend")
				.isEqualTo("2025-02-03"));
	}

	@Test
	void upTo2021TheFirstThreeQuartersMustPay75PercentByTheThirdQuartersDeadline() {
		Map<String, String> tax = Map.of("ctE1", "1000");

		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2021", null, null), E1_E5, tax), LAW, WEEKENDS_ONLY))
			.singleElement()
			.satisfies((event) -> assertThat(List.of(event.provisionalDeadline().toString(), event.provisionalQuarters(),
					event.requiredPercent()))
				.as("30 October 2021 is a Saturday")
				.containsExactly("2021-11-01", 3, 75));
		UnaryOperator<LocalDate> holiday = new HolidayCalendar(Set.of(LocalDate.parse("2020-10-30")))::onOrAfter;
		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2020", null, null), E1_E5, tax), LAW, holiday))
			.singleElement()
			.satisfies((event) -> assertThat(event.provisionalDeadline()).as("a Friday off, then a weekend")
				.isEqualTo("2020-11-02"));
	}

	@Test
	void theRuleOfAYearIsTheConfiguredOneOfTheLatestYearNotAfterIt() {
		ProvisionalCitProperties rules = new ProvisionalCitProperties(List.of(new ProvisionalCitProperties.Rule(2030, 90, 2),
				new ProvisionalCitProperties.Rule(2020, 75, 3)));
		Map<String, String> tax = Map.of("ctE1", "1000");

		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2031", null, null), E1_E5, tax), rules, WEEKENDS_ONLY))
			.singleElement()
			.satisfies((event) -> assertThat(List.of(event.provisionalDeadline().toString(), event.provisionalQuarters(),
					event.requiredPercent()))
				.as("the second quarter's deadline: 30 July 2031, a Wednesday")
				.containsExactly("2031-07-30", 2, 90));
		assertThat(rules.ruleFor(2029)).isEqualTo(new ProvisionalCitProperties.Rule(2020, 75, 3));
		assertThat(rules.ruleFor(2019)).as("a year before the first rule: the first")
			.isEqualTo(new ProvisionalCitProperties.Rule(2020, 75, 3));
		assertThat(ProvisionalCitProperties.DEFAULTS.rules()).as("the law's, when none is configured")
			.containsExactly(new ProvisionalCitProperties.Rule(2020, 75, 3), new ProvisionalCitProperties.Rule(2022, 80, 4));
	}

	@Test
	void missingIndicatorsCountAsZeroAndATaxOfZeroIsAnnouncedSoThatItSupersedes() {
		TaxPeriod year = new TaxPeriod("Y", "2025", null, null);

		assertThat(AnnualTaxFinalized.of(accepted(year, E1_E5, Map.of("ctE1", "700", "ctE5", " ")), LAW, WEEKENDS_ONLY))
			.extracting(AnnualTaxFinalized::annualTax)
			.containsExactly(700L);
		assertThat(AnnualTaxFinalized.of(accepted(year, E1_E5, Map.of("ctE1", "0")), LAW, WEEKENDS_ONLY))
			.extracting(AnnualTaxFinalized::annualTax)
			.containsExactly(0L);
	}

	@Test
	void aSupplementAnnouncesItsOwnFiguresNotTheDifference() {
		AcceptedReturn supplement = accepted(new TaxPeriod("Y", "2025", null, null), E1_E5, Map.of("ctE1", "600"),
				Map.of("ctE1", "1000"));

		assertThat(AnnualTaxFinalized.of(supplement, LAW, WEEKENDS_ONLY)).extracting(AnnualTaxFinalized::annualTax)
			.containsExactly(600L);
	}

	@Test
	void oneEventPerSubItemInSubItemOrderWithItsOwnEventId() {
		List<AnnualTaxFinalized> events = AnnualTaxFinalized.of(
				accepted(new TaxPeriod("Y", "2025", null, null),
						Map.of("ctE1", "1052", "ctE5", "1052", "ctE2", "1053"),
						Map.of("ctE1", "10", "ctE5", "5", "ctE2", "7")),
				LAW, WEEKENDS_ONLY);

		assertThat(events).extracting(AnnualTaxFinalized::subItem, AnnualTaxFinalized::annualTax)
			.containsExactly(tuple("1052", 15L), tuple("1053", 7L));
		assertThat(events).extracting(AnnualTaxFinalized::eventId).doesNotHaveDuplicates();
	}

	@Test
	void nothingForAFiscalYearNorForAFormWithoutTheYearsTax() {
		TaxPeriod fiscal = new TaxPeriod("K", "", LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"));

		assertThat(AnnualTaxFinalized.of(accepted(fiscal, E1_E5, Map.of("ctE1", "1000")), LAW, WEEKENDS_ONLY)).isEmpty();
		assertThat(AnnualTaxFinalized.of(accepted(new TaxPeriod("Y", "2025", null, null), Map.of(),
				Map.of("ctE1", "1000")), LAW, WEEKENDS_ONLY)).isEmpty();
	}

	private static AcceptedReturn accepted(TaxPeriod period, Map<String, String> annualTax,
			Map<String, String> indicators) {
		return accepted(period, annualTax, indicators, Map.of());
	}

	private static AcceptedReturn accepted(TaxPeriod period, Map<String, String> annualTax,
			Map<String, String> indicators, Map<String, String> previous) {
		return new AcceptedReturn(UUID.randomUUID(), "10820260000000042", "0313829148", "754", period,
				new DeadlineRule("DLY3"), Map.of("ctI1", "1052", "ctI2", "1053"), Map.of(), annualTax, indicators, previous,
				ACCEPTED_AT, "99999", null, null, List.of());
	}

}

package etax.declaration.calendar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodNamesTests {

	@Test
	void readsEachKindAsAReturnNamesIt() {
		assertThat(PeriodNames.parse("M", "02/2026")).isPresent();
		assertThat(PeriodNames.parse("Q", "4/2026")).isPresent();
		assertThat(PeriodNames.parse("Y", "2026")).isPresent();
		assertThat(PeriodNames.parse("D", "29/02/2028")).isPresent();
		assertThat(PeriodNames.parse("K", "01/04/2026-31/03/2027")).hasValueSatisfying(
				(period) -> assertThat(PeriodNames.nameOf(period)).isEqualTo("01/04/2026-31/03/2027"));
	}

	/** A day no deadline can be counted from is no period: a signed year of nine digits would end in a 500. */
	@Test
	void takesNoDayOutsideFourDigitYears() {
		assertThat(PeriodNames.parse("D", "31/12/+999999999")).isEmpty();
		assertThat(PeriodNames.parse("D", "31/12/-0001")).isEmpty();
		assertThat(PeriodNames.parse("D", "29/02/2027")).isEmpty();
		assertThat(PeriodNames.parse("K", "01/01/2026-31/12/+99999")).isEmpty();
		assertThat(PeriodNames.parse("N", "31/12/2026-01/01/2026")).isEmpty();
	}

}

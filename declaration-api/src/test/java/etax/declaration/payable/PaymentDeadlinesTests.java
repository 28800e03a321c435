package etax.declaration.payable;

import java.time.LocalDate;

import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentDeadlinesTests {

	@Test
	void aQuarterIsDueOnTheLastDayOfTheNextMonth() {
		assertThat(PaymentDeadlines.of(quarter("1/2026", "2026-01-01", "2026-03-31"))).isEqualTo("2026-04-30");
		assertThat(PaymentDeadlines.of(quarter("2/2026", null, null))).isEqualTo("2026-07-31");
	}

	@Test
	void aMonthIsDueOnThe20thOfTheNextMonth() {
		assertThat(PaymentDeadlines.of(new TaxPeriod("M", "01/2026", null, null))).isEqualTo("2026-02-20");
		assertThat(PaymentDeadlines.of(new TaxPeriod("M", "12/2025", null, null))).isEqualTo("2026-01-20");
	}

	@Test
	void aYearIsDueOnTheLastDayOfTheThirdMonthAfter() {
		assertThat(PaymentDeadlines.of(new TaxPeriod("Y", "2025", null, null))).isEqualTo("2026-03-31");
	}

	@Test
	void anOccurrenceIsDueTenDaysAfter() {
		assertThat(PaymentDeadlines.of(new TaxPeriod("D", "15/04/2026", LocalDate.parse("2026-04-15"),
				LocalDate.parse("2026-04-15"))))
			.isEqualTo("2026-04-27");
	}

	@Test
	void aDeadlineOnAWeekendMovesToMonday() {
		// 20 June 2026 and 31 October 2026 are Saturdays
		assertThat(PaymentDeadlines.of(new TaxPeriod("M", "05/2026", null, null))).isEqualTo("2026-06-22");
		assertThat(PaymentDeadlines.of(quarter("3/2026", null, null))).isEqualTo("2026-11-02");
	}

	private static TaxPeriod quarter(String value, String from, String to) {
		return new TaxPeriod("Q", value, (from != null) ? LocalDate.parse(from) : null,
				(to != null) ? LocalDate.parse(to) : null);
	}

}

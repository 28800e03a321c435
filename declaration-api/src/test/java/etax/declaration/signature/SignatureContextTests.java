package etax.declaration.signature;

import java.time.LocalDate;

import etax.schemas.TaxPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureContextTests {

	@Test
	void thePeriodStartsOnItsFromDateWhenGiven() {
		assertThat(SignatureContext.periodStart(new TaxPeriod("Q", "4/2021", LocalDate.of(2021, 10, 1), null)))
			.isEqualTo(LocalDate.of(2021, 10, 1));
	}

	@Test
	void thePeriodStartIsDerivedFromItsValueOtherwise() {
		assertThat(SignatureContext.periodStart(period("M", "01/2021"))).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(SignatureContext.periodStart(period("Q", "4/2021"))).isEqualTo(LocalDate.of(2021, 10, 1));
		assertThat(SignatureContext.periodStart(period("Y", "2021"))).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(SignatureContext.periodStart(period("D", "15/12/2021"))).isEqualTo(LocalDate.of(2021, 12, 15));
	}

	@Test
	void anUnreadablePeriodHasNoStart() {
		assertThat(SignatureContext.periodStart(period("K", ""))).isNull();
		assertThat(SignatureContext.periodStart(period("Q", "5/2021"))).isNull();
		assertThat(SignatureContext.periodStart(period("M", "2021"))).isNull();
	}

	@Test
	void theSigningDayIsNgayKyOnlyWhereItCanBeTrue() {
		LocalDate quarterStart = LocalDate.of(2026, 1, 1);
		LocalDate received = LocalDate.of(2026, 4, 20);

		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 18), quarterStart, received))
			.isEqualTo("2026-04-18");
		assertThat(SignatureContext.signingDay(quarterStart, quarterStart, received)).isEqualTo(quarterStart);
		assertThat(SignatureContext.signingDay(LocalDate.of(2025, 12, 1), quarterStart, received))
			.as("before the period began: the day of receipt").isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 21), quarterStart, received))
			.as("after the receipt").isEqualTo(received);
		assertThat(SignatureContext.signingDay(null, quarterStart, received)).isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1),
				LocalDate.of(2025, 12, 10))).as("an advance declaration: up to its receipt").isEqualTo("2025-12-10");
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 1), null, received)).isEqualTo(received);
	}

	@Test
	void aBlankAgentIsNoAgent() {
		assertThat(new SignatureContext("0313829148", " ", null, null, AgentContracts.none()).agentMst()).isNull();
	}

	private static TaxPeriod period(String kind, String value) {
		return new TaxPeriod(kind, value, null, null);
	}

}

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
	void aBlankAgentIsNoAgent() {
		assertThat(new SignatureContext("0313829148", " ", null, null, AgentContracts.none()).agentMst()).isNull();
	}

	private static TaxPeriod period(String kind, String value) {
		return new TaxPeriod(kind, value, null, null);
	}

}

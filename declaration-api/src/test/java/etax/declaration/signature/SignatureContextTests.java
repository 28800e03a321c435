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
		LocalDate quarterEnd = LocalDate.of(2026, 3, 31);
		LocalDate received = LocalDate.of(2026, 4, 20);

		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 18), quarterStart, quarterEnd, received))
			.isEqualTo("2026-04-18");
		assertThat(SignatureContext.signingDay(quarterEnd, quarterStart, quarterEnd, received)).isEqualTo(quarterEnd);
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 2, 15), quarterStart, quarterEnd, received))
			.as("received after its period, signed before the period ended: the day of receipt").isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 2, 15), quarterStart, quarterEnd,
				LocalDate.of(2026, 3, 20))).as("received during its period").isEqualTo("2026-02-15");
		assertThat(SignatureContext.signingDay(LocalDate.of(2025, 12, 1), quarterStart, quarterEnd, received))
			.as("before the period began: the day of receipt").isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 21), quarterStart, quarterEnd, received))
			.as("after the receipt").isEqualTo(received);
		assertThat(SignatureContext.signingDay(null, quarterStart, quarterEnd, received)).isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1), quarterEnd,
				LocalDate.of(2025, 12, 10))).as("an advance declaration: up to its receipt").isEqualTo("2025-12-10");
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 4, 1), null, null, received)).isEqualTo(received);
	}

	/**
	 * A supplement quotes the figures of the return in force it corrects: signed before that return was received it
	 * cannot have been, and a certificate expired since is not made good by a signing day written back then.
	 */
	@Test
	void aSupplementIsNotSignedBeforeTheReturnItCorrectsWasReceived() {
		LocalDate quarterStart = LocalDate.of(2023, 1, 1);
		LocalDate quarterEnd = LocalDate.of(2023, 3, 31);
		LocalDate received = LocalDate.of(2026, 12, 10);
		LocalDate inForceReceived = LocalDate.of(2025, 6, 2);

		assertThat(SignatureContext.signingDay(LocalDate.of(2023, 5, 1), quarterStart, quarterEnd, received,
				inForceReceived)).isEqualTo(received);
		assertThat(SignatureContext.signingDay(LocalDate.of(2026, 12, 1), quarterStart, quarterEnd, received,
				inForceReceived)).isEqualTo("2026-12-01");
		assertThat(SignatureContext.signingDay(LocalDate.of(2023, 5, 1), quarterStart, quarterEnd, received, null))
			.as("an original filed late").isEqualTo("2023-05-01");
	}

	@Test
	void aPeriodEndsOnItsLastDay() {
		assertThat(SignatureContext.periodEnd(period("Q", "4/2025"), LocalDate.of(2025, 10, 1))).isEqualTo("2025-12-31");
		assertThat(SignatureContext.periodEnd(period("M", "02/2024"), LocalDate.of(2024, 2, 1))).isEqualTo("2024-02-29");
		assertThat(SignatureContext.periodEnd(period("Y", "2025"), LocalDate.of(2025, 1, 1))).isEqualTo("2025-12-31");
		assertThat(SignatureContext.periodEnd(period("K", ""), null)).isNull();
	}

	@Test
	void aBlankAgentIsNoAgent() {
		assertThat(new SignatureContext("0313829148", " ", null, null, AgentContracts.none()).agentMst()).isNull();
	}

	private static TaxPeriod period(String kind, String value) {
		return new TaxPeriod(kind, value, null, null);
	}

}

package etax.payment.office;

import java.util.Map;
import java.util.Set;

import etax.access.Caller;
import etax.access.Role;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Which rows each caller reads, and on which payments an officer acts (ADR 0022). */
class TaxOfficesTests {

	private static final OfficeProperties PROPERTIES = new OfficeProperties(
			Map.of("1054321", "99999", "1054523", "99999", "1054999", "70299"), Set.of("99998"));

	private final TaxOffices offices = new TaxOffices(PROPERTIES, new MockEnvironment());

	@Test
	void anOfficesOfficerReadsItsOfficesRowsOnly() {
		OfficeScope scope = this.offices.scopeOf(officer("99999"));
		assertThat(scope.sees("99999")).isTrue();
		assertThat(scope.sees("70299")).isFalse();
		assertThat(scope.sees(null)).as("a row of no office").isFalse();
		assertThat(scope.seesPayment("1054321")).isTrue();
		assertThat(scope.seesPayment("1054523")).isTrue();
		assertThat(scope.seesPayment("1054999")).isFalse();
		assertThat(scope.seesPayment("1000001")).as("an agency not mapped").isFalse();
		assertThat(scope.seesPayment(null)).isFalse();
	}

	@Test
	void thePaymentDeskAlsoReadsTheRowsOfNoOffice() {
		OfficeScope scope = this.offices.scopeOf(officer("99998"));
		assertThat(scope.sees(null)).isTrue();
		assertThat(scope.sees("99998")).isTrue();
		assertThat(scope.sees("99999")).isFalse();
		assertThat(scope.seesPayment("1000001")).isTrue();
		assertThat(scope.seesPayment(null)).isTrue();
		assertThat(scope.seesPayment("1054321")).isFalse();
	}

	@Test
	void aNationalOfficerReadsEveryRowAndOthersNone() {
		OfficeScope national = this.offices.scopeOf(new Caller("national", Role.NATIONAL_OFFICER, null, null, null));
		assertThat(national.sees("70299")).isTrue();
		assertThat(national.sees(null)).isTrue();
		assertThat(national.seesPayment("1054999")).isTrue();
		OfficeScope taxpayer = this.offices.scopeOf(new Caller("t", Role.TAXPAYER, "0313829148", null, null));
		assertThat(taxpayer.sees(null)).isFalse();
		assertThat(taxpayer.seesPayment("1054321")).isFalse();
	}

	@Test
	void onlyThePaymentsOfficeAndNationalOfficersActOnIt() {
		assertThat(this.offices.mayActOn(officer("99999"), "1054321")).isTrue();
		assertThat(this.offices.mayActOn(officer("70299"), "1054321")).isFalse();
		assertThat(this.offices.mayActOn(officer("99998"), "1000001")).as("the desk reads it, it does not act").isFalse();
		assertThat(this.offices.mayActOn(new Caller("n", Role.NATIONAL_OFFICER, null, null, null), "1000001")).isTrue();
		assertThat(this.offices.mayActOn(officer("70299"), "70299")).as("an agency not mapped, coded as an office")
			.isFalse();
	}

	@Test
	void aRowThatKeepsItsOfficeHasTheOneItsAgencyMapsToAndNoneOtherwise() {
		assertThat(this.offices.mappedOffice("1054999")).isEqualTo("70299");
		assertThat(this.offices.mappedOffice("1000001")).as("an agency not mapped").isNull();
		assertThat(this.offices.mappedOffice("70299")).as("an agency code that is an office's, not mapped").isNull();
		assertThat(this.offices.mappedOffice(null)).isNull();
	}

	@Test
	void theRetiredKeyOfTheAgenciesOfficesStopsTheGatewayRatherThanBeIgnored() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("etax.payment.correction.collecting-agency-offices.1054321", "99999");
		assertThatIllegalStateException().isThrownBy(() -> new TaxOffices(PROPERTIES, environment))
			.withMessageContaining("etax.payment.offices.collecting-agencies");
	}

	private static Caller officer(String office) {
		return new Caller("officer-" + office, Role.OFFICER, null, office, null);
	}

}

package etax.ids;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaxpayerIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "0313829148", "3500779171", "1801321141", "0100231226", "0100109106", "5702126556" })
	void acceptsTheVerifiedExamples(String mst) {
		assertThat(new TaxpayerId(mst).value()).isEqualTo(mst);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0313829147", "0313829149", "3500779170", "3500779172", "0100231225", "0100231227" })
	void rejectsACheckDigitOffByOne(String mst) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaxpayerId(mst));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0313829170", "0313829171", "0313829179" })
	void rejectsEveryMstWhosePrefixLeavesRemainderZero(String mst) {
		// S(031382917) = 473 = 43 × 11: the formula would ask for a check digit of 10
		assertThatIllegalArgumentException().isThrownBy(() -> new TaxpayerId(mst));
	}

	@Test
	void mapsRemainderTenToCheckDigitZero() {
		// S(031382913) = 450, 450 mod 11 = 10
		assertThat(TaxpayerId.isValid("0313829130")).isTrue();
	}

	@Test
	void acceptsABranch() {
		TaxpayerId branch = new TaxpayerId("0313829148-001");
		assertThat(branch.isBranch()).isTrue();
		assertThat(branch.headOffice()).isEqualTo(new TaxpayerId("0313829148"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0313829149-001", "0313829148-000", "0313829148-01", "0313829148_001", "0313829148-0001" })
	void rejectsAWrongBranchForm(String mst) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaxpayerId(mst));
	}

	@Test
	void normalisesThirteenDigitsWithoutTheHyphen() {
		assertThat(TaxpayerId.parse("0313829148001")).isEqualTo(new TaxpayerId("0313829148-001"));
		assertThat(TaxpayerId.parse("0313829148000")).isEqualTo(new TaxpayerId("0313829148"));
		assertThat(TaxpayerId.parse(" 0313829148 ")).isEqualTo(new TaxpayerId("0313829148"));
		assertThat(TaxpayerId.parse("0313829148-000")).as("the head office's own suffix")
			.isEqualTo(new TaxpayerId("0313829148"));
		assertThat(TaxpayerId.normalised("0313829140001")).as("not checked").isEqualTo("0313829140-001");
		assertThat(TaxpayerId.normalised("079185004321")).isEqualTo("079185004321");
	}

	@Test
	void acceptsATwelveDigitPersonalIdWithAProvinceCode() {
		assertThat(TaxpayerId.isValid("079203012345")).isTrue();
		assertThat(TaxpayerId.isValid("000203012345")).isFalse();
		assertThat(new TaxpayerId("079203012345").isPersonal()).isTrue();
		assertThat(new TaxpayerId("0313829148").isPersonal()).isFalse();
		assertThat(new TaxpayerId("0313829148-001").isPersonal()).isFalse();
		assertThat(TaxpayerId.isValid("097203012345")).isFalse();
	}

	@Test
	void aPersonalIdsYearOfBirthHasCome() {
		assertThat(TaxpayerId.isValid("001085000000")).as("a man born in 1985").isTrue();
		assertThat(TaxpayerId.isValid("001305000000")).as("a woman born in 2005").isTrue();
		assertThat(TaxpayerId.isValid("001399000000")).as("born in 2099").isFalse();
		assertThat(TaxpayerId.isValid("001999000000")).as("born in the 2300s").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "031382914", "03138291480", "031382914A", "０３１３８２９１４８" })
	void rejectsOtherShapes(String mst) {
		assertThat(TaxpayerId.isValid(mst)).isFalse();
	}

	@Test
	void masksTheMstInToString() {
		assertThat(new TaxpayerId("0313829148")).hasToString("TaxpayerId[*******148]");
	}

	@Test
	void readsEveryMstASubjectNamesInItsUidAttributes() {
		assertThat(TaxpayerId.namedIn("CN=A+UID=MST:0313829148,UID=mst: 0313829148-001 ,O=X,UID=CCCD:001"))
			.containsExactlyInAnyOrder("0313829148", "0313829148-001");
		assertThat(TaxpayerId.namedIn("0.9.2342.19200300.100.1.1=MST:0313829148,CN=A")).containsExactly("0313829148");
		assertThat(TaxpayerId.namedIn("CN=A+UID=CCCD:079203012345+UID=MST:0313829148+UID=MST:0100231226"))
			.containsExactlyInAnyOrder("0313829148", "0100231226");
		assertThat(TaxpayerId.namedIn("CN=A")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> TaxpayerId.namedIn("not a name"));
	}

}

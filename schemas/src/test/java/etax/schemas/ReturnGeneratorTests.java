package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import etax.ids.TaxpayerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class ReturnGeneratorTests {

	private final ReturnGenerator generator = new ReturnGenerator(FormCatalog.load());

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@Test
	void sameSeedSameBytesOtherSeedOtherReturn() {
		assertThat(this.generator.generate("842", "2.8.3", 42)).isEqualTo(this.generator.generate("842", "2.8.3", 42))
			.isNotEqualTo(this.generator.generate("842", "2.8.3", 43));
	}

	@Test
	void returnsHaveValidMstsAndPeriodsInsideTheVersion() {
		for (long seed = 0; seed < 30; seed++) {
			Validation validation = this.validator.validate(this.generator.generate("01", "2.1.2", seed));
			assertThat(validation).asInstanceOf(type(Validation.Receivable.class)).satisfies((receivable) -> {
				ReturnHeader header = receivable.document().header();
				assertThat(TaxpayerId.isValid(header.mst())).as(header.mst()).isTrue();
				assertThat(header.period().kind()).isIn("M", "Q");
				assertThat(header.period().from()).isBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2021, 12, 31));
				assertThat(header.submissionNumber()).isEqualTo("B".equals(header.filingType()) ? header.submissionNumber() : 0);
			});
		}
	}

	/**
	 * A cap of a rate on a base is met by the tax rounded to the đồng: 5 % of 1,000,010 is 50,000.5, and 50,001 is
	 * the tax, not an excess (the rules once compared with the unrounded product).
	 */
	@Test
	void taxRoundedToTheDongIsWithinItsRatesCap() {
		for (String[] version : new String[][] { { "865", "2.3.0" }, { "864", "2.5.0" }, { "859", "2.3.0" } }) {
			for (long seed = 0; seed < 1_500; seed++) {
				Validation validation = this.validator.validate(this.generator.generate(version[0], version[1], seed));
				assertThat(validation.findings()).as("%s seed %d", version[0], seed).isEmpty();
			}
		}
	}

	@Test
	void mstCheckDigitFollowsVnEtax() {
		assertThat(TaxpayerId.isValid("0313829148")).isTrue();
		assertThat(TaxpayerId.isValid("3500779171")).isTrue();
		assertThat(TaxpayerId.isValid("0100231226")).isTrue();
		assertThat(TaxpayerId.isValid("0313829149")).isFalse();
		assertThat(TaxpayerId.isValid("0313829148-001")).isTrue();
	}

	@Test
	void largeTablesMakeLargeReturns() {
		ReturnGenerator large = this.generator.withMaxTableRows(200).withLatestPeriodEnd(LocalDate.of(2024, 12, 31));
		byte[] xml = large.breaking("842", "2.8.3", "GTGT842-R019", 3);
		String text = new String(large.generate("842", "2.8.3", 2), StandardCharsets.UTF_8);

		assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<loaiTKhai>B</loaiTKhai>").doesNotContain("PL01_1_KHBS");
		assertThat(text).doesNotContain("/2025<");
	}

	@Test
	void unknownRuleOrFormIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.generator.breaking("842", "2.8.3", "X-1", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.generator.generate("999", "1.0", 1));
	}

}

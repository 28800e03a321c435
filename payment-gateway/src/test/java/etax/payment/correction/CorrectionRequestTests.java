package etax.payment.correction;

import java.math.BigDecimal;
import java.util.UUID;

import etax.payment.correction.CorrectionRequest.Coding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a RECODE changes: the coding the money is under (chapter, sub-item, area), not the figures it names. */
class CorrectionRequestTests {

	private static final Coding PAID = new Coding("754", "1701", "79760", new BigDecimal("2000000"), "VND");

	@Test
	void aRecodeChangesTheCodingByItsChapterSubItemOrArea() {
		assertThat(recode(new Coding("755", "1701", "79760", new BigDecimal("2000000"), "VND")).changesCoding())
			.isTrue();
		assertThat(recode(new Coding("754", "1052", null, new BigDecimal("500000"), null)).changesCoding()).isTrue();
		assertThat(recode(new Coding("754", "1701", "79761", new BigDecimal("2000000"), "VND")).changesCoding())
			.isTrue();
	}

	/** A RECODE that gives no corrected area keeps the area as paid, as it is recorded. */
	@Test
	void aRecodeToTheCodingAsPaidChangesNothingWhateverItsAmountCurrencyOrAreaLeftOut() {
		assertThat(recode(new Coding("754", "1701", null, new BigDecimal("2000000"), null)).changesCoding())
			.as("no area: the area as paid")
			.isFalse();
		assertThat(recode(new Coding("754", "1701", "79760", new BigDecimal("500000"), "VND")).changesCoding())
			.as("part of the money, to where it is")
			.isFalse();
		assertThat(recode(new Coding("754", "1701", "79760", new BigDecimal("2000000.00"), "USD")).changesCoding())
			.as("another currency")
			.isFalse();
		assertThat(recode(PAID).changesCoding()).isFalse();
	}

	private static CorrectionRequest recode(Coding corrected) {
		return new CorrectionRequest(UUID.randomUUID(), "TS-2026-000042", "RECODE", "01202001", "COR2026030300009418",
				1, null, "0111", PAID, corrected, "lý do", "reconciliation/work-items/42", "officer-99999");
	}

}

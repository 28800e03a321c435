package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Section B of 01/KHBS (refund clawed back): the golden supplement of March 2026 (signed 11 May 2026), its
 * {@code HoanThueThuHoi} replaced. The document carries the refund to pay back; KHBS01-R004 to -R007 check what
 * charging it needs.
 */
class RefundClawbackTests {

	private static final String GOLDEN = "valid/01_GTGT_M03-2026_supplementary-agent.xml";

	private static final String SECTION_B = "/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/";

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@Test
	void aRefundPaidBackNamesItsSubItemAndTheDayItWasReceived() {
		// 20 April to 10 May: 21 days, 20,000,000 × 0.03 % × 21 = 126,000
		Validation validation = validate(
				"<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-04-20</ngayNhanHoan><ct15>21</ct15><ct16>126000</ct16>");

		assertThat(validation.findings()).isEmpty();
		assertThat(document(validation).refundClawback())
			.isEqualTo(new RefundClawback(20_000_000, "1701", LocalDate.of(2026, 4, 20)));
	}

	@Test
	void noRefundWhenSectionBIsZeroEmptyOrAbsent() {
		assertThat(document(validate("<ct14>0</ct14><ct15>0</ct15><ct16>0</ct16>")).refundClawback()).isNull();
		assertThat(document(validate("<tieuMuc/><ct14>0</ct14><ngayNhanHoan/><ct15>0</ct15><ct16>0</ct16>"))
			.refundClawback()).isNull();
		Validation without = this.validator.validate(TestReturns.text(GOLDEN)
			.replaceAll("<HoanThueThuHoi>.*</HoanThueThuHoi>", "")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(without.findings()).isEmpty();
		assertThat(document(without).refundClawback()).isNull();
		assertThat(document(this.validator.validate(TestReturns.read("valid/01_GTGT_Q1-2026.xml"))).refundClawback())
			.as("an original has no 01/KHBS")
			.isNull();
	}

	@Test
	void aRefundPaidBackWithoutItsSubItemOrDayIsRejected() {
		Validation validation = validate("<tieuMuc/><ct14>20000000</ct14><ct15>0</ct15><ct16>0</ct16>");

		assertThat(validation.findings()).extracting(Finding::ruleId).containsExactly("KHBS01-R004", "KHBS01-R005");
		assertThat(validation.findings()).allSatisfy((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.category()).isEqualTo(Category.MISSING_DATA);
		});
		assertThat(validation.findings().get(0).xpath()).isEqualTo(SECTION_B + "tieuMuc");
		assertThat(validation.findings().get(0).message().en())
			.isEqualTo("[14] declares 20000000 of refund to pay back but not the budget sub-item the refund was paid from.");
		assertThat(validation.findings().get(1).xpath()).as("absent: where it belongs").isEqualTo(SECTION_B + "ngayNhanHoan");
		assertThat(validation.findings().get(1).line()).isNull();
		assertThat(document(validation).refundClawback()).isEqualTo(new RefundClawback(20_000_000, null, null));
	}

	@Test
	void theDayReceivedLiesInThePeriodToTheSigningDate() {
		Finding late = single(validate(
				"<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-05-12</ngayNhanHoan><ct15>0</ct15><ct16>0</ct16>"));
		Finding early = single(validate(
				"<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-02-28</ngayNhanHoan><ct15>72</ct15><ct16>432000</ct16>"));

		for (Finding finding : List.of(late, early)) {
			assertThat(finding.ruleId()).isEqualTo("KHBS01-R006");
			assertThat(finding.severity()).isEqualTo(Severity.REJECT);
			assertThat(finding.category()).isEqualTo(Category.INCORRECT_DATA);
			assertThat(finding.xpath()).isEqualTo(SECTION_B + "ngayNhanHoan");
		}
		assertThat(late.value()).isEqualTo("2026-05-12");
		assertThat(late.message().en()).isEqualTo("The refund was received on 2026-05-12; the day must lie between the "
				+ "first day of the tax period (2026-03-01) and the signing date (2026-05-11).");
		assertThat(early.value()).isEqualTo("2026-02-28");
		assertThat(validate("<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-05-11</ngayNhanHoan>"
				+ "<ct15>0</ct15><ct16>0</ct16>").findings())
			.as("received the day it is signed: no day of interest yet")
			.isEmpty();
	}

	@Test
	void daysThatDoNotCountFromTheDayReceivedToTheDayBeforeSigningAreAWarning() {
		// 20 May is the day the taxpayer means to pay: 30 days, 180,000, consistent with [16] = [14] × 0.03 % × [15]
		Validation validation = validate(
				"<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-04-20</ngayNhanHoan><ct15>30</ct15><ct16>180000</ct16>");

		Finding days = single(validation);
		assertThat(days.ruleId()).isEqualTo("KHBS01-R007");
		assertThat(days.severity()).isEqualTo(Severity.WARNING);
		assertThat(days.category()).isEqualTo(Category.MATH_ERROR);
		assertThat(days.xpath()).isEqualTo(SECTION_B + "ct15");
		assertThat(days.value()).isEqualTo("30");
		assertThat(days.message().en()).isEqualTo("[15] counts 30 days; from the day the refund was received "
				+ "(2026-04-20) to the day before signing (2026-05-11) there are 21.");
		assertThat(document(validation).refundClawback()).as("received: a warning does not stop the filing")
			.isEqualTo(new RefundClawback(20_000_000, "1701", LocalDate.of(2026, 4, 20)));
		assertThat(validate("<tieuMuc>1701</tieuMuc><ct14>20000000</ct14><ngayNhanHoan>2026-04-20</ngayNhanHoan>"
				+ "<ct15>30</ct15><ct16>126000</ct16>").findings())
			.extracting(Finding::ruleId)
			.as("[16] still follows [15]")
			.containsExactly("KHBS01-R003", "KHBS01-R007");
	}

	@Test
	void generatedSupplementsThatPayARefundBackPassTheirRules() {
		ReturnGenerator generator = new ReturnGenerator(FormCatalog.load()).withFilingType("B");
		int found = 0;
		for (long seed = 1; seed < 400 && found < 5; seed++) {
			Validation validation = this.validator.validate(generator.generate("842", "2.8.3", seed));
			RefundClawback clawback = document(validation).refundClawback();
			if (clawback != null) {
				found++;
				assertThat(validation.findings()).as("seed " + seed)
					.noneMatch((finding) -> finding.ruleId().startsWith("KHBS01"));
				assertThat(clawback.subItem()).isEqualTo("1701");
				assertThat(clawback.receivedOn()).isNotNull();
			}
		}
		assertThat(found).isEqualTo(5);
	}

	@Test
	void onlyTheEnvelopeFieldsTheGeneratorDrawsCanBeBroken() {
		String spec = TestForms.SMALL.replace("break: {ct1: \"1\"}", "break: {signedOn: \"'2026-01-01'\"}");

		assertThatIllegalStateException().isThrownBy(() -> TestForms.compile(spec))
			.withMessageContaining("rule T-R1 break signedOn: signedOn cannot be broken");
	}

	private Validation validate(String sectionB) {
		String xml = TestReturns.text(GOLDEN)
			.replace("<HoanThueThuHoi><ct14>0</ct14><ct15>0</ct15><ct16>0</ct16></HoanThueThuHoi>",
					"<HoanThueThuHoi>" + sectionB + "</HoanThueThuHoi>");
		return this.validator.validate(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static ReturnDocument document(Validation validation) {
		assertThat(validation).as(validation.findings().toString()).isInstanceOf(Validation.Receivable.class);
		return ((Validation.Receivable) validation).document();
	}

	/** The one finding of a receivable return. */
	private static Finding single(Validation validation) {
		document(validation);
		assertThat(validation.findings()).hasSize(1);
		return validation.findings().get(0);
	}

}

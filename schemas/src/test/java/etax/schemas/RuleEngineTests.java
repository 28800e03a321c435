package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTests {

	private final CompiledForm form = TestForms.compile(TestForms.SMALL);

	@Test
	void everyFailingRuleIsAFindingAndForEachRulesRunPerRow() {
		ReturnValues values = values("50", "-5");
		ReturnValues.Row row = values.addRow(0);
		row.set(0, "2");
		row.set(1, "10");
		row.set(2, "20");
		ReturnValues.Row wrong = values.addRow(0);
		wrong.set(0, "2");
		wrong.set(1, "10");
		wrong.set(2, "21");

		assertThat(RuleEngine.evaluate(this.form, values)).extracting(Finding::ruleId, Finding::xpath, Finding::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("T-R2", "/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ct2", "-5"),
					org.assertj.core.groups.Tuple.tuple("T-R3",
							"/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/Bang/Dong[2]/tien", "21"));
	}

	@Test
	void aFailingRejectAndStopRuleEndsTheRun() {
		assertThat(RuleEngine.evaluate(this.form, values("5", "-5"))).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("T-R1");
			assertThat(finding.severity()).isEqualTo(Severity.REJECT_AND_STOP);
			assertThat(finding.message()).isEqualTo(new LocalizedText("ct1 = 5", "ct1 = 5"));
		});
	}

	@Test
	void rulesArePublishedWithoutEngineTypes() {
		assertThat(this.form.publishedRules()).extracting(FormRule::id, FormRule::forEach, FormRule::appendix)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("T-R1", null, null),
					org.assertj.core.groups.Tuple.tuple("T-R2", null, null),
					org.assertj.core.groups.Tuple.tuple("T-R3", "Bang", null));
	}

	/**
	 * 02/TAIN (924): with the total of column (8) right and that of column (9) wrong, the finding points at (9),
	 * with its value and a remedy for (9). The two totals were once one rule whose finding pointed at (8).
	 */
	@Test
	void aFindingPointsAtTheIndicatorThatIsWrong() {
		byte[] xml = new ReturnGenerator(FormCatalog.load()).breaking("924", "2.1.0", "TAIN924-R012", 1);
		Matcher total = Pattern.compile("<tongCong_ct9>([^<]*)</tongCong_ct9>")
			.matcher(new String(xml, StandardCharsets.UTF_8));
		assertThat(total.find()).isTrue();

		assertThat(ReturnValidator.withDefaults().validate(xml).findings())
			.filteredOn((finding) -> finding.severity() != Severity.WARNING)
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.ruleId()).isEqualTo("TAIN924-R012");
				assertThat(finding.xpath()).isEqualTo("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/TongCong/tongCong_ct9");
				assertThat(finding.value()).isEqualTo(total.group(1));
				assertThat(finding.message().en()).startsWith("The total of column (9) is " + total.group(1));
				assertThat(finding.remedy().en()).contains("column (9)");
			});
	}

	private ReturnValues values(String ct1, String ct2) {
		ReturnValues values = new ReturnValues(this.form.layout);
		values.set(this.form.layout.field(-1, "ct1").index(), ct1);
		values.set(this.form.layout.field(-1, "ct2").index(), ct2);
		return values;
	}

}

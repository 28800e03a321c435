package etax.schemas;

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

	private ReturnValues values(String ct1, String ct2) {
		ReturnValues values = new ReturnValues(this.form.layout);
		values.set(this.form.layout.field(-1, "ct1").index(), ct1);
		values.set(this.form.layout.field(-1, "ct2").index(), ct2);
		return values;
	}

}

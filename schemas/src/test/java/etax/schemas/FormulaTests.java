package etax.schemas;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FormulaTests {

	private final CompiledForm form = TestForms.compile(TestForms.SMALL);

	private final ReturnValues values = new ReturnValues(this.form.layout);

	@Test
	void arithmeticFollowsPrecedenceWithBigDecimals() {
		assertThat(test("1 + 2 * 3 == 7")).isTrue();
		assertThat(test("(1 + 2) * 3 == 9")).isTrue();
		assertThat(test("-(2 - 5) == 3")).isTrue();
		assertThat(test("10 - 4 - 3 == 3")).isTrue();
		assertThat(test("6 × 2 ÷ 3 − 1 == 3")).isTrue();
		assertThat(test("0.1 + 0.2 == 0.3")).isTrue();
		assertThat(test("1 / 3 * 3 == 1")).isFalse();
		assertThat(number("7 / 0")).isEqualByComparingTo("0");
		assertThat(test("!(1 > 2) && 2 >= 2 || false")).isTrue();
		assertThat(test("!true || 1 != 1")).isFalse();
	}

	@Test
	void functionsRoundHalfUpToWholeVnd() {
		assertThat(number("round(2.5)")).isEqualByComparingTo("3");
		assertThat(number("round(-2.5)")).isEqualByComparingTo("-3");
		assertThat(number("round(2.49)")).isEqualByComparingTo("2");
		assertThat(number("round(1.005, 2)")).isEqualByComparingTo("1.01");
		assertThat(number("abs(-4) + min(3, 1, 2) + max(3, 1, 2)")).isEqualByComparingTo("8");
		assertThat(number("if(1 > 2, 10, 20)")).isEqualByComparingTo("20");
		assertThat(test("'it''s' == 'it''s'")).isTrue();
	}

	@Test
	void namesReadTheReturnWithAbsentNumbersAsZero() {
		assertThat(number("ct1 + ct2")).isEqualByComparingTo("0");
		assertThat(test("present(ct4)")).isFalse();
		slot("ct1", "1500");
		slot("ct2", "-20");
		slot("ct3", "true");
		slot("ct4", "AB");
		slot("ct5", "0.05");
		assertThat(number("ct1 * ct5 + ct2")).isEqualByComparingTo("55");
		assertThat(test("ct3 && present(ct4) && ct4 == 'AB'")).isTrue();
		slot("ct3", "0");
		assertThat(test("ct3")).isFalse();
	}

	@Test
	void tablesAppendicesAndEnvelope() {
		ReturnValues.Row first = this.values.addRow(0);
		first.set(0, "2");
		first.set(1, "100");
		ReturnValues.Row second = this.values.addRow(0);
		second.set(0, "3");
		second.set(1, "10");
		assertThat(number("count(Bang)")).isEqualByComparingTo("2");
		assertThat(number("sum(Bang.gia)")).isEqualByComparingTo("110");
		assertThat(test("hasAppendix('PL_A')")).isFalse();
		this.values.appendix(0, true);
		assertThat(test("hasAppendix('PL_A') && PL_A.a1 == 0")).isTrue();
		this.values.header(HeaderVar.FILING_TYPE, "B");
		this.values.header(HeaderVar.SUBMISSION_NUMBER, "2");
		assertThat(test("filingType == 'B' && submissionNumber >= 1")).isTrue();
		Expr row = new Binder(this.form.layout, -1, 0, false).bind("sl * gia", FieldType.Kind.NUMBER);
		assertThat(row.number(Expr.Evaluation.of(this.values).inRow(0, second))).isEqualByComparingTo("30");
	}

	@Test
	void datesCountDaysAndMoveByDays() {
		this.values.header(HeaderVar.SIGNED_ON, "2026-05-11");
		this.values.header(HeaderVar.PERIOD_START, "2026-03-01");
		assertThat(number("days('2026-04-20', signedOn)")).as("20 April to 10 May, both included")
			.isEqualByComparingTo("21");
		assertThat(number("days(signedOn, '2026-04-20')")).isEqualByComparingTo("-21");
		assertThat(number("days('2024-02-28', '2024-03-01')")).as("a leap year").isEqualByComparingTo("2");
		assertThat(text("addDays(signedOn, -1)")).isEqualTo("2026-05-10");
		assertThat(text("addDays(periodStart, 31)")).isEqualTo("2026-04-01");
		assertThat(test("addDays(signedOn, 1) > signedOn && periodStart < signedOn")).isTrue();
		assertThat(number("days('', signedOn) + days(signedOn, 'x')")).as("a date left out counts no days")
			.isEqualByComparingTo("0");
		assertThat(text("addDays('', 3)")).isEmpty();
	}

	@Test
	void mistakesAreCaughtWhenBinding() {
		assertThatIllegalArgumentException().isThrownBy(() -> bind("ct1 == ct99")).withMessageContaining("unknown name 'ct99'");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("1 < 2 < 3")).withMessageContaining("do not chain");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("foo(1)")).withMessageContaining("unknown function foo");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("abs(1, 2) == 1")).withMessageContaining("abs takes 1 argument");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("ct1 && true")).withMessageContaining("expected a boolean");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("Bang == 1")).withMessageContaining("is a table");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("sum(ct1) == 1")).withMessageContaining("sum needs table.column");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("hasAppendix('PL_X')")).withMessageContaining("not in the form's appendix list");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("(1 + 2")).withMessageContaining("expected ')'");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("1 + 2")).withMessageContaining("expected a boolean");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("days(signedOn) == 1")).withMessageContaining("days takes 2 arguments");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("days(1, 2) == 1")).withMessageContaining("expected a text");
		assertThatIllegalArgumentException().isThrownBy(() -> bind("addDays(signedOn, '1') == ''")).withMessageContaining("expected a number");
	}

	private void slot(String name, String text) {
		this.values.set(this.form.layout.field(-1, name).index(), text);
	}

	private Expr bind(String formula) {
		return new Binder(this.form.layout, -1, -1, false).bind(formula, FieldType.Kind.BOOLEAN);
	}

	private boolean test(String formula) {
		return bind(formula).test(Expr.Evaluation.of(this.values));
	}

	private String text(String formula) {
		return new Binder(this.form.layout, -1, -1, false).bind(formula, FieldType.Kind.TEXT)
			.text(Expr.Evaluation.of(this.values));
	}

	private BigDecimal number(String formula) {
		return new Binder(this.form.layout, -1, -1, false).bind(formula, FieldType.Kind.NUMBER)
			.number(Expr.Evaluation.of(this.values));
	}

}

package etax.batch.console;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** One way to show money on every console page: grouped, đồng whole, other currencies to the cent, the code after. */
class MoneyTests {

	@Test
	void dongAreWholeAndGroupedWithCommas() {
		assertThat(Money.format(new BigDecimal("4500000.00"), "VND")).isEqualTo("4,500,000 VND");
		assertThat(Money.format(4_500_000L, "VND")).isEqualTo("4,500,000 VND");
		assertThat(Money.format(22_000_000, "VND")).isEqualTo("22,000,000 VND");
		assertThat(Money.format(new BigDecimal("4.5E+6"), "VND")).isEqualTo("4,500,000 VND");
		assertThat(Money.format(BigDecimal.ZERO, "VND")).isEqualTo("0 VND");
		assertThat(Money.format(new BigDecimal("999"), "VND")).isEqualTo("999 VND");
		assertThat(Money.format(new BigDecimal("1000"), "VND")).isEqualTo("1,000 VND");
	}

	@Test
	void otherCurrenciesAreToTheCent() {
		assertThat(Money.format(new BigDecimal("100.55"), "USD")).isEqualTo("100.55 USD");
		assertThat(Money.format(new BigDecimal("1234567.5"), "USD")).isEqualTo("1,234,567.50 USD");
		assertThat(Money.format(new BigDecimal("1000"), "USD")).isEqualTo("1,000.00 USD");
		assertThat(Money.format(0.1, "USD")).isEqualTo("0.10 USD");
	}

	@Test
	void negativeAmountsKeepTheirSign() {
		assertThat(Money.format(new BigDecimal("-700000.00"), "VND")).isEqualTo("-700,000 VND");
		assertThat(Money.format(-1_234_567L, "VND")).isEqualTo("-1,234,567 VND");
		assertThat(Money.format(new BigDecimal("-0.55"), "USD")).isEqualTo("-0.55 USD");
		assertThat(Money.format(new BigDecimal("-100"), "USD")).isEqualTo("-100.00 USD");
	}

	@Test
	void noAmountIsEmpty() {
		assertThat(Money.format(null, "VND")).isEmpty();
		assertThat(Money.format(null, null)).isEmpty();
		assertThat(Money.figures(null, "USD")).isEmpty();
	}

	@Test
	void eighteenDigitAmountsAreExact() {
		assertThat(Money.format(new BigDecimal("999999999999999999"), "VND"))
			.isEqualTo("999,999,999,999,999,999 VND");
		assertThat(Money.format(Long.MAX_VALUE, "VND")).isEqualTo("9,223,372,036,854,775,807 VND");
		assertThat(Money.format(new BigInteger("-123456789012345678"), "VND"))
			.isEqualTo("-123,456,789,012,345,678 VND");
		assertThat(Money.format(new BigDecimal("123456789012345678.99"), "USD"))
			.isEqualTo("123,456,789,012,345,678.99 USD");
	}

	@Test
	void nothingIsRoundedAway() {
		assertThat(Money.format(new BigDecimal("4500000.50"), "VND")).as("a fraction đồng should not have is shown")
			.isEqualTo("4,500,000.5 VND");
		assertThat(Money.format(new BigDecimal("100.555"), "USD")).isEqualTo("100.555 USD");
	}

	@Test
	void figuresLeaveTheCurrencyToTheColumnAndNoCurrencyLeavesTheFiguresAsPreciseAsTheAmount() {
		assertThat(Money.figures(new BigDecimal("4500000.00"), "VND")).isEqualTo("4,500,000");
		assertThat(Money.figures(new BigDecimal("100.5"), "USD")).isEqualTo("100.50");
		assertThat(Money.format(new BigDecimal("4500000.00"), null)).isEqualTo("4,500,000");
		assertThat(Money.format(new BigDecimal("12.50"), null)).isEqualTo("12.5");
	}

	@Test
	void theServersLocaleChangesNothing() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("vi-VN"));
			assertThat(Money.format(new BigDecimal("1234567.89"), "USD")).isEqualTo("1,234,567.89 USD");
			Locale.setDefault(Locale.GERMANY);
			assertThat(Money.format(-4_500_000L, "VND")).isEqualTo("-4,500,000 VND");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void templatesCallTheSameMethodsOnTheBean() {
		StandardEvaluationContext context = new StandardEvaluationContext();
		context.setBeanResolver((evaluation, name) -> "money".equals(name) ? new Money() : null);
		SpelExpressionParser parser = new SpelExpressionParser();
		assertThat(parser.parseExpression("@money.format(4500000, 'VND')").getValue(context)).isEqualTo("4,500,000 VND");
		assertThat(parser.parseExpression("@money.figures(null, 'VND')").getValue(context)).isEqualTo("");
	}

}

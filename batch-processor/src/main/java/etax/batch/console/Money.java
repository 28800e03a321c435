package etax.batch.console;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Money as every console page shows it, in one place: thousands grouped with commas, đồng whole, other
 * currencies (USD) to the cent, a minus sign kept, then the currency code: {@code 4,500,000 VND},
 * {@code 100.55 USD}, {@code -700,000 VND}; the same whatever the server's locale. Nothing is rounded: a
 * fraction an amount should not have (a VND amount with cents) is shown, not hidden.
 *
 * <p>
 * Templates call it as the bean {@code money}: {@code ${@money.format(amount, 'VND')}}, or
 * {@code ${@money.figures(amount, currency)}} where a column of its own names the currency. Its methods are
 * static so that the console's Java code words amounts in sentences (flash messages, confirmations) the same
 * way.
 */
@Component("money")
public final class Money {

	Money() {
	}

	/**
	 * @param amount the amount; null for none
	 * @param currency its ISO code, e.g. {@code VND} or {@code USD}; null when not known
	 * @return the amount and its currency, e.g. {@code 4,500,000 VND}; empty for no amount; the figures alone
	 * (as precise as the amount) for no currency
	 */
	public static String format(@Nullable Number amount, @Nullable String currency) {
		String figures = figures(amount, currency);
		return (figures.isEmpty() || currency == null) ? figures : figures + " " + currency;
	}

	/**
	 * @param amount the amount; null for none
	 * @param currency its ISO code; null when not known
	 * @return the figures alone, e.g. {@code 4,500,000}, for where the currency is said already (a column header
	 * or a currency column); empty for no amount
	 */
	public static String figures(@Nullable Number amount, @Nullable String currency) {
		if (amount == null) {
			return "";
		}
		BigDecimal exact = decimal(amount).stripTrailingZeros();
		int decimals = (currency == null || "VND".equals(currency)) ? 0 : 2;
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(Math.max(decimals, exact.scale()));
		format.setRoundingMode(RoundingMode.UNNECESSARY);
		return format.format(exact);
	}

	private static BigDecimal decimal(Number amount) {
		if (amount instanceof BigDecimal decimal) {
			return decimal;
		}
		if (amount instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (amount instanceof Long || amount instanceof Integer || amount instanceof Short || amount instanceof Byte) {
			return BigDecimal.valueOf(amount.longValue());
		}
		return new BigDecimal(amount.toString());
	}

}

package etax.schemas;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a notice writes things inside its sentences: a value quoted, a number with its thousands grouped, a
 * sentence's first letter. In one place so that the wordings of XSD errors and the names of elements agree.
 */
final class NoticeText {

	/** A number as a notice writes it out: plain digits, a sign and a point; no exponent, and of a sensible length. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]{1,40}(\\.[0-9]{1,40})?");

	private NoticeText() {
	}

	/**
	 * A value as a message quotes it: whole up to {@link Findings#MAX_VALUE_LENGTH} characters, else by its start
	 * and length, as the finding's value.
	 */
	static LocalizedText quoted(String value) {
		String en = "\"" + Findings.shown(value) + "\"";
		if (value.length() <= Findings.MAX_VALUE_LENGTH) {
			return new LocalizedText(en, en);
		}
		return new LocalizedText(
				"\"" + Findings.start(value) + "…\" (" + number(String.valueOf(value.length()), true) + " ký tự)", en);
	}

	/** A number as the notices write one: thousands grouped, {@code 1.000.000,5} in Vietnamese, {@code 1,000,000.5} in English. */
	static String number(String text, boolean vietnamese) {
		if (!PLAIN_NUMBER.matcher(text.strip()).matches()) {
			// an exponent (1E999999999) would be written out digit by digit: numbers here are plain decimals
			return text;
		}
		BigDecimal number = new BigDecimal(text.strip());
		String plain = (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
		boolean negative = plain.startsWith("-");
		String digits = negative ? plain.substring(1) : plain;
		int point = digits.indexOf('.');
		String whole = (point < 0) ? digits : digits.substring(0, point);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append(vietnamese ? '.' : ',');
			}
			grouped.append(whole.charAt(i));
		}
		if (point >= 0) {
			grouped.append(vietnamese ? ',' : '.').append(digits.substring(point + 1));
		}
		return (negative ? "-" : "") + grouped;
	}

	/** A text as a sentence starts with it. */
	static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** One text after another, in each language. */
	static LocalizedText joined(LocalizedText first, LocalizedText then) {
		return new LocalizedText(first.vi() + then.vi(), first.en() + then.en());
	}

}

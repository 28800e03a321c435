package etax.schemas;

import java.math.BigDecimal;

/**
 * The wording of a value beyond a limit of the XSD: a bound, a length, a number of digits. The limit is written
 * as the notices write numbers ({@link NoticeText#number}); a minimum of 0 is said as "negative", which is what
 * the filer did.
 */
final class LimitWording {

	private LimitWording() {
	}

	/** cvc-minInclusive, cvc-minExclusive, cvc-maxInclusive, cvc-maxExclusive. */
	static XsdWording.Wording bound(RefusedValue refused, String key, String limit) {
		String vi = NoticeText.number(limit, true);
		String en = NoticeText.number(limit, false);
		return switch (key) {
			case "cvc-minInclusive-valid" -> isZero(limit)
					? refused.said(refused.value(" là số âm, không được phép.", " is negative, which is not allowed."),
							new LocalizedText("Ghi số từ 0 trở lên; kiểm tra lại số liệu và cách tính.",
									"Write a number of 0 or more; check the figures and how they were worked out."))
					: refused.said(refused.value(" nhỏ hơn mức tối thiểu " + vi + ".", " is below the minimum, " + en + "."),
							new LocalizedText("Ghi giá trị từ " + vi + " trở lên.", "Write a value of " + en + " or more."));
			case "cvc-minExclusive-valid" -> refused.said(
					refused.value(" phải lớn hơn " + vi + ".", " must be greater than " + en + "."),
					new LocalizedText("Ghi giá trị lớn hơn " + vi + ".", "Write a value greater than " + en + "."));
			case "cvc-maxExclusive-valid" -> refused.said(
					refused.value(" phải nhỏ hơn " + vi + ".", " must be less than " + en + "."),
					new LocalizedText("Ghi giá trị nhỏ hơn " + vi + ".", "Write a value less than " + en + "."));
			default -> refused.said(refused.value(" lớn hơn mức tối đa " + vi + ".", " is above the maximum, " + en + "."),
					new LocalizedText("Ghi giá trị không quá " + vi + "; kiểm tra lại số liệu (có thể thừa chữ số).",
							"Write a value of at most " + en + "; check the figures for a digit too many."));
		};
	}

	/** cvc-minLength, cvc-maxLength, cvc-length: the text's length as the validator counted it, and the limit. */
	static XsdWording.Wording length(RefusedValue refused, String key, String actual, String limit) {
		String vi = NoticeText.number(limit, true);
		String en = NoticeText.number(limit, false);
		return switch (key) {
			case "cvc-maxLength-valid" -> refused.said(
					text(refused, actual, ", vượt quá mức tối đa " + vi + " ký tự.", ", more than the " + en + " allowed."),
					new LocalizedText("Rút gọn nội dung còn tối đa " + vi + " ký tự.",
							"Shorten the text to at most " + en + " characters."));
			case "cvc-minLength-valid" -> refused.empty()
					? refused.said(new LocalizedText("chưa có nội dung; không được để trống.",
							"it is empty; it must be filled in."),
							new LocalizedText("Nhập nội dung cho " + refused.subject().vi() + ".",
									"Fill in " + refused.subject().en() + "."))
					: refused.said(text(refused, actual, ", ngắn hơn mức tối thiểu " + vi + " ký tự.",
							", fewer than the " + en + " required."),
							new LocalizedText("Ghi ít nhất " + vi + " ký tự.", "Write at least " + en + " characters."));
			default -> refused.said(
					text(refused, actual, "; phải dài đúng " + vi + " ký tự.", "; it must be exactly " + en + " characters."),
					new LocalizedText("Ghi đúng " + vi + " ký tự.", "Write exactly " + en + " characters."));
		};
	}

	/** cvc-totalDigits: more digits than the type holds. */
	static XsdWording.Wording totalDigits(RefusedValue refused, String digits, String max) {
		return refused.said(
				refused.value(" có " + digits + " chữ số, nhiều hơn mức tối đa " + max + " chữ số.",
						" has " + digits + " digits, more than the " + max + " allowed."),
				new LocalizedText("Ghi số có tối đa " + max + " chữ số; kiểm tra lại số liệu và đơn vị tính.",
						"Write at most " + max + " digits; check the figures and the unit."));
	}

	/** cvc-fractionDigits: more decimals than the type holds. */
	static XsdWording.Wording fractionDigits(RefusedValue refused, String decimals, String max) {
		return refused.said(
				refused.value(" có " + decimals + " chữ số sau dấu thập phân, nhiều hơn mức tối đa " + max + ".",
						" has " + decimals + " decimals, more than the " + max + " allowed."),
				new LocalizedText("Làm tròn đến " + max + " chữ số sau dấu thập phân.",
						"Round it to " + max + " decimals."));
	}

	/** "the text "…" is 1,200 characters long", then the problem. */
	private static LocalizedText text(RefusedValue refused, String actual, String vi, String en) {
		LocalizedText quoted = refused.quoted();
		return new LocalizedText(
				"nội dung " + quoted.vi() + " dài " + NoticeText.number(actual, true) + " ký tự" + vi,
				"the text " + quoted.en() + " is " + NoticeText.number(actual, false) + " characters long" + en);
	}

	private static boolean isZero(String text) {
		try {
			return new BigDecimal(text.strip()).signum() == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}

package etax.schemas;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The wording of a value the XSD refuses: not of its type or pattern, not one of its codes, or beyond a limit
 * ({@link LimitWording}). A value not of its type or pattern says what it must be ({@link ExpectedValues}) in
 * words, so that the filer can write it right without reading the XSD.
 */
final class ValueWording {

	/** What the codes of the envelope's enumerations mean. */
	private static final Map<String, LocalizedText> ENUMERATIONS = Map.of("[C, B, T]",
			new LocalizedText("C (tờ khai lần đầu), B (tờ khai bổ sung), T (tờ khai thay thế)",
					"C (first filing), B (supplementary), T (replacement)"),
			"[M, Q, Y, D, K, N]",
			new LocalizedText("M (tháng), Q (quý), Y (năm), D (từng lần phát sinh), K hoặc N (kỳ theo khoảng ngày)",
					"M (month), Q (quarter), Y (year), D (per occurrence), K or N (a range of days)"));

	private static final LocalizedText EMPTY = new LocalizedText("chưa có giá trị", "the value is empty");

	private ValueWording() {
	}

	/**
	 * Words a refused value: its type, a facet, or (for an attribute) both.
	 * @param error what the validator reported first, a value message
	 * @param attribute the validator's "the attribute is not valid" that came with it, or {@code null}
	 * @param xpath where
	 * @param value the element's text, or {@code null}
	 * @param names the form version's element names
	 * @return the wording
	 */
	static XsdWording.Wording of(XercesMessage error, @Nullable XercesMessage attribute, String xpath,
			@Nullable String value, ElementNames names) {
		RefusedValue refused = RefusedValue.of(error, attribute, xpath, value, names);
		return switch (error.key()) {
			case "cvc-pattern-valid" -> format(refused, ExpectedValues.ofFacet(error.arg(2), error.arg(1)));
			case "cvc-datatype-valid.1.2.1" -> format(refused, ExpectedValues.ofBuiltIn(error.arg(1), names));
			case "cvc-datatype-valid.1.2.2", "cvc-datatype-valid.1.2.3" -> format(refused,
					ExpectedValues.ofNamed(error.arg(1), names));
			case "cvc-enumeration-valid" -> enumeration(refused, error.arg(1));
			case "cvc-minInclusive-valid", "cvc-minExclusive-valid", "cvc-maxInclusive-valid",
					"cvc-maxExclusive-valid" ->
				LimitWording.bound(refused, error.key(), error.arg(1));
			case "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid" -> LimitWording.length(refused,
					error.key(), error.arg(1), error.arg(2));
			case "cvc-totalDigits-valid" -> LimitWording.totalDigits(refused, error.arg(1), error.arg(2));
			case "cvc-fractionDigits-valid" -> LimitWording.fractionDigits(refused, error.arg(1), error.arg(2));
			default -> (attribute != null) ? format(refused, ExpectedValues.ofBuiltIn(attribute.arg(3), names))
					: refused.said(refused.value(" không hợp lệ.", " is not valid."),
							new LocalizedText("Sửa giá trị theo đúng quy định của " + names.formVi() + ".",
									"Correct the value as " + names.formEn() + " requires."));
		};
	}

	/** "[23] … (ct23): the value "500.000.000" is not in the required format; it must be …". */
	private static XsdWording.Wording format(RefusedValue refused, Expected expected) {
		LocalizedText problem;
		if (refused.empty()) {
			problem = EMPTY;
		}
		else if (expected.shape() != null && expected.shape().matcher(refused.written()).matches()) {
			problem = refused.value(" không phải là ngày có thật", " is not a real date");
		}
		else {
			problem = refused.value(" không đúng định dạng", " is not in the required format");
		}
		return refused.said(mustBe(problem, expected.what()), expected.fix());
	}

	private static XsdWording.Wording enumeration(RefusedValue refused, String values) {
		String plain = values.startsWith("[") && values.endsWith("]") ? values.substring(1, values.length() - 1) : values;
		LocalizedText allowed = ENUMERATIONS.getOrDefault(values, new LocalizedText(plain, plain));
		LocalizedText oneOf = new LocalizedText("một trong các giá trị: " + allowed.vi(), "one of: " + allowed.en());
		return refused.said(
				refused.empty() ? mustBe(EMPTY, oneOf)
						: refused.value(" không thuộc các giá trị được phép: " + allowed.vi() + ".",
								" is not one of those allowed: " + allowed.en() + "."),
				new LocalizedText("Chọn " + oneOf.vi() + ".", "Choose " + oneOf.en() + "."));
	}

	/** "problem; it must be what." */
	private static LocalizedText mustBe(LocalizedText problem, LocalizedText what) {
		return new LocalizedText(problem.vi() + "; phải là " + what.vi() + ".",
				problem.en() + "; it must be " + what.en() + ".");
	}

}

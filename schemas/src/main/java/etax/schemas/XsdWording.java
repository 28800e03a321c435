package etax.schemas;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The plain wording of an XSD error: what is wrong with which element, in the filer's terms (the label of the
 * indicator, the value as written, what is allowed in words), and a remedy of its own, in Vietnamese and
 * English, from the validator's messages (see {@link XercesMessage}). A refused value is worded by
 * {@link ValueWording}, the file's structure by {@link StructureWording} and {@link SequenceWording}. The
 * English text ends with the validator's key, for support. Messages it does not know are left to the caller,
 * which keeps the validator's text.
 */
final class XsdWording {

	/** The notice's wording of one XSD error. */
	record Wording(LocalizedText message, LocalizedText remedy) {
	}

	private XsdWording() {
	}

	/**
	 * Words one XSD error.
	 * @param messages what the validator reported for the element, in order: the first says what is wrong; one
	 * after it may be the validator's "the value is not valid" ({@code cvc-type.3.1.3}) or "the attribute is not
	 * valid" ({@code cvc-attribute.3}), which names the attribute
	 * @param xpath where, as the finding reports it
	 * @param value the offending text of the element, or {@code null}
	 * @param names the form version's element names
	 * @return the wording, or {@code null} when the first message is of no template this class words
	 */
	static @Nullable Wording of(List<String> messages, String xpath, @Nullable String value, ElementNames names) {
		XercesMessage first = XercesMessage.parse(messages.get(0));
		if (first == null) {
			return null;
		}
		XercesMessage attribute = null;
		for (String message : messages) {
			if (message.startsWith("cvc-attribute.3: ")) {
				attribute = XercesMessage.parse(message);
			}
		}
		Wording wording = words(first, attribute, xpath, value, names);
		if (wording == null) {
			return null;
		}
		return new Wording(new LocalizedText(wording.message().vi(), wording.message().en() + " (" + first.key() + ")"),
				wording.remedy());
	}

	private static @Nullable Wording words(XercesMessage error, @Nullable XercesMessage attribute, String xpath,
			@Nullable String value, ElementNames names) {
		return switch (error.key()) {
			case "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.2", "cvc-datatype-valid.1.2.3",
					"cvc-enumeration-valid", "cvc-minInclusive-valid", "cvc-maxInclusive-valid", "cvc-minExclusive-valid",
					"cvc-maxExclusive-valid", "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid",
					"cvc-totalDigits-valid", "cvc-fractionDigits-valid", "cvc-type.3.1.3", "cvc-attribute.3" ->
				ValueWording.of(error, attribute, xpath, value, names);
			case "cvc-complex-type.2.4.a" -> SequenceWording.misplaced(error, xpath, names);
			case "cvc-complex-type.2.4.b" -> SequenceWording.incomplete(error, xpath, names);
			case "cvc-complex-type.2.4.c" -> StructureWording.notPartOf(xpath, names);
			case "cvc-complex-type.2.4.d" -> SequenceWording.unexpected(xpath, names);
			case "cvc-complex-type.2.4.e" -> SequenceWording.tooMany(xpath, error.arg(2), names);
			case "cvc-complex-type.2.4.f" -> SequenceWording.tooMany(xpath, error.arg(1), names);
			case "cvc-complex-type.2.4.g", "cvc-complex-type.2.4.h" -> SequenceWording.tooFewBefore(error, xpath, names);
			case "cvc-complex-type.2.4.i", "cvc-complex-type.2.4.j" -> SequenceWording.tooFewIn(error, xpath, names);
			case "cvc-complex-type.2.1" -> StructureWording.mustBeEmpty(xpath, names);
			case "cvc-complex-type.2.2", "cvc-type.3.1.2" -> StructureWording.valueOnly(xpath, names);
			case "cvc-complex-type.2.3" -> StructureWording.textInside(xpath, value, names);
			case "cvc-type.3.1.1", "cvc-complex-type.3.2.1", "cvc-complex-type.3.2.2" ->
				StructureWording.attributeNotAllowed(error.arg(1), xpath, names);
			case "cvc-complex-type.4" -> StructureWording.attributeMissing(error.arg(1), xpath, names);
			case "cvc-elt.1.a", "cvc-elt.1" -> StructureWording.undeclared(error.arg(0), names);
			default -> null;
		};
	}

}

package etax.schemas;

import org.jspecify.annotations.Nullable;

/**
 * A value the XSD refused, as its wording names it: whose value it is and what was written. Every wording of a
 * refused value is said the same way, "Subject: problem.", and ends with the same advice: values are corrected
 * in the filing software, not in the file.
 *
 * @param subject the element, or the attribute of it the validator named
 * @param written the value as written: the element's text, else the value the validator quotes
 */
record RefusedValue(LocalizedText subject, String written) {

	private static final LocalizedText CORRECT_IN_SOFTWARE = new LocalizedText(
			" Sau đó kết xuất lại tờ khai từ phần mềm kê khai.", " Then export the return again from the filing software.");

	/**
	 * The value one message of the validator refuses.
	 * @param error the message
	 * @param attribute the validator's "the attribute is not valid" that came with it, which names the attribute
	 * @param xpath where
	 * @param value the element's text, or {@code null}
	 * @param names the form version's element names
	 * @return the refused value
	 */
	static RefusedValue of(XercesMessage error, @Nullable XercesMessage attribute, String xpath, @Nullable String value,
			ElementNames names) {
		ElementNames.Name element = names.at(xpath);
		LocalizedText subject = (attribute == null) ? new LocalizedText(element.vi(), element.en())
				: new LocalizedText("thuộc tính " + attribute.arg(1) + " của " + element.vi(),
						"attribute " + attribute.arg(1) + " of " + element.en());
		return new RefusedValue(subject, (value != null) ? value : error.arg(writtenArg(error.key())));
	}

	boolean empty() {
		return this.written.isBlank();
	}

	/** The value as a message quotes it. */
	LocalizedText quoted() {
		return NoticeText.quoted(this.written);
	}

	/** A problem that starts with the value: {@code giá trị "500.000.000" …}, {@code the value "500.000.000" …}. */
	LocalizedText value(String vi, String en) {
		LocalizedText quoted = quoted();
		return new LocalizedText("giá trị " + quoted.vi() + vi, "the value " + quoted.en() + en);
	}

	/** "[23] … (ct23): the value "500.000.000" is not in the required format; …", with a remedy made in the software. */
	XsdWording.Wording said(LocalizedText problem, LocalizedText fix) {
		return new XsdWording.Wording(
				new LocalizedText(NoticeText.capitalized(this.subject.vi()) + ": " + problem.vi(),
						NoticeText.capitalized(this.subject.en()) + ": " + problem.en()),
				NoticeText.joined(fix, CORRECT_IN_SOFTWARE));
	}

	/** Which argument of a value message is the value. */
	private static int writtenArg(String key) {
		return switch (key) {
			case "cvc-type.3.1.3" -> 1;
			case "cvc-attribute.3" -> 2;
			default -> 0;
		};
	}

}

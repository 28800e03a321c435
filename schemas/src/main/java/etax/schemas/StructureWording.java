package etax.schemas;

import org.jspecify.annotations.Nullable;

/**
 * The wording of an element the file's structure gets wrong: its content, its attributes, its name or
 * namespace ({@link SequenceWording} words its place among the others). Filing software makes the structure,
 * not the filer, so every remedy ends by advising to update it.
 */
final class StructureWording {

	private static final String NAMESPACE = EnvelopeScanner.NAMESPACE;

	private static final LocalizedText UPDATE_SOFTWARE = new LocalizedText(
			" Nếu tệp do phần mềm HTKK hoặc phần mềm kê khai khác tạo ra, hãy cập nhật phần mềm lên phiên bản mới nhất "
					+ "rồi kết xuất lại tờ khai.",
			" If the file comes from HTKK or other filing software, update it to its latest version and export the "
					+ "return again.");

	private StructureWording() {
	}

	/**
	 * A wording about the file's structure: {@code %s} in the texts is the element, as a sentence starts with it
	 * in the message and inside one in the remedy.
	 */
	static XsdWording.Wording said(ElementNames.Name element, LocalizedText message, LocalizedText fix) {
		String vi = message.vi().startsWith("%s") ? element.viStart() : element.vi();
		String en = message.en().startsWith("%s") ? element.enStart() : element.en();
		LocalizedText remedy = new LocalizedText(fix.vi().replace("%s", element.vi()), fix.en().replace("%s", element.en()));
		return new XsdWording.Wording(new LocalizedText(message.vi().replace("%s", vi), message.en().replace("%s", en)),
				NoticeText.joined(remedy, UPDATE_SOFTWARE));
	}

	/** 2.4.c: an element a wildcard admits, but that the form does not declare. */
	static XsdWording.Wording notPartOf(String xpath, ElementNames names) {
		return said(names.at(xpath),
				new LocalizedText("%s không có trong " + names.formVi() + ".", "%s is not part of " + names.formEn() + "."),
				new LocalizedText("Bỏ %s khỏi tờ khai.", "Remove %s from the return."));
	}

	/** 2.1: content in an element that must be empty. */
	static XsdWording.Wording mustBeEmpty(String xpath, ElementNames names) {
		return said(names.at(xpath),
				new LocalizedText("%s phải để trống, không được có nội dung hay phần tử con.",
						"%s must be empty: no text and no child elements."),
				new LocalizedText("Bỏ mọi nội dung bên trong %s.", "Remove everything inside %s."));
	}

	/** 2.2, cvc-type.3.1.2: child elements in an element that holds a value. */
	static XsdWording.Wording valueOnly(String xpath, ElementNames names) {
		return said(names.at(xpath),
				new LocalizedText("%s chỉ chứa một giá trị, không được có phần tử con.",
						"%s holds a single value and may not contain child elements."),
				new LocalizedText("Bỏ các phần tử con bên trong %s, chỉ ghi giá trị.",
						"Remove the child elements inside %s and write the value alone."));
	}

	/** 2.3: text directly inside an element that holds only elements. */
	static XsdWording.Wording textInside(String xpath, @Nullable String value, ElementNames names) {
		LocalizedText found = (value != null && !value.isBlank()) ? NoticeText.quoted(value) : null;
		return said(names.at(xpath),
				new LocalizedText("%s chỉ được chứa các phần tử con, không được có văn bản trực tiếp"
						+ ((found != null) ? " (có " + found.vi() + ")." : "."),
						"%s may contain only child elements, not text" + ((found != null) ? " (found " + found.en() + ")."
								: ".")),
				new LocalizedText("Bỏ phần văn bản nằm ngoài các phần tử con của %s.",
						"Remove the text that stands outside the child elements of %s."));
	}

	/** cvc-type.3.1.1, 3.2.1, 3.2.2: an attribute the element may not have. */
	static XsdWording.Wording attributeNotAllowed(String attribute, String xpath, ElementNames names) {
		return said(names.at(xpath),
				new LocalizedText("%s không được có thuộc tính " + attribute + ".",
						"%s may not have attribute " + attribute + "."),
				new LocalizedText("Bỏ thuộc tính " + attribute + " khỏi %s.",
						"Remove attribute " + attribute + " from %s."));
	}

	/** 4: an attribute the element must have. */
	static XsdWording.Wording attributeMissing(String attribute, String xpath, ElementNames names) {
		return said(names.at(xpath),
				new LocalizedText("%s thiếu thuộc tính bắt buộc " + attribute + ".",
						"%s lacks the required attribute " + attribute + "."),
				new LocalizedText("Thêm thuộc tính " + attribute + " cho %s.", "Add attribute " + attribute + " to %s."));
	}

	/** 2.4.a: an element the form expects, but in another namespace (or in none). */
	static XsdWording.Wording wrongNamespace(ElementNames.Name element, String namespace) {
		String in = namespace.isEmpty() ? "không thuộc không gian tên nào" : "thuộc không gian tên \"" + namespace + "\"";
		String inEn = namespace.isEmpty() ? "is in no namespace" : "is in namespace \"" + namespace + "\"";
		return said(element,
				new LocalizedText("%s " + in + "; mọi phần tử của tờ khai phải thuộc không gian tên " + NAMESPACE + ".",
						"%s " + inEn + "; every element of the return must be in namespace " + NAMESPACE + "."),
				new LocalizedText("Đặt %s vào không gian tên " + NAMESPACE + " như các phần tử khác của tờ khai.",
						"Put %s in namespace " + NAMESPACE + ", as the other elements of the return are."));
	}

	/** cvc-elt.1: an element the XSD does not declare at all (a wrong root or namespace). */
	static XsdWording.Wording undeclared(String name, ElementNames names) {
		return said(new ElementNames.Name(name, null, 0),
				new LocalizedText("%s không có trong lược đồ XSD của " + names.formVi() + ": sai tên hoặc sai không gian tên.",
						"%s is not declared in the XSD of " + names.formEn() + ": its name or namespace is wrong."),
				new LocalizedText("Kiểm tra tên và không gian tên của %s: phần tử gốc là HSoThueDTu, thuộc không gian tên "
						+ NAMESPACE + ".",
						"Check the name and namespace of %s: the root element is HSoThueDTu, in namespace " + NAMESPACE
								+ "."));
	}

}

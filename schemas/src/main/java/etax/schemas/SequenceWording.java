package etax.schemas;

import java.util.List;

/**
 * The wording of an element out of its place in the form's sequence: missing, out of order, one too many, or
 * too few; a row too many in a table is said as such. The elements the validator expected are named as the
 * filer knows them ({@link ElementNames}).
 */
final class SequenceWording {

	private SequenceWording() {
	}

	/**
	 * 2.4.a: an element stands where others are expected. The expected ones include optional elements, so none of
	 * them is said to be missing: one may be, the elements may be out of order, or the one found misspelled, extra
	 * or repeated.
	 */
	static XsdWording.Wording misplaced(XercesMessage error, String xpath, ElementNames names) {
		XercesMessage.QualifiedName found = XercesMessage.names(error.arg(0)).get(0);
		List<XercesMessage.QualifiedName> expected = XercesMessage.names(error.arg(1));
		String parent = parent(xpath);
		ElementNames.Name element = names.at(xpath);
		for (XercesMessage.QualifiedName name : expected) {
			if (name.localName().equals(found.localName()) && !name.namespace().equals(found.namespace())) {
				return StructureWording.wrongNamespace(element, found.namespace());
			}
		}
		if (Layout.PLUC_XPATH.equals(parent.replaceAll("\\[[0-9]+\\]", ""))) {
			String allowed = String.join(", ", localNames(expected));
			return StructureWording.said(element,
					new LocalizedText("%s không phải là phụ lục của " + names.formVi() + "; các phụ lục được phép: "
							+ allowed + ".",
							"%s is not an appendix of " + names.formEn() + "; the appendices allowed are " + allowed
									+ "."),
					new LocalizedText("Bỏ %s khỏi tờ khai, hoặc kiểm tra lại mẫu và phiên bản tờ khai đã chọn.",
							"Remove %s from the return, or check that the right form and version were chosen."));
		}
		LocalizedText wanted = list(expected, parent, names);
		return StructureWording.said(element,
				new LocalizedText("Tại vị trí này tờ khai có %s, trong khi theo " + names.formVi() + " ở đây là "
						+ wanted.vi() + ".", "%s stands where " + names.formEn() + " expects " + wanted.en() + "."),
				new LocalizedText("Khai " + wanted.vi() + " nếu còn thiếu, sắp xếp các phần tử theo đúng thứ tự của "
						+ names.formVi() + ", hoặc bỏ %s nếu nó viết sai tên, thừa hoặc bị lặp.",
						"Add " + wanted.en() + " if it is missing, put the elements in the order of " + names.formEn()
								+ ", or remove %s if it is misspelled, extra or repeated."));
	}

	/** 2.4.b: an element ends before all it must contain. */
	static XsdWording.Wording incomplete(XercesMessage error, String xpath, ElementNames names) {
		LocalizedText wanted = list(XercesMessage.names(error.arg(1)), xpath, names);
		return StructureWording.said(names.at(xpath),
				new LocalizedText(NoticeText.capitalized(wanted.vi()) + " bị thiếu ở cuối %s.",
						NoticeText.capitalized(wanted.en()) + " is missing at the end of %s."),
				new LocalizedText("Khai " + wanted.vi() + " theo đúng thứ tự của " + names.formVi() + ".",
						"Add " + wanted.en() + " in the order of " + names.formEn() + "."));
	}

	/** 2.4.d: an element after the last one its parent may hold. */
	static XsdWording.Wording unexpected(String xpath, ElementNames names) {
		ElementNames.Name parent = names.parent(xpath);
		return StructureWording.said(names.at(xpath),
				new LocalizedText("%s không được có ở vị trí này: theo " + names.formVi() + ", " + parent.vi()
						+ " không còn phần tử nào sau đó.",
						"%s is not allowed here: in " + names.formEn() + ", nothing more comes in " + parent.en() + "."),
				new LocalizedText("Bỏ %s nếu nó không thuộc " + names.formVi() + ", hoặc đặt nó vào đúng vị trí.",
						"Remove %s if it is not part of " + names.formEn() + ", or move it to its place."));
	}

	/** 2.4.e, 2.4.f: an element repeated more often than allowed, e.g. a table with too many rows. */
	static XsdWording.Wording tooMany(String xpath, String max, ElementNames names) {
		ElementNames.Name element = names.at(xpath);
		FormSpec.Table table = names.tableOfRow(xpath);
		if (table != null) {
			String first = (element.row() > 0) ? "; dòng thừa đầu tiên là dòng " + element.row() : "";
			String firstEn = (element.row() > 0) ? "; the first row too many is row " + element.row() : "";
			return StructureWording.said(element,
					new LocalizedText("Bảng " + table.name() + " có nhiều hơn " + max + " dòng (" + table.row()
							+ "), mức tối đa mà " + names.formVi() + " cho phép" + first + ".",
							"Table " + table.name() + " has more than " + max + " rows (" + table.row() + "), the most "
									+ names.formEn() + " allows" + firstEn + "."),
					new LocalizedText("Giảm số dòng của bảng " + table.name() + " xuống tối đa " + max + ".",
							"Reduce table " + table.name() + " to at most " + max + " rows."));
		}
		return StructureWording.said(element,
				new LocalizedText("%s xuất hiện nhiều hơn " + max + " lần, mức tối đa được phép.",
						"%s occurs more than " + max + " times, the most allowed."),
				new LocalizedText("Bỏ các phần tử " + element.localName() + " thừa, chỉ giữ tối đa " + max + ".",
						"Remove the extra " + element.localName() + " elements, keeping at most " + max + "."));
	}

	/** 2.4.g, 2.4.h: too few of an element, found where another stands ({@code xpath} is that other's). */
	static XsdWording.Wording tooFewBefore(XercesMessage error, String xpath, ElementNames names) {
		return tooFewIn(error, parent(xpath), names);
	}

	/** 2.4.i, 2.4.j: too few of an element, found at the end of the element around it. */
	static XsdWording.Wording tooFewIn(XercesMessage error, String containerXpath, ElementNames names) {
		ElementNames.Name wanted = names.child(containerXpath, XercesMessage.QualifiedName.of(error.arg(1)).localName());
		String missing = error.arg(3).isEmpty() ? "1" : error.arg(3);
		return StructureWording.said(names.at(containerXpath),
				new LocalizedText(NoticeText.capitalized(wanted.vi()) + " phải có ít nhất " + error.arg(2)
						+ " lần trong %s; còn thiếu " + missing + ".",
						NoticeText.capitalized(wanted.en()) + " must occur at least " + error.arg(2) + " times in %s; "
								+ missing + ("1".equals(missing) ? " more is needed." : " more are needed.")),
				new LocalizedText("Khai thêm " + missing + " " + wanted.vi() + ".",
						"Add " + missing + " more " + wanted.en() + "."));
	}

	/** The elements the validator expected, named; more than three by their local names only. */
	private static LocalizedText list(List<XercesMessage.QualifiedName> expected, String parent, ElementNames names) {
		if (expected.size() == 1) {
			ElementNames.Name name = names.child(parent, expected.get(0).localName());
			return new LocalizedText(name.vi(), name.en());
		}
		List<String> vi;
		List<String> en;
		if (expected.size() <= 3) {
			List<ElementNames.Name> named = expected.stream().map((name) -> names.child(parent, name.localName())).toList();
			vi = named.stream().map(ElementNames.Name::vi).toList();
			en = named.stream().map(ElementNames.Name::en).toList();
		}
		else {
			vi = localNames(expected);
			en = vi;
		}
		return new LocalizedText("một trong các phần tử " + String.join("; ", vi), "one of " + String.join("; ", en));
	}

	private static List<String> localNames(List<XercesMessage.QualifiedName> expected) {
		return expected.stream().map(XercesMessage.QualifiedName::localName).toList();
	}

	/** The XPath of the element around another ({@code ""} for the root). */
	private static String parent(String xpath) {
		return xpath.substring(0, Math.max(xpath.lastIndexOf('/'), 0));
	}

}

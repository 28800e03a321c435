package etax.schemas;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a filer calls an element of a return: the printed label the form catalog gives it ({@code [40] Thuế GTGT
 * còn phải nộp trong kỳ} for {@code ct40} of 01/GTGT), the name of an appendix, the label of an envelope field,
 * else its local name; and, inside a table, the row it is in. Built from the form version's layout only for a
 * return that failed its XSD, when its findings are written: a valid return never pays for it.
 */
final class ElementNames {

	private final Map<String, LocalizedText> labels;

	private final Map<String, FormSpec.Table> rows;

	private final @Nullable String formCode;

	private ElementNames(Map<String, LocalizedText> labels, Map<String, FormSpec.Table> rows, @Nullable String formCode) {
		this.labels = labels;
		this.rows = rows;
		this.formCode = formCode;
	}

	/**
	 * The names of a form version's elements.
	 * @param form the version the return claims, or {@code null} when it is not known (envelope names only)
	 * @return the names
	 */
	static ElementNames of(@Nullable CompiledForm form) {
		Map<String, LocalizedText> labels = new HashMap<>(EnvelopeLabels.ALL);
		Map<String, FormSpec.Table> rows = new HashMap<>();
		if (form == null) {
			return new ElementNames(labels, rows, null);
		}
		for (Layout.FieldSlot slot : form.layout.fields()) {
			if (slot.field().label() != null) {
				labels.put(slot.xpath(), slot.field().label());
			}
		}
		for (Layout.TableSlot slot : form.layout.tables()) {
			String row = slot.xpath() + "/" + slot.table().row();
			rows.put(row, slot.table());
			for (FormSpec.Field column : slot.table().columns()) {
				if (column.label() != null) {
					labels.put(row + "/" + column.name(), column.label());
				}
			}
		}
		for (Layout.AppendixSlot slot : form.layout.appendices()) {
			LocalizedText name = slot.appendix().name();
			if (name != null) {
				String code = (slot.appendix().form() != null) ? slot.appendix().form() + " " : "";
				labels.put(slot.xpath(), new LocalizedText("Phụ lục " + code + "\"" + name.vi() + "\"",
						"Appendix " + code + "\"" + name.en() + "\""));
			}
		}
		return new ElementNames(labels, rows, form.version.formCode());
	}

	/**
	 * The element a finding is about.
	 * @param xpath the finding's XPath, positional predicates included
	 * @return its name
	 */
	Name at(String xpath) {
		StringBuilder path = new StringBuilder(xpath.length());
		int row = 0;
		String localName = "";
		for (String step : xpath.split("/")) {
			if (step.isEmpty()) {
				continue;
			}
			int predicate = step.indexOf('[');
			localName = (predicate < 0) ? step : step.substring(0, predicate);
			path.append('/').append(localName);
			if (predicate > 0 && this.rows.containsKey(path.toString())) {
				row = position(step.substring(predicate + 1, step.length() - 1));
			}
		}
		return new Name(localName, this.labels.get(path.toString()), row);
	}

	/**
	 * An element the validator expected inside another, e.g. the indicator missing where another one stands.
	 * @param xpath the XPath of the element it belongs in
	 * @param localName its name
	 * @return its name, as {@link #at(String)} gives it
	 */
	Name child(String xpath, String localName) {
		return at(xpath + "/" + localName);
	}

	/**
	 * The element around another.
	 * @param xpath the XPath of the inner element
	 * @return the outer element's name
	 */
	Name parent(String xpath) {
		int slash = xpath.lastIndexOf('/');
		return at((slash > 0) ? xpath.substring(0, slash) : xpath);
	}

	/**
	 * The table whose rows an element is, if it is one.
	 * @param xpath the element's XPath, positional predicates included
	 * @return the table, or {@code null}
	 */
	FormSpec.@Nullable Table tableOfRow(String xpath) {
		return this.rows.get(xpath.replaceAll("\\[[0-9]+\\]", ""));
	}

	/** The form, as a message names it: {@code mẫu 01/GTGT}. */
	String formVi() {
		return (this.formCode != null) ? "mẫu " + this.formCode : "mẫu tờ khai";
	}

	/** The form, as a message names it: {@code form 01/GTGT}. */
	String formEn() {
		return (this.formCode != null) ? "form " + this.formCode : "the form";
	}

	private static int position(String number) {
		try {
			return Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * What a message calls an element: its label with its local name in brackets, else the local name alone;
	 * an indicator's label (printed number first) is called {@code chỉ tiêu} in Vietnamese.
	 * @param localName the element's local name
	 * @param label the catalog's label, or {@code null}
	 * @param row the row of a table it is in (1 for the first), 0 when it is in none or in the only one
	 */
	record Name(String localName, @Nullable LocalizedText label, int row) {

		/** As a Vietnamese sentence names it inside: {@code chỉ tiêu [40] Thuế GTGT còn phải nộp trong kỳ (ct40)}. */
		String vi() {
			String name;
			if (this.label == null) {
				name = "phần tử " + this.localName;
			}
			else {
				name = (indicator(this.label.vi()) ? "chỉ tiêu " : "") + inside(this.label.vi()) + " (" + this.localName
						+ ")";
			}
			return (this.row > 0) ? name + " ở dòng " + this.row : name;
		}

		/** As an English sentence names it inside: {@code [40] VAT still payable (ct40)}. */
		String en() {
			String name = (this.label != null) ? inside(this.label.en()) + " (" + this.localName + ")"
					: "element " + this.localName;
			return (this.row > 0) ? name + " in row " + this.row : name;
		}

		/** As a Vietnamese sentence starts with it. */
		String viStart() {
			return NoticeText.capitalized(vi());
		}

		/** As an English sentence starts with it. */
		String enStart() {
			return NoticeText.capitalized(en());
		}

		private static boolean indicator(String label) {
			return label.length() > 1 && (label.charAt(0) == '[' || label.charAt(0) == '(')
					&& Character.isDigit(label.charAt(1));
		}

		/** A label inside a sentence: {@code Mã số thuế} as {@code mã số thuế}, but {@code MST or personal ID} as is. */
		private static String inside(String label) {
			return (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1)))
					? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
		}

	}

}

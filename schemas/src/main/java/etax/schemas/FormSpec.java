package etax.schemas;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One form version exactly as its {@code form.yaml} describes it: metadata, body layout, appendices and
 * rules, with formulas still as text. {@link CompiledForm} turns it into something that can validate and
 * generate; {@link FormXsdWriter} turns it into the form's XSD. See {@code schemas/FORMS.md}.
 *
 * @param form printed form code, e.g. {@code 01/GTGT}
 * @param maTKhai numeric form id in the XML
 * @param version {@code pbanTKhaiXML}
 * @param name the form's title
 * @param circular the circular that issued the template, e.g. {@code 80/2021/TT-BTC}
 * @param taxType tax type code, e.g. {@code GTGT}
 * @param filingTypes allowed {@code loaiTKhai}
 * @param periods allowed {@code kieuKy} mapped to the code of its deadline rule, in spec order
 * @param finalization whether the form is a finalization (kind F of forms-catalog.csv)
 * @param effectiveFrom first day of the first tax period this version covers
 * @param effectiveTo last day of the last tax period it covers, or {@code null} while in force
 * @param constructed whether the structure was built from the form's name and family conventions
 * @param assumptions what was chosen where the sources are thin
 * @param payable indicators that create payable items, mapped to their budget sub-item (NDKT)
 * @param forgiven payable indicators mapped to the indicator of the part of them the law forgives (a balance of
 * 50,000 VND or less after a PIT finalization): the item is the difference
 * @param annualTax indicators whose sum is the year's tax of a budget sub-item, mapped to it (a finalization's)
 * @param appendices the appendices ({@code PLuc} children) the version allows, in document order
 * @param body the content of {@code CTieuTKhaiChinh}, in document order
 * @param rules the rules on the body, in evaluation order
 */
record FormSpec(String form, String maTKhai, String version, LocalizedText name, String circular, String taxType,
		List<String> filingTypes, Map<String, String> periods, boolean finalization, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
		boolean constructed, List<String> assumptions, Map<String, String> payable, Map<String, String> forgiven,
		Map<String, String> annualTax, List<Appendix> appendices, List<Node> body, List<Rule> rules) {

	FormSpec {
		Objects.requireNonNull(form, "form");
		filingTypes = List.copyOf(filingTypes);
		periods = Collections.unmodifiableMap(new LinkedHashMap<>(periods));
		assumptions = List.copyOf(assumptions);
		payable = Collections.unmodifiableMap(new LinkedHashMap<>(payable));
		forgiven = Collections.unmodifiableMap(new LinkedHashMap<>(forgiven));
		annualTax = Collections.unmodifiableMap(new LinkedHashMap<>(annualTax));
		appendices = List.copyOf(appendices);
		body = List.copyOf(body);
		rules = List.copyOf(rules);
	}

	/** {@code maTKhai/version}, the key of the version in the index and in messages. */
	String key() {
		return this.maTKhai + "/" + this.version;
	}

	/** An element of a body: a leaf, a grouping element, or a table of repeated rows. */
	sealed interface Node permits Field, Group, Table {

		String name();

	}

	/**
	 * A leaf element (an indicator).
	 * @param name element name, e.g. {@code ct27}
	 * @param type value type
	 * @param optional whether the element may be absent (and, for text-like types, empty)
	 * @param pattern XSD pattern of a code, or {@code null}
	 * @param values the allowed values of a code, or empty
	 * @param sample a fixed value the generator uses, or {@code null}
	 * @param derive formula the value must equal; the generator computes it
	 * @param generate formula the generator uses for an input value (caps, fractions)
	 * @param label printed label, or {@code null}
	 */
	record Field(String name, FieldType type, boolean optional, @Nullable String pattern, List<String> values,
			@Nullable String sample, @Nullable String derive, @Nullable String generate,
			@Nullable LocalizedText label) implements Node {

		Field {
			values = List.copyOf(values);
		}

	}

	/**
	 * A grouping element around other elements.
	 * @param name element name
	 * @param optional whether the whole group may be absent
	 * @param items its content, in order
	 */
	record Group(String name, boolean optional, List<Node> items) implements Node {

		Group {
			items = List.copyOf(items);
		}

	}

	/**
	 * A table: a wrapper element around repeated row elements of the same columns.
	 * @param name wrapper element name, also the table's name in formulas
	 * @param optional whether the wrapper element may be absent (then the table has no rows)
	 * @param row row element name
	 * @param min fewest rows
	 * @param max most rows
	 * @param columns the leaves of a row, in order
	 */
	record Table(String name, boolean optional, String row, int min, int max, List<Field> columns) implements Node {

		Table {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * An appendix: a child of {@code PLuc} named by its id.
	 * @param id element name, e.g. {@code PL01_KHBS}
	 * @param form the appendix's form code when it is a shared appendix (e.g. {@code 01/KHBS}), or {@code null}
	 * @param name title, or {@code null}
	 * @param body its typed content, or {@code null} when the content is lax (not checked)
	 * @param rules rules on its content, evaluated when it is present
	 * @param when formula telling the generator when to include it, or {@code null} (never)
	 */
	record Appendix(String id, @Nullable String form, @Nullable LocalizedText name, @Nullable List<Node> body,
			List<Rule> rules, @Nullable String when) {

		Appendix {
			body = (body != null) ? List.copyOf(body) : null;
			rules = List.copyOf(rules);
		}

		boolean typed() {
			return this.body != null;
		}

	}

	/**
	 * A rule, as written.
	 * @param id stable id, e.g. {@code GTGT842-R001}
	 * @param category finding category
	 * @param severity finding severity
	 * @param subject the name whose XPath, position and value a finding reports
	 * @param assertion formula that must hold
	 * @param forEach table whose rows the rule is evaluated on, or {@code null}
	 * @param message what is wrong
	 * @param remedy how to fix it
	 * @param source where the rule comes from, e.g. {@code VN-ETAX.md §1.8}, or {@code constructed}
	 * @param breakVector how the generator breaks exactly this rule: name to formula
	 */
	record Rule(String id, Category category, Severity severity, String subject, String assertion,
			@Nullable String forEach, LocalizedText message, LocalizedText remedy, String source,
			Map<String, String> breakVector) {

		Rule {
			breakVector = Collections.unmodifiableMap(new LinkedHashMap<>(breakVector));
		}

	}

}

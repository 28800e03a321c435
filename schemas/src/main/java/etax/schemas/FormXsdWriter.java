package etax.schemas;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes the XSD of a form version from its spec, in the shape of the official form XSDs: the body
 * redefines the envelope's empty {@code CTieuTKhaiChinhType} by extension, and {@code PLucType} is narrowed
 * by restriction to the version's appendices, in any order (filing software does not agree on one), each
 * typed from its spec or lax.
 *
 * <p>The output is committed under {@code src/main/resources/etax/schemas/xsd/} (the loader reads files, and
 * filers download them); {@code FormXsdTests} fails when a committed XSD differs from what this writer
 * makes of its spec, and rewrites them with {@code -Detax.xsd.write=true} (see {@code schemas/FORMS.md}).
 */
final class FormXsdWriter {

	private final StringBuilder out = new StringBuilder(8192);

	private FormXsdWriter() {
	}

	static String write(FormSpec spec) {
		return new FormXsdWriter().schema(spec);
	}

	private String schema(FormSpec spec) {
		line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		line(0, "<!--");
		line(0, "  GENERATED from forms/" + spec.key() + "/form.yaml by FormXsdWriter: do not edit. Regenerate with");
		line(0, "  ./mvnw -pl schemas test -Dtest=FormXsdTests -Detax.xsd.write=true (schemas/FORMS.md).");
		line(0, "");
		line(0, "  Form " + comment(spec.form()) + " (" + comment(spec.name().en()) + "), maTKhai " + spec.maTKhai()
				+ ", pbanTKhaiXML " + spec.version() + ", Circular " + comment(spec.circular()) + ".");
		line(0, "  " + comment(spec.name().vi()));
		if (spec.constructed()) {
			line(0, "  Constructed from the form's name and its family's conventions, not from a published layout.");
		}
		line(0, "-->");
		line(0, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"");
		line(0, "           xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"");
		line(0, "           targetNamespace=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"");
		line(0, "           elementFormDefault=\"qualified\"");
		line(0, "           attributeFormDefault=\"unqualified\"");
		line(0, "           version=\"" + attribute(spec.version()) + "\">");
		line(0, "");
		line(1, "<xs:redefine schemaLocation=\"../../envelope/TKhaiThue.xsd\">");
		line(2, "<xs:complexType name=\"CTieuTKhaiChinhType\">");
		line(3, "<xs:complexContent>");
		line(4, "<xs:extension base=\"CTieuTKhaiChinhType\">");
		sequence(spec.body(), 5);
		line(4, "</xs:extension>");
		line(3, "</xs:complexContent>");
		line(2, "</xs:complexType>");
		line(2, "<xs:complexType name=\"PLucType\">");
		line(3, "<xs:complexContent>");
		line(4, "<xs:restriction base=\"PLucType\">");
		if (spec.appendices().isEmpty()) {
			line(5, "<xs:sequence/>");
		}
		else {
			line(5, "<xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">");
			for (FormSpec.Appendix appendix : spec.appendices()) {
				String type = appendix.typed() ? appendix.id() + "Type" : "LaxAppendixType";
				line(6, "<xs:element name=\"" + attribute(appendix.id()) + "\" type=\"" + attribute(type) + "\"/>");
			}
			line(5, "</xs:choice>");
		}
		line(4, "</xs:restriction>");
		line(3, "</xs:complexContent>");
		line(2, "</xs:complexType>");
		line(1, "</xs:redefine>");
		for (FormSpec.Appendix appendix : spec.appendices()) {
			if (appendix.typed()) {
				line(0, "");
				String title = (appendix.form() != null) ? appendix.form() + " " : "";
				if (appendix.name() != null) {
					title += "(" + appendix.name().en() + ")";
				}
				line(1, "<!-- Appendix " + comment(appendix.id()) + ": " + comment(title.strip()) + " -->");
				line(1, "<xs:complexType name=\"" + attribute(appendix.id()) + "Type\">");
				sequence(appendix.body(), 2);
				line(1, "</xs:complexType>");
			}
		}
		line(0, "</xs:schema>");
		return this.out.toString();
	}

	private void sequence(@Nullable List<FormSpec.Node> nodes, int depth) {
		if (nodes == null || nodes.isEmpty()) {
			line(depth, "<xs:sequence/>");
			return;
		}
		line(depth, "<xs:sequence>");
		for (FormSpec.Node node : nodes) {
			node(node, depth + 1);
		}
		line(depth, "</xs:sequence>");
	}

	private void node(FormSpec.Node node, int depth) {
		if (node instanceof FormSpec.Field field) {
			field(field, depth);
		}
		else if (node instanceof FormSpec.Group group) {
			line(depth, "<xs:element name=\"" + attribute(group.name()) + "\"" + (group.optional() ? " minOccurs=\"0\"" : "")
					+ ">");
			line(depth + 1, "<xs:complexType>");
			sequence(group.items(), depth + 2);
			line(depth + 1, "</xs:complexType>");
			line(depth, "</xs:element>");
		}
		else {
			FormSpec.Table table = (FormSpec.Table) node;
			line(depth, "<xs:element name=\"" + attribute(table.name()) + "\"" + (table.optional() ? " minOccurs=\"0\"" : "")
					+ ">");
			line(depth + 1, "<xs:complexType>");
			line(depth + 2, "<xs:sequence>");
			line(depth + 3, "<xs:element name=\"" + attribute(table.row()) + "\" minOccurs=\"" + table.min()
					+ "\" maxOccurs=\"" + table.max() + "\">");
			line(depth + 4, "<xs:complexType>");
			line(depth + 5, "<xs:sequence>");
			for (FormSpec.Field column : table.columns()) {
				field(column, depth + 6);
			}
			line(depth + 5, "</xs:sequence>");
			line(depth + 5, "<xs:attribute name=\"id\" type=\"xs:string\"/>");
			line(depth + 5, "<xs:attribute name=\"ID\" type=\"xs:string\"/>");
			line(depth + 4, "</xs:complexType>");
			line(depth + 3, "</xs:element>");
			line(depth + 2, "</xs:sequence>");
			line(depth + 1, "</xs:complexType>");
			line(depth, "</xs:element>");
		}
	}

	private void field(FormSpec.Field field, int depth) {
		String occurs = field.optional() ? " minOccurs=\"0\"" : "";
		String base = (field.optional() && field.type() == FieldType.DATE) ? "DateOrEmptyType" : field.type().xsdType();
		boolean restricted = field.pattern() != null || !field.values().isEmpty();
		if (!restricted && field.label() == null) {
			line(depth, "<xs:element name=\"" + attribute(field.name()) + "\" type=\"" + base + "\"" + occurs + "/>");
			return;
		}
		line(depth, "<xs:element name=\"" + attribute(field.name()) + "\"" + (restricted ? "" : " type=\"" + base + "\"")
				+ occurs + ">");
		if (field.label() != null) {
			line(depth + 1, "<xs:annotation>");
			line(depth + 2, "<xs:documentation xml:lang=\"vi\">" + text(field.label().vi()) + "</xs:documentation>");
			line(depth + 2, "<xs:documentation xml:lang=\"en\">" + text(field.label().en()) + "</xs:documentation>");
			line(depth + 1, "</xs:annotation>");
		}
		if (restricted) {
			line(depth + 1, "<xs:simpleType>");
			line(depth + 2, "<xs:restriction base=\"" + base + "\">");
			if (field.pattern() != null) {
				line(depth + 3, "<xs:pattern value=\"" + attribute(field.pattern()) + "\"/>");
			}
			for (String value : field.values()) {
				line(depth + 3, "<xs:enumeration value=\"" + attribute(value) + "\"/>");
			}
			line(depth + 2, "</xs:restriction>");
			line(depth + 1, "</xs:simpleType>");
		}
		line(depth, "</xs:element>");
	}

	private void line(int depth, String text) {
		if (!text.isEmpty()) {
			this.out.append("  ".repeat(depth)).append(text);
		}
		this.out.append('\n');
	}

	static String attribute(String value) {
		return text(value).replace("\"", "&quot;");
	}

	static String text(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String comment(String value) {
		return value.replace("--", "- -");
	}

}

package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code form.yaml} files (and the shared appendix specs they refer to) into {@link FormSpec}s. Only
 * the shape is checked here; names and formulas are checked when the spec is compiled.
 */
final class FormSpecReader {

	static final String FORMS_ROOT = "etax/schemas/forms/";

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final Set<String> FORM_KEYS = Set.of("form", "maTKhai", "version", "name", "circular", "taxType",
			"filingTypes", "periods", "finalization", "effective", "constructed", "assumptions", "payable", "forgiven", "annualTax", "appendices",
			"body", "rules");

	private static final Set<String> FIELD_KEYS = Set.of("name", "type", "optional", "pattern", "values", "sample",
			"derive", "generate", "label");

	private static final Set<String> RULE_KEYS = Set.of("id", "category", "severity", "subject", "assert", "forEach",
			"message", "remedy", "source", "break");

	private static final Set<String> APPENDIX_KEYS = Set.of("id", "form", "name", "body", "rules", "when");

	private static final Set<String> SHARED_APPENDIX_KEYS = Set.of("appendix", "name", "body", "rules");

	private static final Set<String> FILING_TYPES = Set.of("C", "B", "T");

	private static final Set<String> PERIOD_KINDS = Set.of("M", "Q", "Y", "D", "K", "N");

	private final Function<String, @Nullable InputStream> resources;

	/**
	 * @param resources opens a path below {@value #FORMS_ROOT}, or returns {@code null} if there is none
	 */
	FormSpecReader(Function<String, @Nullable InputStream> resources) {
		this.resources = resources;
	}

	static FormSpecReader classpath() {
		return new FormSpecReader((path) -> FormSpecReader.class.getClassLoader().getResourceAsStream(FORMS_ROOT + path));
	}

	/**
	 * Reads {@code <key>/form.yaml}.
	 * @param key {@code maTKhai/version}, as listed in the index
	 */
	FormSpec read(String key) {
		String path = key + "/form.yaml";
		SpecNode root = new SpecNode(parse(path), "forms/" + path);
		FormSpec spec = form(root);
		if (!spec.key().equals(key)) {
			throw root.error("maTKhai/version " + spec.key() + " does not match its directory " + key);
		}
		return spec;
	}

	private FormSpec form(SpecNode root) {
		root.allowOnly(FORM_KEYS);
		List<String> filingTypes = root.texts("filingTypes");
		for (String filingType : filingTypes) {
			if (!FILING_TYPES.contains(filingType)) {
				throw root.get("filingTypes").error("filing type " + filingType + " is not one of C, B, T");
			}
		}
		if (filingTypes.isEmpty()) {
			throw root.error("filingTypes must list at least one of C, B, T");
		}
		var periods = root.pairs("periods");
		for (String kind : periods.keySet()) {
			if (!PERIOD_KINDS.contains(kind)) {
				throw root.get("periods").error("period kind " + kind + " is not a kieuKy (M, Q, Y, D, K, N); "
						+ "a finalization (F) is filed as Y, or K/N for a non-calendar year");
			}
		}
		if (periods.isEmpty()) {
			throw root.error("periods must map at least one kieuKy to its deadline rule");
		}
		SpecNode effective = root.get("effective");
		effective.allowOnly(Set.of("from", "to"));
		String maTKhai = root.text("maTKhai");
		if (!maTKhai.matches("[0-9]{1,5}")) {
			throw root.get("maTKhai").error("maTKhai must be 1 to 5 digits");
		}
		return new FormSpec(root.text("form"), maTKhai, root.text("version"), root.localized("name"),
				root.text("circular"), root.text("taxType"), filingTypes, periods, root.flag("finalization", false),
				date(effective, "from"),
				effective.has("to") ? date(effective, "to") : null, root.flag("constructed", false),
				root.texts("assumptions"), root.pairs("payable"), root.pairs("forgiven"), root.pairs("annualTax"),
				appendices(root),
				nodes(root, "body"), rules(root));
	}

	private List<FormSpec.Appendix> appendices(SpecNode root) {
		List<FormSpec.Appendix> appendices = new ArrayList<>();
		for (SpecNode item : root.list("appendices")) {
			item.allowOnly(APPENDIX_KEYS);
			String id = item.text("id");
			String form = item.optionalText("form");
			String when = item.optionalText("when");
			if (form != null) {
				if (item.has("body") || item.has("rules")) {
					throw item.error("a shared appendix (form: " + form + ") takes its body and rules from "
							+ sharedPath(form) + "; do not repeat them here");
				}
				appendices.add(shared(id, form, when));
			}
			else {
				appendices.add(new FormSpec.Appendix(id, null, item.optionalLocalized("name"),
						item.has("body") ? nodes(item, "body") : null, rules(item), when));
			}
		}
		return appendices;
	}

	private FormSpec.Appendix shared(String id, String form, @Nullable String when) {
		String path = sharedPath(form);
		SpecNode root = new SpecNode(parse(path), "forms/" + path);
		root.allowOnly(SHARED_APPENDIX_KEYS);
		if (!root.text("appendix").equals(form)) {
			throw root.error("declares appendix " + root.text("appendix") + ", expected " + form);
		}
		return new FormSpec.Appendix(id, form, root.optionalLocalized("name"), nodes(root, "body"), rules(root), when);
	}

	/** Where a shared appendix spec lives: {@code appendices/01-1_KHBS.yaml} for {@code 01-1/KHBS}. */
	static String sharedPath(String form) {
		return "appendices/" + fileName(form) + ".yaml";
	}

	/** A form code as a file name: ASCII, {@code /} as {@code _}, e.g. {@code 01_TTDB} for {@code 01/TTĐB}. */
	static String fileName(String form) {
		String ascii = java.text.Normalizer.normalize(form.replace('Đ', 'D').replace('đ', 'd'),
				java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.replace('/', '_').replaceAll("[^A-Za-z0-9_.-]", "");
	}

	private List<FormSpec.Node> nodes(SpecNode parent, String key) {
		List<FormSpec.Node> nodes = new ArrayList<>();
		for (SpecNode item : parent.list(key)) {
			nodes.add(node(item));
		}
		return nodes;
	}

	private FormSpec.Node node(SpecNode item) {
		if (item.has("group")) {
			item.allowOnly(Set.of("group", "optional", "items"));
			return new FormSpec.Group(item.text("group"), item.flag("optional", false), nodes(item, "items"));
		}
		if (item.has("table")) {
			item.allowOnly(Set.of("table"));
			SpecNode table = item.get("table");
			table.allowOnly(Set.of("name", "optional", "row", "min", "max", "columns"));
			List<FormSpec.Field> columns = new ArrayList<>();
			for (SpecNode column : table.list("columns")) {
				columns.add(field(column));
			}
			int min = table.integer("min", 0);
			int max = table.integer("max", 100);
			if (min < 0 || max < 1 || min > max) {
				throw table.error("need 0 <= min <= max and max >= 1");
			}
			return new FormSpec.Table(table.text("name"), table.flag("optional", false), table.text("row"), min, max, columns);
		}
		return field(item);
	}

	private FormSpec.Field field(SpecNode item) {
		item.allowOnly(FIELD_KEYS);
		FieldType type;
		try {
			type = FieldType.of(item.text("type"));
		}
		catch (IllegalArgumentException ex) {
			throw item.get("type").error(ex.getMessage());
		}
		return new FormSpec.Field(item.text("name"), type, item.flag("optional", false), item.optionalText("pattern"),
				item.texts("values"), item.optionalText("sample"), item.optionalText("derive"),
				item.optionalText("generate"), item.optionalLocalized("label"));
	}

	private List<FormSpec.Rule> rules(SpecNode parent) {
		List<FormSpec.Rule> rules = new ArrayList<>();
		for (SpecNode item : parent.list("rules")) {
			item.allowOnly(RULE_KEYS);
			rules.add(new FormSpec.Rule(item.text("id"), constant(item, "category", Category.class),
					constant(item, "severity", Severity.class), item.text("subject"), item.text("assert"),
					item.optionalText("forEach"), item.localized("message"), item.localized("remedy"),
					item.text("source"), item.pairs("break")));
		}
		return rules;
	}

	private static <E extends Enum<E>> E constant(SpecNode item, String key, Class<E> type) {
		String value = item.text(key);
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw item.get(key).error("unknown " + key + " '" + value + "'; one of "
					+ java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	private static LocalDate date(SpecNode node, String key) {
		try {
			return LocalDate.parse(node.text(key));
		}
		catch (DateTimeParseException ex) {
			throw node.get(key).error("expected a date as yyyy-MM-dd");
		}
	}

	private JsonNode parse(String path) {
		try (InputStream in = this.resources.apply(path)) {
			if (in == null) {
				throw new IllegalStateException("Form spec not found: forms/" + path);
			}
			return YAML.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read forms/" + path, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("forms/" + path + ": not valid YAML: " + ex.getOriginalMessage(), ex);
		}
	}

}

package etax.schemas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A form version ready to validate and generate: its {@link FormSpec} with every formula bound, every name
 * checked and the generation order fixed. Building one fails fast, naming the form version and the rule
 * or indicator at fault. Immutable and shared.
 */
final class CompiledForm {

	/** The 15 tax type codes of the catalog (forms-catalog.csv, tax_type_code). */
	static final Set<String> TAX_TYPES = Set.of("GTGT", "TTDB", "TNDN", "TNCN", "TAIN", "BVMT", "PHI_LE_PHI", "LPMB",
			"NTNN", "TCNN", "SDDPNN", "SDDNN", "TMDN", "DAU_KHI", "LNCL");

	private static final String CHAIN_ACTIVITY = "ma_NganhNghe";

	private static final String CHAIN_HEADER = "Header";

	private static final List<String> CHAIN_UNIT = List.of("ct09", "ct10");

	/** 02/GTGT's project group: [09] names the investment project, [10] is its location (not an MST). */
	private static final String CHAIN_PROJECT = "ThongTinDuAn";

	private static final String CHAIN_PROJECT_NAME = "ct09";

	final FormSpec spec;

	final Layout layout;

	final FormVersion version;

	final String xsdPath;

	final List<CompiledRule> rules;

	final @Nullable Expr[] derive;

	final @Nullable Expr[] generate;

	final @Nullable Expr[][] columnDerive;

	final @Nullable Expr[][] columnGenerate;

	final @Nullable Expr[] when;

	final GenerationPlan plan;

	CompiledForm(FormSpec spec) {
		this.spec = spec;
		this.layout = new Layout(spec);
		if (!TAX_TYPES.contains(spec.taxType())) {
			throw error("taxType " + spec.taxType() + " is not one of " + new java.util.TreeSet<>(TAX_TYPES));
		}
		this.version = new FormVersion(spec.form(), spec.maTKhai(), spec.version(), new LinkedHashSet<>(spec.filingTypes()),
				spec.taxType(), new LinkedHashSet<>(spec.periods().keySet()), spec.finalization(), spec.effectiveFrom(),
				spec.effectiveTo(), spec.payable(), spec.annualTax(), spec.forgiven());
		this.xsdPath = spec.maTKhai() + "/" + spec.version() + "/" + FormSpecReader.fileName(spec.form()) + ".xsd";
		checkSubItems("payable", spec.payable());
		checkSubItems("annualTax", spec.annualTax());
		checkForgiven(spec);
		int fields = this.layout.fields().size();
		this.derive = new Expr[fields];
		this.generate = new Expr[fields];
		for (Layout.FieldSlot slot : this.layout.fields()) {
			this.derive[slot.index()] = fieldFormula(slot.field(), slot.field().derive(), slot.appendix(), -1, false,
					slot.qualifiedName());
			this.generate[slot.index()] = fieldFormula(slot.field(), slot.field().generate(), slot.appendix(), -1, true,
					slot.qualifiedName());
			checkGeneratable(slot.field(), slot.qualifiedName());
		}
		int tables = this.layout.tables().size();
		this.columnDerive = new Expr[tables][];
		this.columnGenerate = new Expr[tables][];
		for (Layout.TableSlot table : this.layout.tables()) {
			List<FormSpec.Field> columns = table.table().columns();
			this.columnDerive[table.index()] = new Expr[columns.size()];
			this.columnGenerate[table.index()] = new Expr[columns.size()];
			for (int i = 0; i < columns.size(); i++) {
				FormSpec.Field column = columns.get(i);
				String name = table.qualifiedName() + "." + column.name();
				this.columnDerive[table.index()][i] = fieldFormula(column, column.derive(), table.appendix(),
						table.index(), false, name);
				this.columnGenerate[table.index()][i] = fieldFormula(column, column.generate(), table.appendix(),
						table.index(), true, name);
				checkGeneratable(column, name);
			}
		}
		this.when = new Expr[this.layout.appendices().size()];
		for (Layout.AppendixSlot appendix : this.layout.appendices()) {
			String when = appendix.appendix().when();
			if (when != null) {
				this.when[appendix.index()] = bind(new Binder(this.layout, -1, -1, true), when, FieldType.Kind.BOOLEAN,
						"appendix " + appendix.appendix().id() + " when");
			}
		}
		this.rules = List.copyOf(new RuleCompiler(this).compile());
		this.plan = new GenerationPlan(this);
	}

	/** The formula that gives a field its generated value: {@code derive}, else {@code generate}. */
	@Nullable Expr formula(int slot) {
		return (this.derive[slot] != null) ? this.derive[slot] : this.generate[slot];
	}

	@Nullable Expr columnFormula(int table, int column) {
		Expr derive = this.columnDerive[table][column];
		return (derive != null) ? derive : this.columnGenerate[table][column];
	}

	FormDetails details() {
		List<FormDetails.Appendix> appendices = new ArrayList<>();
		for (FormSpec.Appendix appendix : this.spec.appendices()) {
			appendices.add(new FormDetails.Appendix(appendix.id(), appendix.form(), appendix.name(), appendix.typed()));
		}
		return new FormDetails(this.version, this.spec.name(), this.spec.circular(), this.spec.periods(),
				this.spec.constructed(), this.spec.assumptions(), appendices, this.rules.size());
	}

	/**
	 * The body fields that tell one obligation's returns from another's for the same taxpayer, form and period
	 * (VN-ETAX.md §3.6 R-DUP-1): the activity code {@code ma_NganhNghe} at the top of the body, and the
	 * dependent unit or business location [09] and its MST [10] in the body's {@code Header} group, those of
	 * them this version has, and the investment project [09] of a return filed per project (02/GTGT: each project
	 * its own return every period, §1.8). Elsewhere a field named {@code ct09} or {@code ct10} is an ordinary
	 * indicator.
	 */
	List<String> chainFields() {
		List<String> fields = new ArrayList<>();
		for (FormSpec.Node node : this.spec.body()) {
			if (node instanceof FormSpec.Field field && CHAIN_ACTIVITY.equals(field.name())) {
				fields.add(field.name());
			}
			else if (node instanceof FormSpec.Group group && CHAIN_HEADER.equals(group.name())) {
				for (FormSpec.Node item : group.items()) {
					if (item instanceof FormSpec.Field field && CHAIN_UNIT.contains(field.name())) {
						fields.add(field.name());
					}
				}
			}
			else if (node instanceof FormSpec.Group group && CHAIN_PROJECT.equals(group.name())) {
				group.items().stream()
					.filter((item) -> item instanceof FormSpec.Field field && CHAIN_PROJECT_NAME.equals(field.name()))
					.findFirst()
					.ifPresent((item) -> fields.add(CHAIN_PROJECT_NAME));
			}
		}
		return List.copyOf(fields);
	}

	List<FormRule> publishedRules() {
		return this.rules.stream().map(CompiledRule::published).toList();
	}

	@Nullable CompiledRule rule(String id) {
		for (CompiledRule rule : this.rules) {
			if (rule.spec().id().equals(id)) {
				return rule;
			}
		}
		return null;
	}

	Expr bind(Binder binder, String formula, FieldType.Kind kind, String where) {
		try {
			return binder.bind(formula, kind);
		}
		catch (IllegalArgumentException ex) {
			throw error(where + ": " + ex.getMessage());
		}
	}

	IllegalStateException error(String message) {
		return new IllegalStateException("form " + this.spec.form() + " (" + this.spec.key() + "): " + message);
	}

	private @Nullable Expr fieldFormula(FormSpec.Field field, @Nullable String formula, int scope, int table,
			boolean generator, String name) {
		if (formula == null) {
			return null;
		}
		if (field.derive() != null && field.generate() != null) {
			throw error(name + ": derive and generate exclude each other (derive is the value; generate a hint)");
		}
		return bind(new Binder(this.layout, scope, table, generator), formula, field.type().kind(),
				name + (generator ? " generate" : " derive"));
	}

	private void checkGeneratable(FormSpec.Field field, String name) {
		if (field.pattern() != null && field.sample() == null && field.values().isEmpty() && field.derive() == null
				&& field.generate() == null) {
			throw error(name + ": a code with a pattern needs a sample, values, derive or generate for the generator");
		}
	}

	/** Each forgiven part is of a payable indicator, and a number of the body. */
	private void checkForgiven(FormSpec spec) {
		for (Map.Entry<String, String> entry : spec.forgiven().entrySet()) {
			if (!spec.payable().containsKey(entry.getKey())) {
				throw error("forgiven indicator " + entry.getKey() + " is not payable");
			}
			Layout.FieldSlot slot = this.layout.field(-1, entry.getValue());
			if (slot == null || slot.field().type().kind() != FieldType.Kind.NUMBER) {
				throw error("forgiven part " + entry.getValue() + " of " + entry.getKey() + " is not a number in the body");
			}
		}
	}

	/**
	 * Checks a map of indicators to budget sub-items ({@code payable}, {@code annualTax}): each indicator is a
	 * number of the body and each sub-item (NDKT) is 4 digits.
	 */
	private void checkSubItems(String key, Map<String, String> subItems) {
		for (Map.Entry<String, String> entry : subItems.entrySet()) {
			Layout.FieldSlot slot = this.layout.field(-1, entry.getKey());
			if (slot == null || slot.field().type().kind() != FieldType.Kind.NUMBER) {
				throw error(key + " indicator " + entry.getKey() + " is not a number in the body");
			}
			if (!entry.getValue().matches("[0-9]{4}")) {
				throw error(key + " indicator " + entry.getKey() + ": sub-item " + entry.getValue() + " is not 4 digits");
			}
		}
	}

}

package etax.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the rules of a form version, body rules first and then each appendix's, and checks what the
 * formulas cannot: unique ids, a subject that exists, an assert about one indicator (not a top-level
 * {@code &&} of checks on several, see {@link Conjuncts}), a {@code forEach} table in scope, a break vector
 * whose keys can be set.
 */
final class RuleCompiler {

	private final CompiledForm form;

	private final Set<String> ids = new HashSet<>();

	RuleCompiler(CompiledForm form) {
		this.form = form;
	}

	List<CompiledRule> compile() {
		List<CompiledRule> rules = new ArrayList<>();
		for (FormSpec.Rule rule : this.form.spec.rules()) {
			rules.add(compile(rule, -1, null));
		}
		for (Layout.AppendixSlot appendix : this.form.layout.appendices()) {
			if (!appendix.appendix().typed() && !appendix.appendix().rules().isEmpty()) {
				throw this.form.error("appendix " + appendix.appendix().id() + " has rules but no body");
			}
			for (FormSpec.Rule rule : appendix.appendix().rules()) {
				rules.add(compile(rule, appendix.index(), appendix.appendix().id()));
			}
		}
		if (rules.size() < 3) {
			throw this.form.error("has " + rules.size() + " rules; every form needs at least three meaningful rules");
		}
		return rules;
	}

	private CompiledRule compile(FormSpec.Rule rule, int scope, String appendixId) {
		String where = "rule " + rule.id();
		if (!this.ids.add(rule.id())) {
			throw this.form.error(where + ": the id is used twice");
		}
		int table = -1;
		if (rule.forEach() != null) {
			Layout.TableSlot slot = this.form.layout.table(scope, rule.forEach());
			if (slot == null) {
				throw this.form.error(where + ": forEach " + rule.forEach() + " is not a table of "
						+ ((scope < 0) ? "the body" : "appendix " + appendixId));
			}
			table = slot.index();
		}
		Binder binder = new Binder(this.form.layout, scope, table, false);
		Expr assertion = this.form.bind(binder, rule.assertion(), FieldType.Kind.BOOLEAN, where + " assert");
		Set<String> about = Conjuncts.about(Formula.parse(rule.assertion()));
		if (about.size() > 1) {
			throw this.form.error(where + " assert: its && checks " + String.join(", ", about)
					+ ", but a finding points at one subject whichever fails; write one rule for each");
		}
		CompiledRule.Subject subject = subject(rule.subject(), scope, table, where);
		MessageTemplate vi;
		MessageTemplate en;
		try {
			vi = MessageTemplate.of(rule.message().vi(), binder);
			en = MessageTemplate.of(rule.message().en(), binder);
		}
		catch (IllegalArgumentException ex) {
			throw this.form.error(where + " message: " + ex.getMessage());
		}
		if (rule.breakVector().isEmpty()) {
			throw this.form.error(where + ": needs a break vector (how the generator breaks exactly this rule)");
		}
		List<CompiledRule.Pin> pins = new ArrayList<>();
		for (Map.Entry<String, String> entry : rule.breakVector().entrySet()) {
			pins.add(pin(entry.getKey(), entry.getValue(), binder, scope, table, where));
		}
		return new CompiledRule(rule, scope, appendixId, table, assertion, subject, vi, en, List.copyOf(pins));
	}

	private CompiledRule.Subject subject(String name, int scope, int table, String where) {
		Layout layout = this.form.layout;
		if (table >= 0) {
			int column = layout.tables().get(table).column(name);
			if (column >= 0) {
				return new CompiledRule.Subject(CompiledRule.Subject.Kind.COLUMN, column, null, null);
			}
		}
		Layout.FieldSlot field = layout.field(scope, name);
		if (field == null && scope >= 0) {
			field = layout.field(-1, name);
		}
		if (field != null) {
			return new CompiledRule.Subject(CompiledRule.Subject.Kind.FIELD, field.index(), null, null);
		}
		HeaderVar header = HeaderVar.byFormulaName(name);
		if (header != null) {
			return new CompiledRule.Subject(CompiledRule.Subject.Kind.HEADER, -1, header, null);
		}
		Layout.AppendixSlot appendix = layout.appendix(name);
		if (appendix != null) {
			return new CompiledRule.Subject(CompiledRule.Subject.Kind.APPENDIX, appendix.index(), null, name);
		}
		throw this.form.error(where + ": subject " + name + " is not an indicator, column, envelope field or appendix");
	}

	private CompiledRule.Pin pin(String key, String value, Binder binder, int scope, int table, String where) {
		String at = where + " break " + key;
		Layout.AppendixSlot appendix = this.form.layout.appendix(key);
		if (appendix != null) {
			if (!value.equals("absent") && !value.equals("present")) {
				throw this.form.error(at + ": an appendix is broken with absent or present");
			}
			return new CompiledRule.Pin(CompiledRule.Subject.Kind.APPENDIX, appendix.index(), null, null,
					value.equals("present"));
		}
		Layout.TableSlot emptied = this.form.layout.table(scope, key);
		if (emptied == null && scope >= 0) {
			emptied = this.form.layout.table(-1, key);
		}
		if (emptied != null) {
			if (!value.equals("empty")) {
				throw this.form.error(at + ": a table is broken with empty");
			}
			return new CompiledRule.Pin(CompiledRule.Subject.Kind.TABLE, emptied.index(), null, null, false);
		}
		CompiledRule.Subject target = subject(key, scope, table, where + " break");
		if (target.kind == CompiledRule.Subject.Kind.HEADER) {
			HeaderVar header = target.header;
			if (!header.breakable()) {
				throw this.form.error(at + ": " + header.formulaName()
						+ " cannot be broken, only filingType, submissionNumber, periodKind");
			}
			return new CompiledRule.Pin(target.kind, -1, header,
					this.form.bind(binder, value, header.type().kind(), at), true);
		}
		FieldType type = (target.kind == CompiledRule.Subject.Kind.COLUMN)
				? this.form.layout.tables().get(table).table().columns().get(target.index).type()
				: this.form.layout.fields().get(target.index).field().type();
		return new CompiledRule.Pin(target.kind, target.index, null, this.form.bind(binder, value, type.kind(), at),
				true);
	}

}

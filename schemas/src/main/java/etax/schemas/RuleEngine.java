package etax.schemas;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Runs a form version's rules, in order, on the values of one return. Appendix rules run only when their
 * appendix is present; {@code forEach} rules run on every row of their table. Every failure becomes a
 * {@link Finding} pointing at the rule's subject; a failing {@code REJECT_AND_STOP} rule ends the run.
 * Stateless.
 */
final class RuleEngine {

	private RuleEngine() {
	}

	static List<Finding> evaluate(CompiledForm form, ReturnValues values) {
		List<Finding> findings = new ArrayList<>(2);
		Expr.Evaluation document = Expr.Evaluation.of(values);
		for (CompiledRule rule : form.rules) {
			if (rule.appendix() >= 0 && !values.hasAppendix(rule.appendix())) {
				continue;
			}
			boolean failed = false;
			if (rule.forEach() >= 0) {
				List<ReturnValues.Row> rows = values.rows(rule.forEach());
				for (int i = 0; i < rows.size(); i++) {
					Expr.Evaluation at = document.inRow(rule.forEach(), rows.get(i));
					if (!rule.assertion().test(at)) {
						findings.add(finding(rule, at, values, i));
						failed = true;
					}
				}
			}
			else if (!rule.assertion().test(document)) {
				findings.add(finding(rule, document, values, -1));
				failed = true;
			}
			if (failed && rule.spec().severity() == Severity.REJECT_AND_STOP) {
				break;
			}
		}
		return findings;
	}

	private static Finding finding(CompiledRule rule, Expr.Evaluation at, ReturnValues values, int rowIndex) {
		FormSpec.Rule spec = rule.spec();
		CompiledRule.Subject subject = rule.subject();
		String xpath;
		int line = 0;
		int column = 0;
		String value = null;
		switch (subject.kind) {
			case FIELD -> {
				Layout.FieldSlot slot = values.layout.fields().get(subject.index);
				PathNode node = values.nodes[subject.index];
				xpath = (node != null) ? node.xpath() : slot.xpath();
				line = values.lines[subject.index];
				column = values.columns[subject.index];
				value = values.text(subject.index);
			}
			case COLUMN -> {
				ReturnValues.Row row = values.rows(rule.forEach()).get(rowIndex);
				Layout.TableSlot table = values.layout.tables().get(rule.forEach());
				String name = table.table().columns().get(subject.index).name();
				PathNode node = row.nodes[subject.index];
				xpath = (node != null) ? node.xpath()
						: rowXpath(table, row, rowIndex, values.rows(rule.forEach()).size()) + "/" + name;
				line = row.lines[subject.index];
				column = row.columns[subject.index];
				value = row.text(subject.index);
			}
			case HEADER -> {
				HeaderVar header = subject.header;
				PathNode node = values.headerNodes[header.ordinal()];
				xpath = (node != null) ? node.xpath() : header.xpath();
				line = values.headerLines[header.ordinal()];
				column = values.headerColumns[header.ordinal()];
				value = values.header(header);
			}
			default -> {
				PathNode node = values.appendixNodes[subject.index];
				xpath = (node != null) ? node.xpath() : values.layout.appendices().get(subject.index).xpath();
				line = values.appendixLines[subject.index];
				column = values.appendixColumns[subject.index];
			}
		}
		// a value, and a message quoting values, as long as the filer made them (64 KB of leading zeros is a valid
		// amount) would make a notice past what one record may carry: quoted as the XSD findings quote them
		return new Finding(spec.id(), spec.category(), spec.severity(), xpath, positive(line), positive(column),
				(value != null) ? Findings.shown(value) : null, new LocalizedText(Findings.shown(rule.messageVi().render(at)),
						Findings.shown(rule.messageEn().render(at))), spec.remedy());
	}

	private static String rowXpath(Layout.TableSlot table, ReturnValues.Row row, int index, int rows) {
		if (row.node != null) {
			return row.node.xpath();
		}
		return table.xpath() + "/" + table.table().row() + ((rows > 1) ? "[" + (index + 1) + "]" : "");
	}

	private static @Nullable Integer positive(int number) {
		return (number > 0) ? number : null;
	}

}

package etax.schemas;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule message with {@code {formula}} placeholders, e.g. {@code "[27] = {ct27}, expected {ct29 + ct30}"},
 * bound like any formula and filled when a finding is made.
 */
final class MessageTemplate {

	private final List<String> literals;

	private final List<Expr> values;

	private MessageTemplate(List<String> literals, List<Expr> values) {
		this.literals = literals;
		this.values = values;
	}

	static MessageTemplate of(String text, Binder binder) {
		List<String> literals = new ArrayList<>();
		List<Expr> values = new ArrayList<>();
		int from = 0;
		while (true) {
			int open = text.indexOf('{', from);
			if (open < 0) {
				break;
			}
			int close = text.indexOf('}', open);
			if (close < 0) {
				throw new IllegalArgumentException("unclosed { in message \"" + text + "\"");
			}
			literals.add(text.substring(from, open));
			values.add(binder.bind(text.substring(open + 1, close)));
			from = close + 1;
		}
		literals.add(text.substring(from));
		return new MessageTemplate(List.copyOf(literals), List.copyOf(values));
	}

	String render(Expr.Evaluation at) {
		if (this.values.isEmpty()) {
			return this.literals.get(0);
		}
		StringBuilder text = new StringBuilder(this.literals.get(0));
		for (int i = 0; i < this.values.size(); i++) {
			text.append(this.values.get(i).render(at)).append(this.literals.get(i + 1));
		}
		return text.toString();
	}

}

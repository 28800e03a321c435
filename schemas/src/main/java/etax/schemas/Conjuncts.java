package etax.schemas;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the checks of a rule joined by a top-level {@code &&} are about. A rule has one subject, so a finding
 * points at that indicator whichever check failed: {@code a == x && b == y} with a right and b wrong would
 * report a's XPath and value and tell the filer to fix a. {@link RuleCompiler} refuses such a rule; it must
 * be written as one rule per indicator. A check is about the first name it reads (its left side first), or
 * the appendix of {@code hasAppendix('X')}; a range on one indicator ({@code x >= 0 && x <= 100}) is about
 * one, and an {@code &&} under {@code ||} or {@code !} is a guard ({@code filingType != 'B' || (a && b)}),
 * not a conjunction of the rule.
 */
final class Conjuncts {

	private Conjuncts() {
	}

	/**
	 * The names the checks of a top-level {@code &&} are about, in order, each once.
	 * @param assertion a rule's parsed assertion
	 * @return those names; empty when the assertion is not a top-level {@code &&}
	 */
	static Set<String> about(Syntax assertion) {
		Set<String> names = new LinkedHashSet<>();
		if (isAnd(assertion)) {
			collect(assertion, names);
		}
		return names;
	}

	private static void collect(Syntax syntax, Set<String> names) {
		if (isAnd(syntax)) {
			Syntax.Binary and = (Syntax.Binary) syntax;
			collect(and.left(), names);
			collect(and.right(), names);
			return;
		}
		String name = firstName(syntax);
		if (name != null) {
			names.add(name);
		}
	}

	private static boolean isAnd(Syntax syntax) {
		return syntax instanceof Syntax.Binary binary && binary.operator().equals("&&");
	}

	private static @Nullable String firstName(Syntax syntax) {
		if (syntax instanceof Syntax.Name name) {
			return name.name();
		}
		if (syntax instanceof Syntax.Unary unary) {
			return firstName(unary.operand());
		}
		if (syntax instanceof Syntax.Binary binary) {
			String left = firstName(binary.left());
			return (left != null) ? left : firstName(binary.right());
		}
		if (syntax instanceof Syntax.Call call) {
			if (call.function().equals("hasAppendix") && call.arguments().size() == 1
					&& call.arguments().get(0) instanceof Syntax.Text appendix) {
				return appendix.value();
			}
			for (Syntax argument : call.arguments()) {
				String name = firstName(argument);
				if (name != null) {
					return name;
				}
			}
		}
		return null;
	}

}

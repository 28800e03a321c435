package etax.schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser of the formula language of form specs (see {@code schemas/FORMS.md}): numbers, names,
 * {@code 'strings'}, {@code true}/{@code false}, {@code + - * /} (also {@code − × ÷}), parentheses,
 * comparisons, {@code && || !} and function calls. Precedence, loosest first: {@code ||}, {@code &&},
 * comparisons (not chained), {@code + -}, {@code * /}, unary {@code - !}.
 */
final class Formula {

	private final String text;

	private int at;

	private Formula(String text) {
		this.text = text;
	}

	/**
	 * Parses a formula.
	 * @param text the formula
	 * @return its syntax tree
	 * @throws IllegalArgumentException with the position of the first error
	 */
	static Syntax parse(String text) {
		Formula parser = new Formula(text);
		Syntax syntax = parser.or();
		parser.skipSpace();
		if (parser.at < text.length()) {
			throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
		}
		return syntax;
	}

	private Syntax or() {
		Syntax left = and();
		while (accept("||")) {
			int position = this.at - 2;
			left = new Syntax.Binary("||", left, and(), position);
		}
		return left;
	}

	private Syntax and() {
		Syntax left = comparison();
		while (accept("&&")) {
			int position = this.at - 2;
			left = new Syntax.Binary("&&", left, comparison(), position);
		}
		return left;
	}

	private Syntax comparison() {
		Syntax left = additive();
		for (String operator : new String[] { "==", "!=", "<=", ">=", "<", ">" }) {
			if (accept(operator)) {
				int position = this.at - operator.length();
				Syntax comparison = new Syntax.Binary(operator, left, additive(), position);
				skipSpace();
				if (startsWithComparison()) {
					throw error("comparisons do not chain; use &&");
				}
				return comparison;
			}
		}
		return left;
	}

	private boolean startsWithComparison() {
		for (String operator : new String[] { "==", "!=", "<=", ">=", "<", ">" }) {
			if (this.text.startsWith(operator, this.at)) {
				return true;
			}
		}
		return false;
	}

	private Syntax additive() {
		Syntax left = multiplicative();
		while (true) {
			if (accept("+")) {
				left = new Syntax.Binary("+", left, multiplicative(), this.at - 1);
			}
			else if (accept("-") || accept("−")) {
				left = new Syntax.Binary("-", left, multiplicative(), this.at - 1);
			}
			else {
				return left;
			}
		}
	}

	private Syntax multiplicative() {
		Syntax left = unary();
		while (true) {
			if (accept("*") || accept("×")) {
				left = new Syntax.Binary("*", left, unary(), this.at - 1);
			}
			else if (accept("/") || accept("÷")) {
				left = new Syntax.Binary("/", left, unary(), this.at - 1);
			}
			else {
				return left;
			}
		}
	}

	private Syntax unary() {
		skipSpace();
		int position = this.at;
		if (accept("-") || accept("−")) {
			return new Syntax.Unary("-", unary(), position);
		}
		if (this.text.startsWith("!", this.at) && !this.text.startsWith("!=", this.at)) {
			this.at++;
			return new Syntax.Unary("!", unary(), position);
		}
		return primary();
	}

	private Syntax primary() {
		skipSpace();
		if (this.at >= this.text.length()) {
			throw error("unexpected end of formula");
		}
		int position = this.at;
		char c = this.text.charAt(this.at);
		if (c == '(') {
			this.at++;
			Syntax inner = or();
			expect(")");
			return inner;
		}
		if (c == '\'') {
			return string();
		}
		if (Character.isDigit(c)) {
			return number();
		}
		if (Character.isLetter(c) || c == '_') {
			String name = name();
			skipSpace();
			if (this.at < this.text.length() && this.text.charAt(this.at) == '(') {
				this.at++;
				return new Syntax.Call(name, arguments(), position);
			}
			return switch (name) {
				case "true" -> new Syntax.Bool(true, position);
				case "false" -> new Syntax.Bool(false, position);
				default -> new Syntax.Name(name, position);
			};
		}
		throw error("unexpected '" + c + "'");
	}

	private List<Syntax> arguments() {
		List<Syntax> arguments = new ArrayList<>();
		if (accept(")")) {
			return arguments;
		}
		do {
			arguments.add(or());
		}
		while (accept(","));
		expect(")");
		return arguments;
	}

	private Syntax string() {
		int position = this.at;
		StringBuilder value = new StringBuilder();
		this.at++;
		while (true) {
			if (this.at >= this.text.length()) {
				throw error("unterminated string");
			}
			char c = this.text.charAt(this.at++);
			if (c == '\'') {
				if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
					value.append('\'');
					this.at++;
					continue;
				}
				return new Syntax.Text(value.toString(), position);
			}
			value.append(c);
		}
	}

	private Syntax number() {
		int start = this.at;
		while (this.at < this.text.length() && Character.isDigit(this.text.charAt(this.at))) {
			this.at++;
		}
		if (this.at + 1 < this.text.length() && this.text.charAt(this.at) == '.'
				&& Character.isDigit(this.text.charAt(this.at + 1))) {
			this.at++;
			while (this.at < this.text.length() && Character.isDigit(this.text.charAt(this.at))) {
				this.at++;
			}
		}
		return new Syntax.Number(new BigDecimal(this.text.substring(start, this.at)), start);
	}

	/** An identifier, with dotted qualifiers: {@code PL01_1_KHBS.ChiTiet.chenhLech}. */
	private String name() {
		int start = this.at;
		while (true) {
			while (this.at < this.text.length()
					&& (Character.isLetterOrDigit(this.text.charAt(this.at)) || this.text.charAt(this.at) == '_')) {
				this.at++;
			}
			if (this.at + 1 < this.text.length() && this.text.charAt(this.at) == '.'
					&& (Character.isLetter(this.text.charAt(this.at + 1)) || this.text.charAt(this.at + 1) == '_')) {
				this.at++;
				continue;
			}
			return this.text.substring(start, this.at);
		}
	}

	private boolean accept(String token) {
		skipSpace();
		if (this.text.startsWith(token, this.at)) {
			this.at += token.length();
			return true;
		}
		return false;
	}

	private void expect(String token) {
		if (!accept(token)) {
			throw error((this.at < this.text.length()) ? "expected '" + token + "' but found '"
					+ this.text.charAt(this.at) + "'" : "expected '" + token + "' at the end");
		}
	}

	private void skipSpace() {
		while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
			this.at++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at position " + (this.at + 1) + " of \"" + this.text + "\"");
	}

}

package etax.schemas;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the names of a parsed formula against a form version's {@link Layout} and checks its types,
 * producing an {@link Expr}. Every authoring mistake (an unknown name, a number compared with a string, a
 * generator function in a rule) fails here, when the catalog loads, never while a return is validated.
 */
final class Binder {

	private final Layout layout;

	private final int scope;

	private final int rowTable;

	private final boolean generator;

	/**
	 * @param layout the form version's layout
	 * @param scope -1 for the body, or the index of the appendix whose names come first
	 * @param rowTable the table whose columns are in scope (a {@code forEach} rule, a column formula), or -1
	 * @param generator whether the generator's random functions are allowed
	 */
	Binder(Layout layout, int scope, int rowTable, boolean generator) {
		this.layout = layout;
		this.scope = scope;
		this.rowTable = rowTable;
		this.generator = generator;
	}

	/**
	 * Parses and binds a formula that must be of the given kind.
	 * @throws IllegalArgumentException naming what is wrong and where
	 */
	Expr bind(String formula, FieldType.Kind expected) {
		Expr expr = bind(Formula.parse(formula), formula);
		if (expr.kind() != expected) {
			throw new IllegalArgumentException("\"" + formula + "\" is a " + expr.kind().label() + ", expected a "
					+ expected.label());
		}
		return expr;
	}

	Expr bind(String formula) {
		return bind(Formula.parse(formula), formula);
	}

	private Expr bind(Syntax syntax, String formula) {
		if (syntax instanceof Syntax.Number number) {
			return new Expr.Num(number.value());
		}
		if (syntax instanceof Syntax.Text text) {
			return new Expr.Str(text.value());
		}
		if (syntax instanceof Syntax.Bool bool) {
			return new Expr.Bool(bool.value());
		}
		if (syntax instanceof Syntax.Name name) {
			return name(name, formula);
		}
		if (syntax instanceof Syntax.Unary unary) {
			Expr operand = bind(unary.operand(), formula);
			if (unary.operator().equals("-")) {
				return new Operations.Negate(expect(operand, FieldType.Kind.NUMBER, unary, formula));
			}
			return new Operations.Not(expect(operand, FieldType.Kind.BOOLEAN, unary, formula));
		}
		if (syntax instanceof Syntax.Binary binary) {
			return binary(binary, formula);
		}
		return call((Syntax.Call) syntax, formula);
	}

	private Expr binary(Syntax.Binary binary, String formula) {
		Expr left = bind(binary.left(), formula);
		Expr right = bind(binary.right(), formula);
		switch (binary.operator()) {
			case "+", "-", "*", "/" -> {
				return new Operations.Arithmetic(binary.operator().charAt(0),
						expect(left, FieldType.Kind.NUMBER, binary, formula),
						expect(right, FieldType.Kind.NUMBER, binary, formula));
			}
			case "&&", "||" -> {
				return new Operations.Logic(binary.operator().equals("&&"),
						expect(left, FieldType.Kind.BOOLEAN, binary, formula),
						expect(right, FieldType.Kind.BOOLEAN, binary, formula));
			}
			default -> {
				if (left.kind() != right.kind()) {
					throw error("cannot compare a " + left.kind().label() + " with a " + right.kind().label(), binary,
							formula);
				}
				return new Operations.Comparison(binary.operator(), left, right);
			}
		}
	}

	private Expr call(Syntax.Call call, String formula) {
		List<Syntax> arguments = call.arguments();
		switch (call.function()) {
			case "abs" -> {
				return new Operations.Abs(number(arguments, 0, 1, call, formula));
			}
			case "min", "max" -> {
				if (arguments.isEmpty()) {
					throw error(call.function() + " needs at least one argument", call, formula);
				}
				List<Expr> operands = new ArrayList<>();
				for (int i = 0; i < arguments.size(); i++) {
					operands.add(number(arguments, i, arguments.size(), call, formula));
				}
				return new Operations.Extreme(call.function().equals("max"), List.copyOf(operands));
			}
			case "round" -> {
				Expr operand = number(arguments, 0, arguments.size() == 2 ? 2 : 1, call, formula);
				int digits = 0;
				if (arguments.size() == 2) {
					if (!(arguments.get(1) instanceof Syntax.Number number)) {
						throw error("round's digits must be a number", call, formula);
					}
					digits = number.value().intValueExact();
				}
				return new Operations.Round(operand, digits);
			}
			case "if" -> {
				arity(arguments, 3, call, formula);
				Expr condition = expect(bind(arguments.get(0), formula), FieldType.Kind.BOOLEAN, call, formula);
				Expr then = bind(arguments.get(1), formula);
				Expr otherwise = expect(bind(arguments.get(2), formula), then.kind(), call, formula);
				return new Operations.If(condition, then, otherwise);
			}
			case "sum" -> {
				arity(arguments, 1, call, formula);
				String name = nameArgument(arguments.get(0), call, formula);
				int dot = name.lastIndexOf('.');
				Layout.TableSlot table = (dot > 0) ? table(name.substring(0, dot)) : null;
				int column = (table != null) ? table.column(name.substring(dot + 1)) : -1;
				if (table == null || column < 0) {
					throw error("sum needs table.column, found '" + name + "'", call, formula);
				}
				if (table.table().columns().get(column).type().kind() != FieldType.Kind.NUMBER) {
					throw error("sum of a column that is not a number: " + name, call, formula);
				}
				return new Operations.Sum(table.index(), column);
			}
			case "count" -> {
				arity(arguments, 1, call, formula);
				String name = nameArgument(arguments.get(0), call, formula);
				Layout.TableSlot table = table(name);
				if (table == null) {
					throw error("count needs a table, found '" + name + "'", call, formula);
				}
				return new Operations.Count(table.index());
			}
			case "present" -> {
				arity(arguments, 1, call, formula);
				Expr reference = bind(arguments.get(0), formula);
				if (!(reference instanceof Expr.Field) && !(reference instanceof Expr.Column)) {
					throw error("present needs an indicator name", call, formula);
				}
				return new Operations.Present(reference);
			}
			case "days" -> {
				arity(arguments, 2, call, formula);
				return new DateFunctions.Days(text(arguments.get(0), call, formula), text(arguments.get(1), call, formula));
			}
			case "addDays" -> {
				arity(arguments, 2, call, formula);
				return new DateFunctions.AddDays(text(arguments.get(0), call, formula), number(arguments, 1, 2, call, formula));
			}
			case "hasAppendix" -> {
				arity(arguments, 1, call, formula);
				if (!(arguments.get(0) instanceof Syntax.Text id)) {
					throw error("hasAppendix needs the appendix id as a string, e.g. hasAppendix('PL01_KHBS')", call,
							formula);
				}
				Layout.AppendixSlot appendix = this.layout.appendix(id.value());
				if (appendix == null) {
					throw error("appendix " + id.value() + " is not in the form's appendix list", call, formula);
				}
				return new Operations.HasAppendix(appendix.index());
			}
			default -> {
				return generatorCall(call, formula);
			}
		}
	}

	private Expr generatorCall(Syntax.Call call, String formula) {
		List<Syntax> arguments = call.arguments();
		boolean known = switch (call.function()) {
			case "random", "fraction", "pick", "chance" -> true;
			default -> false;
		};
		if (!known) {
			throw error("unknown function " + call.function(), call, formula);
		}
		if (!this.generator) {
			throw error(call.function() + " is a generator function: only in generate hints and when conditions",
					call, formula);
		}
		switch (call.function()) {
			case "random" -> {
				return new GeneratorFunctions.Random(number(arguments, 0, 2, call, formula),
						number(arguments, 1, 2, call, formula));
			}
			case "fraction" -> {
				return new GeneratorFunctions.Fraction(number(arguments, 0, 1, call, formula));
			}
			case "chance" -> {
				return new GeneratorFunctions.Chance(number(arguments, 0, 1, call, formula));
			}
			default -> {
				if (arguments.isEmpty()) {
					throw error("pick needs at least one choice", call, formula);
				}
				List<Expr> choices = new ArrayList<>();
				for (Syntax argument : arguments) {
					Expr choice = bind(argument, formula);
					choices.add(choices.isEmpty() ? choice : expect(choice, choices.get(0).kind(), call, formula));
				}
				return new GeneratorFunctions.Pick(List.copyOf(choices));
			}
		}
	}

	private Expr name(Syntax.Name syntax, String formula) {
		String name = syntax.name();
		if (this.rowTable >= 0) {
			Layout.TableSlot table = this.layout.tables().get(this.rowTable);
			int column = table.column(name);
			if (column >= 0) {
				return new Expr.Column(this.rowTable, column, table.table().columns().get(column).type());
			}
		}
		Layout.FieldSlot field = this.layout.field(this.scope, name);
		if (field == null && this.scope >= 0) {
			field = this.layout.field(-1, name);
		}
		if (field == null) {
			int dot = name.indexOf('.');
			Layout.AppendixSlot appendix = (dot > 0) ? this.layout.appendix(name.substring(0, dot)) : null;
			if (appendix != null) {
				field = this.layout.field(appendix.index(), name.substring(dot + 1));
			}
		}
		if (field != null) {
			return new Expr.Field(field.index(), field.field().type());
		}
		HeaderVar header = HeaderVar.byFormulaName(name);
		if (header != null) {
			return new Expr.Header(header);
		}
		if (table(name) != null) {
			throw error("'" + name + "' is a table: use sum(" + name + ".column) or count(" + name + ")", syntax,
					formula);
		}
		throw error("unknown name '" + name + "'", syntax, formula);
	}

	private Layout.@Nullable TableSlot table(String name) {
		Layout.TableSlot table = this.layout.table(this.scope, name);
		if (table == null && this.scope >= 0) {
			table = this.layout.table(-1, name);
		}
		int dot = name.indexOf('.');
		if (table == null && dot > 0) {
			Layout.AppendixSlot appendix = this.layout.appendix(name.substring(0, dot));
			if (appendix != null) {
				table = this.layout.table(appendix.index(), name.substring(dot + 1));
			}
		}
		return table;
	}

	private static String nameArgument(Syntax argument, Syntax.Call call, String formula) {
		if (!(argument instanceof Syntax.Name name)) {
			throw error(call.function() + " needs a name", call, formula);
		}
		return name.name();
	}

	private Expr text(Syntax argument, Syntax.Call call, String formula) {
		return expect(bind(argument, formula), FieldType.Kind.TEXT, call, formula);
	}

	private Expr number(List<Syntax> arguments, int index, int arity, Syntax.Call call, String formula) {
		arity(arguments, arity, call, formula);
		return expect(bind(arguments.get(index), formula), FieldType.Kind.NUMBER, call, formula);
	}

	private static void arity(List<Syntax> arguments, int arity, Syntax.Call call, String formula) {
		if (arguments.size() != arity) {
			throw error(call.function() + " takes " + arity + " argument" + ((arity == 1) ? "" : "s") + ", found "
					+ arguments.size(), call, formula);
		}
	}

	private static Expr expect(Expr expr, FieldType.Kind kind, Syntax at, String formula) {
		if (expr.kind() != kind) {
			throw error("expected a " + kind.label() + ", found a " + expr.kind().label(), at, formula);
		}
		return expr;
	}

	private static IllegalArgumentException error(String message, Syntax at, String formula) {
		return new IllegalArgumentException(message + " at position " + (at.position() + 1) + " of \"" + formula + "\"");
	}

}

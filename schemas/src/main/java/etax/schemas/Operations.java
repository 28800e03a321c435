package etax.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The operators and functions of the formula language, as {@link Expr} nodes.
 */
final class Operations {

	private Operations() {
	}

	record Negate(Expr operand) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return this.operand.number(at).negate();
		}

		@Override
		public void reads(Reads reads) {
			this.operand.reads(reads);
		}

	}

	record Not(Expr operand) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			return !this.operand.test(at);
		}

		@Override
		public void reads(Reads reads) {
			this.operand.reads(reads);
		}

	}

	/** {@code + - * /}; a division by zero is 0. */
	record Arithmetic(char operator, Expr left, Expr right) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			BigDecimal left = this.left.number(at);
			BigDecimal right = this.right.number(at);
			return switch (this.operator) {
				case '+' -> left.add(right);
				case '-' -> left.subtract(right);
				case '*' -> left.multiply(right);
				default -> (right.signum() == 0) ? BigDecimal.ZERO : left.divide(right, DIVISION);
			};
		}

		@Override
		public void reads(Reads reads) {
			this.left.reads(reads);
			this.right.reads(reads);
		}

	}

	/** Comparison of two numbers, two strings or two booleans. */
	record Comparison(String operator, Expr left, Expr right) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			int order = switch (this.left.kind()) {
				case NUMBER -> this.left.number(at).compareTo(this.right.number(at));
				case TEXT -> this.left.text(at).compareTo(this.right.text(at));
				case BOOLEAN -> Boolean.compare(this.left.test(at), this.right.test(at));
			};
			return switch (this.operator) {
				case "==" -> order == 0;
				case "!=" -> order != 0;
				case "<" -> order < 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				default -> order >= 0;
			};
		}

		@Override
		public void reads(Reads reads) {
			this.left.reads(reads);
			this.right.reads(reads);
		}

	}

	/** {@code &&} and {@code ||}, short-circuit. */
	record Logic(boolean and, Expr left, Expr right) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			return this.and ? this.left.test(at) && this.right.test(at) : this.left.test(at) || this.right.test(at);
		}

		@Override
		public void reads(Reads reads) {
			this.left.reads(reads);
			this.right.reads(reads);
		}

	}

	/** {@code if(condition, then, otherwise)}, of any kind. */
	record If(Expr condition, Expr then, Expr otherwise) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return this.then.kind();
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return this.condition.test(at) ? this.then.number(at) : this.otherwise.number(at);
		}

		@Override
		public boolean test(Evaluation at) {
			return this.condition.test(at) ? this.then.test(at) : this.otherwise.test(at);
		}

		@Override
		public String text(Evaluation at) {
			return this.condition.test(at) ? this.then.text(at) : this.otherwise.text(at);
		}

		@Override
		public void reads(Reads reads) {
			this.condition.reads(reads);
			this.then.reads(reads);
			this.otherwise.reads(reads);
		}

	}

	record Abs(Expr operand) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return this.operand.number(at).abs();
		}

		@Override
		public void reads(Reads reads) {
			this.operand.reads(reads);
		}

	}

	/** {@code min(a, b, ...)} or {@code max(a, b, ...)}. */
	record Extreme(boolean max, List<Expr> operands) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			BigDecimal result = this.operands.get(0).number(at);
			for (int i = 1; i < this.operands.size(); i++) {
				BigDecimal next = this.operands.get(i).number(at);
				result = this.max ? result.max(next) : result.min(next);
			}
			return result;
		}

		@Override
		public void reads(Reads reads) {
			this.operands.forEach((operand) -> operand.reads(reads));
		}

	}

	/** {@code round(x)} half-up to whole VND, or {@code round(x, digits)}. */
	record Round(Expr operand, int digits) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return this.operand.number(at).setScale(this.digits, RoundingMode.HALF_UP);
		}

		@Override
		public void reads(Reads reads) {
			this.operand.reads(reads);
		}

	}

	/** {@code sum(table.column)}: the column over every row. */
	record Sum(int table, int column) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			BigDecimal sum = BigDecimal.ZERO;
			for (ReturnValues.Row row : at.values.rows(this.table)) {
				sum = sum.add(row.number(this.column));
			}
			return sum;
		}

		@Override
		public void reads(Reads reads) {
			reads.table(this.table);
		}

	}

	/** {@code count(table)}: its rows. */
	record Count(int table) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return BigDecimal.valueOf(at.values.rows(this.table).size());
		}

		@Override
		public void reads(Reads reads) {
			reads.table(this.table);
		}

	}

	/** {@code present(name)}: the element exists and is not empty. */
	record Present(Expr reference) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			String text;
			if (this.reference instanceof Expr.Field field) {
				text = at.values.text(field.slot());
			}
			else {
				Expr.Column column = (Expr.Column) this.reference;
				text = (at.row != null) ? at.row.text(column.column()) : null;
			}
			return text != null && !text.isEmpty();
		}

		@Override
		public void reads(Reads reads) {
			this.reference.reads(reads);
		}

	}

	/** {@code hasAppendix('PL01_KHBS')}. */
	record HasAppendix(int appendix) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			return at.values.hasAppendix(this.appendix);
		}

		@Override
		public void reads(Reads reads) {
			reads.appendix(this.appendix);
		}

	}

}

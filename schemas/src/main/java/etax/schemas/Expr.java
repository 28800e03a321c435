package etax.schemas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * A bound formula: names resolved to slots, types checked, ready to evaluate with {@link BigDecimal}
 * arithmetic. Each node answers in the kind it has: numbers through {@link #number}, booleans through
 * {@link #test}, strings through {@link #text}. Built once per form version by {@link Binder}; immutable and
 * shared across threads.
 */
interface Expr {

	/** Division keeps 34 significant digits; rounding to VND is explicit ({@code round}). */
	MathContext DIVISION = MathContext.DECIMAL128;

	FieldType.Kind kind();

	default BigDecimal number(Evaluation at) {
		throw new IllegalStateException("not a number: " + this);
	}

	default boolean test(Evaluation at) {
		throw new IllegalStateException("not a boolean: " + this);
	}

	default String text(Evaluation at) {
		throw new IllegalStateException("not a string: " + this);
	}

	/** Reports every value this formula reads, so that the generator can order its work. */
	void reads(Reads reads);

	/** The value as a finding's message shows it. */
	default String render(Evaluation at) {
		return switch (kind()) {
			case NUMBER -> plain(number(at));
			case BOOLEAN -> Boolean.toString(test(at));
			case TEXT -> text(at);
		};
	}

	static String plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
	}

	/**
	 * Where a formula is evaluated: the return's values, the row of a {@code forEach} rule or table column,
	 * and (for the generator only) a source of randomness.
	 */
	final class Evaluation {

		final ReturnValues values;

		final int table;

		final ReturnValues.@Nullable Row row;

		final @Nullable SplittableRandom random;

		Evaluation(ReturnValues values, int table, ReturnValues.@Nullable Row row, @Nullable SplittableRandom random) {
			this.values = values;
			this.table = table;
			this.row = row;
			this.random = random;
		}

		static Evaluation of(ReturnValues values) {
			return new Evaluation(values, -1, null, null);
		}

		Evaluation inRow(int table, ReturnValues.Row row) {
			return new Evaluation(this.values, table, row, this.random);
		}

		SplittableRandom random() {
			if (this.random == null) {
				throw new IllegalStateException("generator functions are evaluated only by the generator");
			}
			return this.random;
		}

	}

	/** Receives what a formula reads. */
	interface Reads {

		void field(int slot);

		void column(int table, int column);

		void table(int table);

		void appendix(int appendix);

		void header(HeaderVar variable);

	}

	record Num(BigDecimal value) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return this.value;
		}

		@Override
		public void reads(Reads reads) {
		}

	}

	record Str(String value) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.TEXT;
		}

		@Override
		public String text(Evaluation at) {
			return this.value;
		}

		@Override
		public void reads(Reads reads) {
		}

	}

	record Bool(boolean value) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			return this.value;
		}

		@Override
		public void reads(Reads reads) {
		}

	}

	/** An indicator outside tables. */
	record Field(int slot, FieldType type) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return this.type.kind();
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return at.values.number(this.slot);
		}

		@Override
		public boolean test(Evaluation at) {
			return at.values.flag(this.slot);
		}

		@Override
		public String text(Evaluation at) {
			String text = at.values.text(this.slot);
			return (text != null) ? text : "";
		}

		@Override
		public void reads(Reads reads) {
			reads.field(this.slot);
		}

	}

	/** A column of the row being evaluated. */
	record Column(int table, int column, FieldType type) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return this.type.kind();
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return row(at).number(this.column);
		}

		@Override
		public boolean test(Evaluation at) {
			return row(at).flag(this.column);
		}

		@Override
		public String text(Evaluation at) {
			String text = row(at).text(this.column);
			return (text != null) ? text : "";
		}

		private ReturnValues.Row row(Evaluation at) {
			if (at.row == null || at.table != this.table) {
				throw new IllegalStateException("column read outside its row");
			}
			return at.row;
		}

		@Override
		public void reads(Reads reads) {
			reads.column(this.table, this.column);
		}

	}

	record Header(HeaderVar variable) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return this.variable.type().kind();
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return ReturnValues.parseNumber(at.values.header(this.variable));
		}

		@Override
		public String text(Evaluation at) {
			String text = at.values.header(this.variable);
			return (text != null) ? text : "";
		}

		@Override
		public void reads(Reads reads) {
			reads.header(this.variable);
		}

	}

}

package etax.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Functions allowed only in {@code generate} hints and appendix {@code when} conditions, because they draw
 * random numbers: {@code random(lo, hi)}, {@code fraction(x)}, {@code pick(a, b, ...)}, {@code chance(p)}.
 */
final class GeneratorFunctions {

	private GeneratorFunctions() {
	}

	/** A whole number between {@code lo} and {@code hi}, both included. */
	record Random(Expr low, Expr high) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			long low = this.low.number(at).setScale(0, RoundingMode.CEILING).longValueExact();
			long high = this.high.number(at).setScale(0, RoundingMode.FLOOR).longValueExact();
			if (high <= low) {
				return BigDecimal.valueOf(low);
			}
			return BigDecimal.valueOf(at.random().nextLong(low, high + 1));
		}

		@Override
		public void reads(Reads reads) {
			this.low.reads(reads);
			this.high.reads(reads);
		}

	}

	/** A whole number between 0 and {@code x} (0 when {@code x} is not positive): for caps. */
	record Fraction(Expr of) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.NUMBER;
		}

		@Override
		public BigDecimal number(Evaluation at) {
			long bound = this.of.number(at).setScale(0, RoundingMode.FLOOR).longValueExact();
			return (bound <= 0) ? BigDecimal.ZERO : BigDecimal.valueOf(at.random().nextLong(bound + 1));
		}

		@Override
		public void reads(Reads reads) {
			this.of.reads(reads);
		}

	}

	/** One of its arguments, all of one kind. */
	record Pick(List<Expr> choices) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return this.choices.get(0).kind();
		}

		@Override
		public BigDecimal number(Evaluation at) {
			return choose(at).number(at);
		}

		@Override
		public boolean test(Evaluation at) {
			return choose(at).test(at);
		}

		@Override
		public String text(Evaluation at) {
			return choose(at).text(at);
		}

		private Expr choose(Evaluation at) {
			return this.choices.get(at.random().nextInt(this.choices.size()));
		}

		@Override
		public void reads(Reads reads) {
			this.choices.forEach((choice) -> choice.reads(reads));
		}

	}

	/** True with probability {@code p} (0 to 1). */
	record Chance(Expr probability) implements Expr {

		@Override
		public FieldType.Kind kind() {
			return FieldType.Kind.BOOLEAN;
		}

		@Override
		public boolean test(Evaluation at) {
			return at.random().nextDouble() < this.probability.number(at).doubleValue();
		}

		@Override
		public void reads(Reads reads) {
			this.probability.reads(reads);
		}

	}

}

package etax.schemas;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed formula before its names are resolved: what {@link Formula#parse(String)} returns and
 * {@link Binder} turns into an {@link Expr}. Positions are 0-based offsets into the formula text, for
 * error messages.
 */
sealed interface Syntax {

	int position();

	record Number(BigDecimal value, int position) implements Syntax {
	}

	record Text(String value, int position) implements Syntax {
	}

	record Bool(boolean value, int position) implements Syntax {
	}

	/** A name, possibly qualified with dots: {@code ct27}, {@code PL01_KHBS.ct07}, {@code BangKe.ct8}. */
	record Name(String name, int position) implements Syntax {
	}

	/** {@code -x} or {@code !x}. */
	record Unary(String operator, Syntax operand, int position) implements Syntax {
	}

	/** Arithmetic, comparison or logic. */
	record Binary(String operator, Syntax left, Syntax right, int position) implements Syntax {
	}

	record Call(String function, List<Syntax> arguments, int position) implements Syntax {

		public Call {
			arguments = List.copyOf(arguments);
		}

	}

}

package etax.payment.sql;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Rows as columns, for set-based statements: {@code INSERT … SELECT … FROM unnest(?::uuid[], ?::text[], …)}
 * takes one array per column, so a statement is the same however many rows it writes, and costs the rows
 * alone (no per-row parameters to bind, no multi-row statement to plan). Each value goes as text and is
 * cast by the statement.
 */
public final class SqlColumns {

	private SqlColumns() {
	}

	/**
	 * One column of the rows.
	 * @param rows the rows, in the order they are written
	 * @param value a row's value in this column, {@code null} for SQL NULL
	 * @return each row's value as text
	 */
	public static <T> @Nullable String[] column(List<T> rows, Function<? super T, ? extends @Nullable Object> value) {
		String[] column = new String[rows.size()];
		for (int i = 0; i < column.length; i++) {
			Object v = value.apply(rows.get(i));
			column[i] = (v != null) ? v.toString() : null;
		}
		return column;
	}

}

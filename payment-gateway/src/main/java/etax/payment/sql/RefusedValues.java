package etax.payment.sql;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a value PostgreSQL refused from the database's own trouble. SQLState class 22 ("data exception": a date
 * out of range, a number too large, a character the encoding has not) is about the values a statement carries,
 * never about the database's state: the same values fail the same way on every try. A poll listener that retries
 * such a failure for ever stops its partition; one that sees it here may record the poll's records one by one and
 * refuse the one that fails alone (ADR 0003, "One record PostgreSQL refuses"). Any other failure (the database
 * down, a lock, a constraint another transaction raced for) is worth trying again.
 */
public final class RefusedValues {

	private static final String DATA_EXCEPTION = "22";

	private static final int MAX_CAUSES = 32;

	private RefusedValues() {
	}

	/**
	 * Whether a failure is, anywhere in its causes (and a JDBC batch's next exceptions), an SQL data exception.
	 * @param failure what failed
	 * @return true for SQLState class 22
	 */
	public static boolean refusedValue(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.add(failure);
		while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
			Throwable next = pending.poll();
			if (!seen.add(next)) {
				continue;
			}
			if (next instanceof SQLException sql) {
				if (sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
					return true;
				}
				if (sql.getNextException() != null) {
					pending.add(sql.getNextException());
				}
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
		}
		return false;
	}

}

package etax.access;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * A failure as it may be logged: the same chain of causes, each with its class and stack trace, but
 * none of their messages. A JDBC failure's message holds the statement and often its values (a
 * {@code BatchUpdateException} quotes a whole batch: MSTs, amounts), a Spring {@code DataAccessException}
 * repeats it, and a parser's may quote the input; none of that is allowed in a log. What is kept is what
 * tells an operator where to look: the classes, the SQLState of SQL failures, and where each was thrown.
 */
public final class RedactedException extends RuntimeException {

	private static final int MAX_DEPTH = 16;

	private RedactedException(String description, @Nullable Throwable cause, StackTraceElement[] stackTrace) {
		super(description, cause, false, true);
		setStackTrace(stackTrace);
	}

	/**
	 * @param failure what failed
	 * @return the same chain without messages, to hand to the logger as the exception to print
	 */
	public static RedactedException of(Throwable failure) {
		return redact(failure, 0);
	}

	/**
	 * A safe reason to log beside an event: the class of the failure's root cause and the first SQLState in
	 * its chain ({@code org.postgresql.util.PSQLException (SQLState 23514)}).
	 */
	public static String describe(Throwable failure) {
		Throwable root = failure;
		String sqlState = null;
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			if (sqlState == null && root instanceof SQLException sql) {
				sqlState = sql.getSQLState();
			}
			Throwable cause = root.getCause();
			if (cause == null || cause == root) {
				break;
			}
			root = cause;
		}
		return root.getClass().getName() + ((sqlState != null) ? " (SQLState " + sqlState + ")" : "");
	}

	private static RedactedException redact(Throwable failure, int depth) {
		Throwable cause = failure.getCause();
		// a chain is short; the bound only guards against a cause that loops back on itself
		RedactedException redactedCause = (cause != null && cause != failure && depth < MAX_DEPTH)
				? redact(cause, depth + 1) : null;
		String state = (failure instanceof SQLException sql && sql.getSQLState() != null)
				? " (SQLState " + sql.getSQLState() + ")" : "";
		return new RedactedException(failure.getClass().getName() + state, redactedCause, failure.getStackTrace());
	}

}

package etax.batch.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Which process runs a job's day: the one holding the day's session-level advisory lock in PostgreSQL, on a
 * connection of its own kept open for the run. PostgreSQL releases the lock when the session ends, so a process
 * killed in the middle of a run (SIGKILL, a lost machine) leaves the day's execution {@code STARTED} in the job
 * repository but the lock free: whoever takes the lock next knows that no live process runs the day, and may recover
 * the execution and restart it (docs/adr/0011, "A run whose process died"). The connection runs in autocommit, so
 * the held lock keeps no transaction (and no snapshot) open. Each job whose runs are days has its own.
 */
public class DayLocks {

	private static final Logger log = LoggerFactory.getLogger(DayLocks.class);

	/** The two-key advisory lock: the first key the job's, the second the day. */
	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?), ?)";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext(?), ?)";

	/** Waits for the lock: one row once it is held. */
	private static final String LOCK = "SELECT true FROM pg_advisory_lock(hashtext(?), ?)";

	/** PostgreSQL's {@code lock_not_available}: the wait ran past {@code lock_timeout}. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	private final DataSource dataSource;

	private final String name;

	/**
	 * @param dataSource where the locks are taken
	 * @param name the job's locks' name, the first key
	 */
	protected DayLocks(DataSource dataSource, String name) {
		this.dataSource = dataSource;
		this.name = name;
	}

	/**
	 * Takes the day's lock if no live process holds it.
	 * @param day the day run
	 * @return the lock, to be closed when the run has ended; empty when another process (or another thread of
	 * this one) holds it
	 */
	public Optional<Held> tryHold(LocalDate day) {
		return hold(day, Duration.ZERO);
	}

	/**
	 * Takes the day's lock, waiting up to {@code wait} for another run of the day to end.
	 * @param day the day run
	 * @param wait how long to wait; zero takes it only if it is free
	 * @return the lock, to be closed when the run has ended; empty when another process (or another thread of
	 * this one) still holds it after the wait
	 */
	public Optional<Held> hold(LocalDate day, Duration wait) {
		int key = Math.toIntExact(day.toEpochDay());
		Connection connection;
		try {
			// a connection of the pool, never one bound to a caller's transaction: the lock outlives it
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not take the day's lock of " + this.name, ex);
		}
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (wait.isZero() ? query(connection, TRY_LOCK, this.name, key) : waitFor(connection, key, wait)) {
				return Optional.of(new Held(connection, this.name, key));
			}
		}
		catch (SQLException ex) {
			// the lock may be held, or lock_timeout left set: the session ends rather than go back to the pool so
			abort(connection);
			throw failed(ex);
		}
		close(connection);
		return Optional.empty();
	}

	/**
	 * The database's failure to take the lock, as Spring names it from its SQL state: a lost connection, a deadlock
	 * or a timeout is an outage ({@link etax.batch.DatabaseOutages}: 503 with {@code Retry-After} to an API caller,
	 * tried again later in the background), not a fault of the service. The statements are fixed, so a state Spring
	 * does not name is taken for the database's too.
	 */
	private DataAccessException failed(SQLException ex) {
		String task = "Could not take the day's lock of " + this.name;
		DataAccessException translated = TRANSLATOR.translate(task, null, ex);
		return (translated == null || translated instanceof UncategorizedSQLException)
				? new DataAccessResourceFailureException(task, ex) : translated;
	}

	/** Waits for the lock, at most {@code wait}: PostgreSQL's {@code lock_timeout} bounds an advisory lock's wait. */
	private boolean waitFor(Connection connection, int key, Duration wait) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
		}
		try {
			return query(connection, LOCK, this.name, key);
		}
		catch (SQLException ex) {
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				return false;
			}
			throw ex;
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("RESET lock_timeout");
			}
		}
	}

	private static boolean query(Connection connection, String sql, String name, int key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			statement.setInt(2, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void abort(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException ex) {
			log.warn("Could not end a day lock's session", ex);
		}
		finally {
			close(connection);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.warn("Could not close a day lock's connection", ex);
		}
	}

	/** A day's lock, held until closed. */
	public static final class Held implements AutoCloseable {

		private final Connection connection;

		private final String name;

		private final int key;

		private Held(Connection connection, String name, int key) {
			this.connection = connection;
			this.name = name;
			this.key = key;
		}

		@Override
		public void close() {
			try {
				query(this.connection, UNLOCK, this.name, this.key);
			}
			catch (SQLException ex) {
				// never back into the pool holding the lock: ending the session releases it
				log.warn("Could not release a day's lock, closing its session", ex);
				abort(this.connection);
				return;
			}
			DayLocks.close(this.connection);
		}

	}

}

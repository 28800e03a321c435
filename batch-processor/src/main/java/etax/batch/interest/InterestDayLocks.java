package etax.batch.interest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Which process runs a day's assessment: the one holding the day's session-level advisory lock in PostgreSQL,
 * on a connection of its own kept open for the run. PostgreSQL releases the lock when the session ends, so a
 * process killed in the middle of a run (SIGKILL, a lost machine) leaves the day's execution {@code STARTED}
 * in the job repository but the lock free: whoever takes the lock next knows that no live process runs the day,
 * and may recover the execution and restart it (docs/adr/0011, "A run whose process died"). The connection
 * runs in autocommit, so the held lock keeps no transaction (and no snapshot) open.
 */
@Component
class InterestDayLocks {

	private static final Logger log = LoggerFactory.getLogger(InterestDayLocks.class);

	/** The first key of the two-key advisory lock: this job's; the second is the day. */
	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext('etax.batch.interest.day'), ?)";

	private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('etax.batch.interest.day'), ?)";

	private final DataSource dataSource;

	InterestDayLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the day's lock if no live process holds it.
	 * @param day the day assessed
	 * @return the lock, to be closed when the run has ended; empty when another process (or another thread of
	 * this one) holds it
	 */
	Optional<Held> tryHold(LocalDate day) {
		int key = Math.toIntExact(day.toEpochDay());
		Connection connection;
		try {
			// a connection of the pool, never one bound to a caller's transaction: the lock outlives it
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the interest day's lock", ex);
		}
		try {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (query(connection, TRY_LOCK, key)) {
				return Optional.of(new Held(connection, key));
			}
		}
		catch (SQLException ex) {
			close(connection);
			throw new IllegalStateException("Could not take the interest day's lock", ex);
		}
		close(connection);
		return Optional.empty();
	}

	private static boolean query(Connection connection, String sql, int key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.warn("Could not close the interest day lock's connection", ex);
		}
	}

	/** A day's lock, held until closed. */
	static final class Held implements AutoCloseable {

		private final Connection connection;

		private final int key;

		private Held(Connection connection, int key) {
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void close() {
			try {
				query(this.connection, UNLOCK, this.key);
			}
			catch (SQLException ex) {
				// never back into the pool holding the lock: ending the session releases it
				log.warn("Could not release the interest day's lock, closing its session", ex);
				try {
					this.connection.abort(Runnable::run);
				}
				catch (SQLException abortFailed) {
					log.warn("Could not close the interest day lock's session", abortFailed);
				}
			}
			finally {
				InterestDayLocks.close(this.connection);
			}
		}

	}

}

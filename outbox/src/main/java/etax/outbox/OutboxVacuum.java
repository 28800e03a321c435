package etax.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vacuums the outbox table after every {@code vacuumAfter} rows the relay deleted. The table is a queue:
 * every row is deleted soon after it is inserted. Until a vacuum removes them, the deleted rows stay in the
 * table and in its index, and each round's scan for the oldest unsent rows steps over them; autovacuum visits
 * a table at most once a minute, by which time a busy service has deleted hundreds of thousands. A plain
 * {@code VACUUM} blocks no insert, delete or read. One that fails is logged, and the table waits for
 * autovacuum or the next one. Used by the relay's one thread.
 */
final class OutboxVacuum {

	private static final Logger log = LoggerFactory.getLogger(OutboxVacuum.class);

	private final JdbcTemplate jdbc;

	private final OutboxProperties properties;

	private long deletedSinceVacuum;

	OutboxVacuum(JdbcTemplate jdbc, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void vacuumWhenDue(int deleted) {
		int every = this.properties.relay().vacuumAfter();
		this.deletedSinceVacuum += deleted;
		if (every <= 0 || this.deletedSinceVacuum < every) {
			return;
		}
		this.deletedSinceVacuum = 0;
		try {
			// outside any transaction: the pool's connections commit automatically
			this.jdbc.execute("VACUUM " + this.properties.table());
		}
		catch (DataAccessException ex) {
			log.warn("Outbox vacuum failed, retrying after as many rows again table={} reason={}",
					this.properties.table(), ex.getClass().getName());
		}
	}

}

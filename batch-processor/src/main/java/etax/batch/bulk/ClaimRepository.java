package etax.batch.bulk;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The heartbeats of the batches, and the claims that take a batch over: a process holds the batches whose
 * heartbeats it renews ({@link Heartbeats}), and another takes one over only once its heartbeat is older than
 * the lease.
 */
@Repository
class ClaimRepository {

	private final JdbcClient jdbc;

	ClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void heartbeat(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE batch.bulk_batch SET heartbeat_at = now() WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/** Takes runs that failed for an outage alone off a batch's attempts. */
	void notAnAttempt(UUID id, int runs) {
		this.jdbc.sql("UPDATE batch.bulk_batch SET attempts = greatest(attempts - ?, 0) WHERE id = ?")
			.params(runs, id)
			.update();
	}

	/**
	 * Takes over one unfinished batch whose heartbeat is older than the lease, if any: its heartbeat is
	 * renewed in the same statement, so that no other process takes it too.
	 * @param lease how old a heartbeat must be
	 * @return the batch and how many runs it had
	 */
	Optional<Claim> claimStale(Duration lease) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET heartbeat_at = now()
				WHERE id = (SELECT id FROM batch.bulk_batch
					WHERE status IN ('RECEIVED', 'PROCESSING') AND heartbeat_at < now() - :lease * interval '1 millisecond'
					ORDER BY received_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id, attempts
				""")
			.param("lease", lease.toMillis())
			.query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getInt(2)))
			.optional();
	}

	/**
	 * Takes over one batch if its heartbeat is older than the lease, whatever its status: no live process holds it.
	 * Its heartbeat is renewed in the same statement, so that no other process takes it too.
	 * @param id the batch
	 * @param lease how old its heartbeat must be
	 * @return whether it was taken
	 */
	boolean claimIfStale(UUID id, Duration lease) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET heartbeat_at = now()
				WHERE id = :id AND heartbeat_at < now() - :lease * interval '1 millisecond'
				""").param("id", id).param("lease", lease.toMillis()).update() == 1;
	}

	/**
	 * Claims a batch for an officer's restart of an execution that has ended (failed or stopped): a batch left
	 * {@code FAILED} at once (no take-over claims it), another only when its heartbeat is older than the lease, as
	 * {@link #claimIfStale}: a take-over may have claimed it since its run ended, and would recover the restarted
	 * execution as one left by a dead process.
	 * @return whether it was claimed
	 */
	boolean claimForRestart(UUID id, Duration lease) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET heartbeat_at = now()
				WHERE id = :id AND (status = 'FAILED' OR heartbeat_at < now() - :lease * interval '1 millisecond')
				""").param("id", id).param("lease", lease.toMillis()).update() == 1;
	}

	/**
	 * @param id the batch taken over
	 * @param attempts the runs it had before
	 */
	record Claim(UUID id, int attempts) {

	}

}

package etax.batch.bulk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The status of a batch as its runs and its cancellation move it: {@code PROCESSING} while a run holds it,
 * {@code FAILED} when it is left for an officer, {@code COMPLETED} or {@code CANCELLED} once it has ended, after
 * which it never changes again.
 */
@Repository
class BatchStatusRepository {

	private final JdbcClient jdbc;

	BatchStatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The job started or restarted for the batch: one more attempt, alive now. */
	void processing(UUID id) {
		this.jdbc.sql("""
				UPDATE batch.bulk_batch SET status = 'PROCESSING', attempts = attempts + 1, heartbeat_at = now()
				WHERE id = ? AND status NOT IN ('COMPLETED', 'CANCELLED')
				""").param(id).update();
	}

	/**
	 * Ends the batch: {@code CANCELLED} if it was cancelled and items of it were left unfiled for that,
	 * {@code COMPLETED} otherwise (every item was filed, even if a cancellation came).
	 * @return whether the batch was ended now (false when it already was)
	 */
	boolean complete(UUID id, Instant at) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch
				SET status = CASE WHEN cancelled_at IS NOT NULL AND cancelled > 0 THEN 'CANCELLED' ELSE 'COMPLETED' END,
					completed_at = ?
				WHERE id = ? AND status NOT IN ('COMPLETED', 'CANCELLED')
				""").params(Timestamp.from(at), id).update() == 1;
	}

	/** Whether the batch was cancelled and none of its items waits to be filed: it ends cancelled, not failed. */
	boolean cancelledWithNothingPending(UUID id) {
		return this.jdbc.sql("""
				SELECT cancelled_at IS NOT NULL AND item_count = accepted + not_accepted + not_received + failed + cancelled
				FROM batch.bulk_batch WHERE id = ?""").param(id).query(Boolean.class).optional().orElse(false);
	}

	void fail(UUID id) {
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED' WHERE id = ? AND status NOT IN ('COMPLETED', 'CANCELLED')")
			.param(id)
			.update();
	}

	/**
	 * Cancels the batch's items not filed yet, and marks the batch as cancelled, unless it has already
	 * ended; its job, finding nothing left to file, then ends it as {@code CANCELLED}. A cancellation that
	 * finds nothing left to cancel (every item already has its outcome, the job just has not ended it yet)
	 * marks nothing: the batch then completes as {@code COMPLETED}, as its items were all filed, and its
	 * notice says so. The items are locked before the batch, as {@link OutcomeRepository#record} does, so
	 * that the two never wait for each other.
	 * @return the batch's status and how many items were cancelled, or empty when it had already ended
	 * ({@code COMPLETED} or {@code CANCELLED}) or had nothing left to cancel
	 */
	Optional<Cancelled> cancel(UUID id, String by, Instant at) {
		int cancelled = this.jdbc.sql("""
				UPDATE batch.bulk_item SET status = 'CANCELLED', decided_at = :at
				WHERE batch_id = :id AND status = 'PENDING' AND EXISTS (SELECT 1 FROM batch.bulk_batch
					WHERE id = :id AND status NOT IN ('COMPLETED', 'CANCELLED'))
				""").param("id", id).param("at", Timestamp.from(at)).update();
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET cancelled = cancelled + :cancelled, cancelled_at = coalesce(cancelled_at, :at),
					cancelled_by = coalesce(cancelled_by, :by)
				WHERE id = :id AND status NOT IN ('COMPLETED', 'CANCELLED') AND (:cancelled > 0 OR cancelled_at IS NOT NULL)
				RETURNING status
				""")
			.param("id", id)
			.param("cancelled", cancelled)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query((rs, n) -> new Cancelled(BatchStatus.valueOf(rs.getString(1)), cancelled))
			.optional();
	}

	/**
	 * @param status the batch's status after the cancellation
	 * @param items how many of its items this cancellation stopped
	 */
	record Cancelled(BatchStatus status, int items) {

	}

}

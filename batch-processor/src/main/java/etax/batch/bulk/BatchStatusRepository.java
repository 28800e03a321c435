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

	/**
	 * Leaves the batch {@code FAILED} for an officer, unless it has ended or its filer cancelled it and none of its
	 * items waits to be filed: that one must end {@code CANCELLED} ({@link BatchLifecycle#failed}), since no take-over
	 * claims a {@code FAILED} batch and nothing else would end it or tell its filer. Decided and written in one
	 * statement, which locks the batch's row: a cancellation, which updates the row too ({@link #cancel}), either
	 * updated it first, and this statement waits for it and reads the row again as it left it, or waits for the
	 * caller's transaction and finds the batch {@code FAILED}, which it then ends itself.
	 * @return whether the batch was left {@code FAILED}
	 */
	boolean fail(UUID id) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET status = 'FAILED'
				WHERE id = ? AND status NOT IN ('COMPLETED', 'CANCELLED') AND NOT (cancelled_at IS NOT NULL
					AND item_count = accepted + not_accepted + not_received + failed + cancelled)
				""").param(id).update() == 1;
	}

	/**
	 * Cancels the batch's items not filed yet, and marks the batch as cancelled, unless it has already
	 * ended; its job, finding nothing left to file, then ends it as {@code CANCELLED}, or, when no job runs it
	 * ({@code FAILED}), the caller does in the same transaction ({@link BulkFilings#cancel}). The status returned is
	 * the batch's row as this update locked it: a take-over that gives up on the batch ({@link #fail}) meanwhile
	 * either updated the row first, and this update waits for it and finds the batch {@code FAILED}, or waits for
	 * this transaction and sees the cancellation, so that a cancelled batch with nothing left to file is never left
	 * {@code FAILED}. A cancellation that
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

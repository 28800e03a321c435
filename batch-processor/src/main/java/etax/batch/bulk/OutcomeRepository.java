package etax.batch.bulk;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What declaration-api answered for the items, recorded with them and counted with their batch. The items
 * are locked before they are filed and before their status is read, so that a cancellation waits for the
 * items being filed, and an item recorded twice is counted once.
 */
@Repository
class OutcomeRepository {

	/** One statement for a chunk's outcomes, each column an array (as text, cast here). */
	private static final String RECORD = """
			UPDATE batch.bulk_item i SET status = o.status, http_status = o.http_status::int, replayed = o.replayed::boolean,
				return_id = o.return_id::uuid, transaction_code = o.transaction_code, tax_office_code = o.tax_office_code,
				receipt = o.receipt::jsonb, problem = o.problem::jsonb, attempts = i.attempts + 1, decided_at = ?
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				AS o (item_no, status, http_status, replayed, return_id, transaction_code, tax_office_code, receipt, problem)
			WHERE i.batch_id = ? AND i.item_no = o.item_no::int
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	OutcomeRepository(JdbcClient jdbc, JdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	/**
	 * Locks the items about to be filed that are still {@code PENDING}, until the caller's transaction
	 * ends: a cancellation waits for them, and cancels only the others.
	 * @return their numbers
	 */
	Set<Integer> lockPending(UUID batchId, Collection<Integer> itemNos) {
		return Set.copyOf(this.jdbc
			.sql("SELECT item_no FROM batch.bulk_item WHERE batch_id = ? AND item_no = ANY (?) AND status = 'PENDING'"
					+ " ORDER BY item_no FOR UPDATE")
			.params(batchId, itemNos.toArray(Integer[]::new))
			.query(Integer.class)
			.list());
	}

	/**
	 * Records what declaration-api answered, and counts it with the batch; in the chunk's transaction when
	 * called by the job, in a transaction of its own otherwise (there must be one). The items are locked
	 * before their status is read, so that two processes recording the same item (a batch taken over from
	 * a process that was only slow) count it once.
	 */
	void record(UUID batchId, List<ItemOutcome> outcomes, Instant at) {
		count(batchId, recordItems(batchId, outcomes, at));
	}

	/**
	 * Records the items' outcomes, not yet the batch's counts: a chunk filed in several requests records each
	 * request's items as it is answered, and counts them with the batch once ({@link #count}), so that the batch's
	 * row, which every partition counts on, is locked only at the chunk's end, not while its other requests are sent.
	 * A failure is not recorded over a decision declaration-api gave the item (accepted, not accepted, not received).
	 * @return how the batch's counts change, per status
	 */
	Map<ItemStatus, Integer> recordItems(UUID batchId, List<ItemOutcome> answered, Instant at) {
		Map<Integer, ItemStatus> before = new HashMap<>();
		this.jdbc.sql("SELECT item_no, status FROM batch.bulk_item WHERE batch_id = ? AND item_no = ANY (?)"
				+ " ORDER BY item_no FOR UPDATE")
			.params(batchId, answered.stream().map(ItemOutcome::itemNo).toArray(Integer[]::new))
			.query((rs) -> {
				before.put(rs.getInt(1), ItemStatus.valueOf(rs.getString(2)));
			});
		// an item declaration-api decided keeps that decision: a failure of the same item filed again at the same
		// time (a retry sent twice, one answered with its receipt, the other failing) does not replace it
		List<ItemOutcome> outcomes = answered.stream()
			.filter((outcome) -> outcome.status() != ItemStatus.FAILED || !decided(before.get(outcome.itemNo())))
			.toList();
		if (outcomes.isEmpty()) {
			return Map.of();
		}
		this.batchJdbc.update((connection) -> {
			PreparedStatement update = connection.prepareStatement(RECORD);
			update.setTimestamp(1, Timestamp.from(at));
			List<Function<ItemOutcome, @Nullable Object>> columns = List.of(ItemOutcome::itemNo, ItemOutcome::status,
					ItemOutcome::httpStatus, ItemOutcome::replayed, ItemOutcome::returnId, ItemOutcome::transactionCode,
					ItemOutcome::taxOfficeCode, ItemOutcome::receipt, ItemOutcome::problem);
			for (int c = 0; c < columns.size(); c++) {
				update.setArray(c + 2, connection.createArrayOf("text", column(outcomes, columns.get(c))));
			}
			update.setObject(columns.size() + 2, batchId);
			return update;
		});
		Map<ItemStatus, Integer> change = new EnumMap<>(ItemStatus.class);
		for (ItemOutcome outcome : outcomes) {
			change.merge(before.getOrDefault(outcome.itemNo(), ItemStatus.PENDING), -1, Integer::sum);
			change.merge(outcome.status(), 1, Integer::sum);
		}
		return change;
	}

	private static boolean decided(@Nullable ItemStatus status) {
		return status == ItemStatus.ACCEPTED || status == ItemStatus.NOT_ACCEPTED || status == ItemStatus.NOT_RECEIVED;
	}

	/**
	 * Counts outcomes with their batch.
	 * @param change how the counts change, per status ({@link #recordItems})
	 */
	void count(UUID batchId, Map<ItemStatus, Integer> change) {
		if (change.values().stream().allMatch((n) -> n == 0)) {
			return;
		}
		// a cancelled item recorded all the same (the writer locks its items first, so none should be) was filed
		this.jdbc.sql("""
				UPDATE batch.bulk_batch SET accepted = accepted + ?, not_accepted = not_accepted + ?,
					not_received = not_received + ?, failed = failed + ?, cancelled = cancelled + ?
				WHERE id = ?
				""")
			.params(change.getOrDefault(ItemStatus.ACCEPTED, 0), change.getOrDefault(ItemStatus.NOT_ACCEPTED, 0),
					change.getOrDefault(ItemStatus.NOT_RECEIVED, 0), change.getOrDefault(ItemStatus.FAILED, 0),
					change.getOrDefault(ItemStatus.CANCELLED, 0), batchId)
			.update();
	}

	private static @Nullable String[] column(List<ItemOutcome> outcomes,
			Function<ItemOutcome, ? extends @Nullable Object> value) {
		@Nullable String[] column = new String[outcomes.size()];
		for (int i = 0; i < column.length; i++) {
			Object v = value.apply(outcomes.get(i));
			column[i] = (v != null) ? v.toString() : null;
		}
		return column;
	}

}

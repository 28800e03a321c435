package etax.batch.bulk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of the batches: read for the job whoever asks, and for a caller as it may see them
 * ({@link CallerScope}: an officer only those filed with its office, the filer and national officers all).
 */
@Repository
class ItemRepository {

	private static final String ITEM = """
			SELECT item_no, name, status, transaction_code, return_id, replayed, (receipt -> 'findings')::text AS findings,
				problem::text AS problem, attempts, decided_at
			FROM batch.bulk_item
			""";

	private final JdbcClient jdbc;

	private final BatchRows rows;

	ItemRepository(JdbcClient jdbc, BatchRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * Counts the items of a batch the caller may see ({@link BatchRepository#find(UUID, Caller)} decides
	 * whether it may see the batch): all of them, or an officer's office's.
	 */
	long count(UUID id, @Nullable ItemStatus status, Caller caller) {
		return this.jdbc
			.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = :id AND " + CallerScope.items(caller)
					+ " AND (CAST(:status AS text) IS NULL OR status = :status)")
			.params(CallerScope.parameters(caller))
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	/** A page of the items of a batch the caller may see, in item order: all, or an officer's office's. */
	List<BatchItem> page(UUID id, @Nullable ItemStatus status, int page, int size, Caller caller) {
		return this.jdbc
			.sql(ITEM + " WHERE batch_id = :id AND " + CallerScope.items(caller)
					+ " AND (CAST(:status AS text) IS NULL OR status = :status) ORDER BY item_no LIMIT :limit OFFSET :offset")
			.params(CallerScope.parameters(caller))
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this.rows::item)
			.list();
	}

	/** An item, whoever asks: for the job and for answers to a caller already found to see it. */
	Optional<BatchItem> find(UUID id, int itemNo) {
		return this.jdbc.sql(ITEM + " WHERE batch_id = ? AND item_no = ?")
			.params(id, itemNo)
			.query(this.rows::item)
			.optional();
	}

	/** An item, if the caller may see it. */
	Optional<BatchItem> find(UUID id, int itemNo, Caller caller) {
		return this.jdbc.sql(ITEM + " WHERE batch_id = :id AND item_no = :itemNo AND " + CallerScope.items(caller))
			.params(CallerScope.parameters(caller))
			.param("id", id)
			.param("itemNo", itemNo)
			.query(this.rows::item)
			.optional();
	}

	/** The returns of some items of a batch, in item order: a request's worth, read as it is filed. */
	List<PendingItem> contents(UUID id, List<Integer> itemNos) {
		return this.jdbc.sql("""
				SELECT item_no, content FROM batch.bulk_item WHERE batch_id = ? AND item_no = ANY (?) ORDER BY item_no""")
			.params(id, itemNos.toArray(Integer[]::new))
			.query((rs, n) -> new PendingItem(id, rs.getInt(1), rs.getBytes(2)))
			.list();
	}

	Optional<PendingItem> content(UUID id, int itemNo) {
		return this.jdbc.sql("SELECT content FROM batch.bulk_item WHERE batch_id = ? AND item_no = ?")
			.params(id, itemNo)
			.query((rs, n) -> new PendingItem(id, itemNo, rs.getBytes(1)))
			.optional();
	}

	/** The partitions the batch's items were assigned to ({@link ItemPartitions}). */
	List<Integer> parts(UUID id) {
		return this.jdbc.sql("SELECT DISTINCT part FROM batch.bulk_item WHERE batch_id = ? ORDER BY part")
			.param(id)
			.query(Integer.class)
			.list();
	}

	/**
	 * How many of the batch's items still to be filed are not addressed to the office (or to none that
	 * could be read): an office officer's cancellation would stop returns of other offices.
	 */
	int pendingOutside(UUID id, String office) {
		return this.jdbc.sql("""
				SELECT count(*) FROM batch.bulk_item
				WHERE batch_id = ? AND status = 'PENDING' AND addressed_office_code IS DISTINCT FROM ?
				""").params(id, office).query(Integer.class).single();
	}

}

package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import etax.access.Caller;
import etax.access.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batches, their uploads and items in schema {@code batch}. What a caller may see is decided in the
 * query: its own batches for an agent or T-VAN, those with an item filed with its tax office for an
 * officer, all for a national officer; a batch outside the scope is not found. An officer sees, within
 * such a batch, only the items filed with its office (the tax office declaration-api answered for each
 * received item, the return's {@code maCQTNoiNop}, which is what declaration-api scopes an officer's
 * returns by), and the batch's counts are those of these items: another office's returns look like no
 * return at all (ADR 0012), in the counts too.
 */
@Repository
class BatchRepository {

	private static final String BATCH = """
			SELECT b.id, b.status, b.format, b.item_count, b.received_at, b.completed_at, b.accepted, b.not_accepted,
				b.not_received, b.failed, b.cancelled
			FROM batch.bulk_batch b
			""";

	/**
	 * A batch as an officer sees it: the counts of its office's items only, from the items (the batch's own
	 * counters are for every office); {@code bulk_item_tax_office} finds them.
	 */
	private static final String OFFICE_BATCH = """
			SELECT b.id, b.status, b.format, o.item_count, b.received_at, b.completed_at, o.accepted, o.not_accepted,
				o.not_received, o.failed, o.cancelled
			FROM batch.bulk_batch b CROSS JOIN LATERAL (SELECT count(*)::int AS item_count,
				count(*) FILTER (WHERE i.status = 'ACCEPTED')::int AS accepted,
				count(*) FILTER (WHERE i.status = 'NOT_ACCEPTED')::int AS not_accepted,
				count(*) FILTER (WHERE i.status = 'NOT_RECEIVED')::int AS not_received,
				count(*) FILTER (WHERE i.status = 'FAILED')::int AS failed,
				count(*) FILTER (WHERE i.status = 'CANCELLED')::int AS cancelled
				FROM batch.bulk_item i WHERE i.batch_id = b.id AND i.tax_office_code = :office) o
			""";

	private static final String ITEM = """
			SELECT item_no, name, status, transaction_code, return_id, replayed, (receipt -> 'findings')::text AS findings,
				problem::text AS problem, attempts, decided_at
			FROM batch.bulk_item
			""";

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

	private final JsonMapper json;

	BatchRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.json = json;
	}

	void insert(UUID id, Filer filer, Format format, byte[] upload, String uploadSha256, List<UploadedItem> items,
			ItemPartitions partitions, Instant at) {
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					item_count, status, received_at, heartbeat_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, now())
				""")
			.params(id, filer.subject(), filer.role().name(), filer.mst(), format.name(), upload.length, uploadSha256,
					items.size(), Timestamp.from(at))
			.update();
		// streams over the arrays rather than setBytes, which copies each one: an upload's file and returns
		// are counted once in UploadMemory, and the driver would otherwise hold them twice until sent
		this.batchJdbc.update("INSERT INTO batch.bulk_upload (batch_id, content) VALUES (?, ?)", (statement) -> {
			statement.setObject(1, id);
			statement.setBinaryStream(2, new ByteArrayInputStream(upload), upload.length);
		});
		int[] itemNo = { 0 };
		this.batchJdbc.batchUpdate(
				"INSERT INTO batch.bulk_item (batch_id, item_no, name, content, part, addressed_office_code, status)"
						+ " VALUES (?, ?, ?, ?, ?, ?, 'PENDING')",
				items, 500, (statement, item) -> {
					statement.setObject(1, id);
					statement.setInt(2, ++itemNo[0]);
					statement.setString(3, item.name());
					statement.setBinaryStream(4, new ByteArrayInputStream(item.content()), item.content().length);
					statement.setInt(5, partitions.of(itemNo[0], item.content()));
					statement.setString(6, AddressedOffice.of(item.content()).orElse(null));
				});
	}

	Optional<Batch> find(UUID id) {
		return this.jdbc.sql(BATCH + " WHERE b.id = ?").param(id).query(this::batch).optional();
	}

	Optional<Batch> find(UUID id, Caller caller) {
		return this.jdbc.sql(select(caller) + " WHERE b.id = :id AND " + scope(caller))
			.param("id", id)
			.params(scopeParameters(caller))
			.query(this::batch)
			.optional();
	}

	/** The batches a caller may see, newest first. */
	List<Batch> page(Caller caller, @Nullable BatchStatus status, int page, int size) {
		return this.jdbc
			.sql(select(caller) + " WHERE " + scope(caller)
					+ " AND (CAST(:status AS text) IS NULL OR b.status = :status)"
					+ " ORDER BY b.received_at DESC, b.id LIMIT :limit OFFSET :offset")
			.params(scopeParameters(caller))
			.param("status", (status != null) ? status.name() : null)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::batch)
			.list();
	}

	long count(Caller caller, @Nullable BatchStatus status) {
		return this.jdbc
			.sql("SELECT count(*) FROM batch.bulk_batch b WHERE " + scope(caller)
					+ " AND (CAST(:status AS text) IS NULL OR b.status = :status)")
			.params(scopeParameters(caller))
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	/**
	 * Counts the items of a batch the caller may see ({@link #find(UUID, Caller)} decides whether it may
	 * see the batch): all of them, or an officer's office's.
	 */
	long countItems(UUID id, @Nullable ItemStatus status, Caller caller) {
		return this.jdbc
			.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = :id AND " + itemScope(caller)
					+ " AND (CAST(:status AS text) IS NULL OR status = :status)")
			.params(scopeParameters(caller))
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	/** A page of the items of a batch the caller may see, in item order: all, or an officer's office's. */
	List<BatchItem> items(UUID id, @Nullable ItemStatus status, int page, int size, Caller caller) {
		return this.jdbc
			.sql(ITEM + " WHERE batch_id = :id AND " + itemScope(caller)
					+ " AND (CAST(:status AS text) IS NULL OR status = :status) ORDER BY item_no LIMIT :limit OFFSET :offset")
			.params(scopeParameters(caller))
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::item)
			.list();
	}

	/** An item, whoever asks: for the job and for answers to a caller already found to see it. */
	Optional<BatchItem> item(UUID id, int itemNo) {
		return this.jdbc.sql(ITEM + " WHERE batch_id = ? AND item_no = ?").params(id, itemNo).query(this::item).optional();
	}

	/** An item, if the caller may see it. */
	Optional<BatchItem> item(UUID id, int itemNo, Caller caller) {
		return this.jdbc.sql(ITEM + " WHERE batch_id = :id AND item_no = :itemNo AND " + itemScope(caller))
			.params(scopeParameters(caller))
			.param("id", id)
			.param("itemNo", itemNo)
			.query(this::item)
			.optional();
	}

	Optional<PendingItem> content(UUID id, int itemNo) {
		return this.jdbc.sql("SELECT content FROM batch.bulk_item WHERE batch_id = ? AND item_no = ?")
			.params(id, itemNo)
			.query((rs, n) -> new PendingItem(id, itemNo, rs.getBytes(1)))
			.optional();
	}

	Filer filer(UUID id) {
		return this.jdbc.sql("SELECT filer_subject, filer_role, filer_mst FROM batch.bulk_batch WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Filer(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
			.single();
	}

	/** The partitions the batch's items were assigned to ({@link ItemPartitions}). */
	List<Integer> parts(UUID id) {
		return this.jdbc.sql("SELECT DISTINCT part FROM batch.bulk_item WHERE batch_id = ? ORDER BY part")
			.param(id)
			.query(Integer.class)
			.list();
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
		Map<Integer, ItemStatus> before = new HashMap<>();
		this.jdbc.sql("SELECT item_no, status FROM batch.bulk_item WHERE batch_id = ? AND item_no = ANY (?)"
				+ " ORDER BY item_no FOR UPDATE")
			.params(batchId, outcomes.stream().map(ItemOutcome::itemNo).toArray(Integer[]::new))
			.query((rs) -> {
				before.put(rs.getInt(1), ItemStatus.valueOf(rs.getString(2)));
			});
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

	/**
	 * Cancels the batch's items not filed yet, and marks the batch as cancelled, unless it has already
	 * ended; its job, finding nothing left to file, then ends it as {@code CANCELLED}. A cancellation that
	 * finds nothing left to cancel (every item already has its outcome, the job just has not ended it yet)
	 * marks nothing: the batch then completes as {@code COMPLETED}, as its items were all filed, and its
	 * notice says so. The items are locked before the batch, as {@link #record} does, so that the two never
	 * wait for each other.
	 * @return the batch's status and how many items were cancelled, or empty when it had already ended
	 * ({@code COMPLETED} or {@code CANCELLED}) or had nothing left to cancel
	 */
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

	private static @Nullable String[] column(List<ItemOutcome> outcomes,
			Function<ItemOutcome, ? extends @Nullable Object> value) {
		@Nullable String[] column = new String[outcomes.size()];
		for (int i = 0; i < column.length; i++) {
			Object v = value.apply(outcomes.get(i));
			column[i] = (v != null) ? v.toString() : null;
		}
		return column;
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

	void fail(UUID id) {
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED' WHERE id = ? AND status NOT IN ('COMPLETED', 'CANCELLED')")
			.param(id)
			.update();
	}

	void heartbeat(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE batch.bulk_batch SET heartbeat_at = now() WHERE id IN (:ids)").param("ids", ids).update();
		}
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

	private Batch batch(ResultSet rs, int rowNum) throws SQLException {
		int items = rs.getInt("item_count");
		int accepted = rs.getInt("accepted");
		int notAccepted = rs.getInt("not_accepted");
		int notReceived = rs.getInt("not_received");
		int failed = rs.getInt("failed");
		int cancelled = rs.getInt("cancelled");
		return new Batch(rs.getObject("id", UUID.class), BatchStatus.valueOf(rs.getString("status")),
				Format.valueOf(rs.getString("format")), items,
				new Batch.Counts(items - accepted - notAccepted - notReceived - failed - cancelled, accepted + notAccepted,
						accepted, notAccepted, notReceived, failed, cancelled),
				instant(rs, "received_at"), instant(rs, "completed_at"));
	}

	private BatchItem item(ResultSet rs, int rowNum) throws SQLException {
		return new BatchItem(rs.getInt("item_no"), rs.getString("name"), ItemStatus.valueOf(rs.getString("status")),
				rs.getString("transaction_code"), rs.getObject("return_id", UUID.class),
				(Boolean) rs.getObject("replayed"), node(rs.getString("findings")), node(rs.getString("problem")),
				rs.getInt("attempts"), instant(rs, "decided_at"));
	}

	private @Nullable JsonNode node(@Nullable String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	/** How a caller sees a batch: an officer, with the counts of its office's items only. */
	private static String select(Caller caller) {
		return (caller.role() == Role.OFFICER) ? OFFICE_BATCH : BATCH;
	}

	/**
	 * The rows a caller may see, as a condition on {@code b}. A filer's by subject and role together, so
	 * that subjects of different roles (an agent's and a T-VAN's) never match each other's batches.
	 */
	private static String scope(Caller caller) {
		return switch (caller.role()) {
			case AGENT, TVAN -> "b.filer_subject = :subject AND b.filer_role = :role";
			case OFFICER -> "EXISTS (SELECT 1 FROM batch.bulk_item i WHERE i.batch_id = b.id AND i.tax_office_code = :office)";
			case NATIONAL_OFFICER -> "TRUE";
			case TAXPAYER, BANK, SERVICE -> "FALSE";
		};
	}

	/**
	 * The items of a batch the caller sees: an officer only those filed with its office (an item not
	 * received has no tax office, so no officer's but a national officer's); the filer and national
	 * officers all.
	 */
	private static String itemScope(Caller caller) {
		return (caller.role() == Role.OFFICER) ? "tax_office_code = :office" : "TRUE";
	}

	private static Map<String, Object> scopeParameters(Caller caller) {
		return Map.of("subject", caller.subject(), "role", caller.role().name(), "office",
				String.valueOf(caller.taxOffice()));
	}

	/**
	 * @param id the batch taken over
	 * @param attempts the runs it had before
	 */
	record Claim(UUID id, int attempts) {

	}

}

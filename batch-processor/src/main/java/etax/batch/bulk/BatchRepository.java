package etax.batch.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
 * officer, all for a national officer; a batch outside the scope is not found.
 */
@Repository
class BatchRepository {

	private static final String BATCH = """
			SELECT b.id, b.status, b.format, b.item_count, b.received_at, b.completed_at,
				(SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}') FROM (SELECT status, count(*) AS n
					FROM batch.bulk_item WHERE batch_id = b.id GROUP BY status) s)::text AS counts
			FROM batch.bulk_batch b
			""";

	private static final String ITEM = """
			SELECT item_no, name, status, transaction_code, return_id, replayed, (receipt -> 'findings')::text AS findings,
				problem::text AS problem, attempts, decided_at
			FROM batch.bulk_item
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
			Instant at) {
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					item_count, status, received_at, heartbeat_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, now())
				""")
			.params(id, filer.subject(), filer.role().name(), filer.mst(), format.name(), upload.length, uploadSha256,
					items.size(), Timestamp.from(at))
			.update();
		this.jdbc.sql("INSERT INTO batch.bulk_upload (batch_id, content) VALUES (?, ?)").params(id, upload).update();
		int[] itemNo = { 0 };
		this.batchJdbc.batchUpdate(
				"INSERT INTO batch.bulk_item (batch_id, item_no, name, content, status) VALUES (?, ?, ?, ?, 'PENDING')",
				items, 500, (statement, item) -> {
					statement.setObject(1, id);
					statement.setInt(2, ++itemNo[0]);
					statement.setString(3, item.name());
					statement.setBytes(4, item.content());
				});
	}

	Optional<Batch> find(UUID id) {
		return this.jdbc.sql(BATCH + " WHERE b.id = ?").param(id).query(this::batch).optional();
	}

	Optional<Batch> find(UUID id, Caller caller) {
		return this.jdbc.sql(BATCH + " WHERE b.id = :id AND " + scope(caller))
			.param("id", id)
			.param("subject", caller.subject())
			.param("office", String.valueOf(caller.taxOffice()))
			.query(this::batch)
			.optional();
	}

	/** The batches a caller may see, newest first. */
	List<Batch> page(Caller caller, @Nullable BatchStatus status, int page, int size) {
		return this.jdbc
			.sql(BATCH + " WHERE " + scope(caller) + " AND (CAST(:status AS text) IS NULL OR b.status = :status)"
					+ " ORDER BY b.received_at DESC, b.id LIMIT :limit OFFSET :offset")
			.param("subject", caller.subject())
			.param("office", String.valueOf(caller.taxOffice()))
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
			.param("subject", caller.subject())
			.param("office", String.valueOf(caller.taxOffice()))
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	long countItems(UUID id, @Nullable ItemStatus status) {
		return this.jdbc
			.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = :id AND (CAST(:status AS text) IS NULL OR status = :status)")
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	List<BatchItem> items(UUID id, @Nullable ItemStatus status, int page, int size) {
		return this.jdbc
			.sql(ITEM + " WHERE batch_id = :id AND (CAST(:status AS text) IS NULL OR status = :status)"
					+ " ORDER BY item_no LIMIT :limit OFFSET :offset")
			.param("id", id)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::item)
			.list();
	}

	Optional<BatchItem> item(UUID id, int itemNo) {
		return this.jdbc.sql(ITEM + " WHERE batch_id = ? AND item_no = ?").params(id, itemNo).query(this::item).optional();
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

	int itemCount(UUID id) {
		return this.jdbc.sql("SELECT item_count FROM batch.bulk_batch WHERE id = ?").param(id).query(Integer.class).single();
	}

	/** Records what declaration-api answered; in the chunk's transaction when called by the job. */
	void record(UUID batchId, List<ItemOutcome> outcomes, Instant at) {
		this.batchJdbc.batchUpdate("""
				UPDATE batch.bulk_item SET status = ?, http_status = ?, replayed = ?, return_id = ?, transaction_code = ?,
					tax_office_code = ?, receipt = ?::jsonb, problem = ?::jsonb, attempts = attempts + 1, decided_at = ?
				WHERE batch_id = ? AND item_no = ?
				""", outcomes, outcomes.size(), (statement, outcome) -> {
			statement.setString(1, outcome.status().name());
			statement.setInt(2, outcome.httpStatus());
			statement.setBoolean(3, outcome.replayed());
			statement.setObject(4, outcome.returnId());
			statement.setString(5, outcome.transactionCode());
			statement.setString(6, outcome.taxOfficeCode());
			statement.setString(7, outcome.receipt());
			statement.setString(8, outcome.problem());
			statement.setTimestamp(9, Timestamp.from(at));
			statement.setObject(10, batchId);
			statement.setInt(11, outcome.itemNo());
		});
	}

	/** The job started or restarted for the batch: one more attempt, alive now. */
	void processing(UUID id) {
		this.jdbc.sql("""
				UPDATE batch.bulk_batch SET status = 'PROCESSING', attempts = attempts + 1, heartbeat_at = now()
				WHERE id = ? AND status <> 'COMPLETED'
				""").param(id).update();
	}

	/** @return whether the batch was completed now (false when it already was) */
	boolean complete(UUID id, Instant at) {
		return this.jdbc.sql("""
				UPDATE batch.bulk_batch SET status = 'COMPLETED', completed_at = ?
				WHERE id = ? AND status <> 'COMPLETED'
				""").params(Timestamp.from(at), id).update() == 1;
	}

	void fail(UUID id) {
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED' WHERE id = ? AND status <> 'COMPLETED'")
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

	private Batch batch(ResultSet rs, int rowNum) throws SQLException {
		Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
		this.json.readTree(rs.getString("counts"))
			.properties()
			.forEach((entry) -> counts.put(ItemStatus.valueOf(entry.getKey()), entry.getValue().asInt()));
		int accepted = counts.getOrDefault(ItemStatus.ACCEPTED, 0);
		int notAccepted = counts.getOrDefault(ItemStatus.NOT_ACCEPTED, 0);
		return new Batch(rs.getObject("id", UUID.class), BatchStatus.valueOf(rs.getString("status")),
				Format.valueOf(rs.getString("format")), rs.getInt("item_count"),
				new Batch.Counts(counts.getOrDefault(ItemStatus.PENDING, 0), accepted + notAccepted, accepted, notAccepted,
						counts.getOrDefault(ItemStatus.NOT_RECEIVED, 0), counts.getOrDefault(ItemStatus.FAILED, 0)),
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

	/** The rows a caller may see, as a condition on {@code b}. */
	private static String scope(Caller caller) {
		return switch (caller.role()) {
			case AGENT, TVAN -> "b.filer_subject = :subject";
			case OFFICER -> "EXISTS (SELECT 1 FROM batch.bulk_item i WHERE i.batch_id = b.id AND i.tax_office_code = :office)";
			case NATIONAL_OFFICER -> "TRUE";
			case TAXPAYER, BANK, SERVICE -> "FALSE";
		};
	}

	/**
	 * @param id the batch taken over
	 * @param attempts the runs it had before
	 */
	record Claim(UUID id, int attempts) {

	}

}

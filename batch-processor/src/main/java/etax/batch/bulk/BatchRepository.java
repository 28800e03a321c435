package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.access.Caller;
import etax.access.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The batches in schema {@code batch}: a received batch stored with its upload and items, and the batches
 * read as a caller may see them ({@link CallerScope}); a batch outside the scope is not found. An officer
 * sees a batch with the counts of the items filed with its office only: another office's returns look like
 * no return at all (ADR 0012), in the counts too.
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

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	private final BatchRows rows;

	BatchRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, BatchRows rows) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.rows = rows;
	}

	/**
	 * Stores a batch, its upload and its items.
	 * @param key the filer's Idempotency-Key for the upload, if it gave one
	 * @throws org.springframework.dao.DuplicateKeyException if the filer stored another batch under the key since
	 * {@link #keyed} was asked
	 */
	void insert(UUID id, Filer filer, Format format, byte[] upload, String uploadSha256, @Nullable String key,
			List<UploadedItem> items, ItemPartitions partitions, Instant at) {
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, filer_mst, format, upload_size, upload_sha256,
					idempotency_key, item_count, status, received_at, heartbeat_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, now())
				""")
			.params(id, filer.subject(), filer.role().name(), filer.mst(), format.name(), upload.length, uploadSha256,
					key, items.size(), Timestamp.from(at))
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
		// its first heartbeat as it is committed, not as the insert began: a large batch stored for longer than the
		// lease would otherwise be claimed by another instance before its receiver launched it
		this.jdbc.sql("UPDATE batch.bulk_batch SET heartbeat_at = clock_timestamp() WHERE id = ?").param(id).update();
	}

	/**
	 * The batch a filer stored under an Idempotency-Key, if any.
	 * @return its id and the SHA-256 of its upload
	 */
	Optional<Keyed> keyed(Filer filer, String key) {
		return this.jdbc.sql("""
				SELECT id, upload_sha256 FROM batch.bulk_batch
				WHERE filer_subject = ? AND filer_role = ? AND idempotency_key = ?""")
			.params(filer.subject(), filer.role().name(), key)
			.query((row, n) -> new Keyed(row.getObject(1, UUID.class), row.getString(2)))
			.optional();
	}

	/**
	 * A batch stored under an Idempotency-Key.
	 * @param id the batch
	 * @param uploadSha256 the SHA-256 of its upload, hexadecimal
	 */
	record Keyed(UUID id, String uploadSha256) {

	}

	Optional<Batch> find(UUID id) {
		return this.jdbc.sql(BATCH + " WHERE b.id = ?").param(id).query(this.rows::batch).optional();
	}

	Optional<Batch> find(UUID id, Caller caller) {
		return this.jdbc.sql(select(caller) + " WHERE b.id = :id AND " + CallerScope.batches(caller))
			.param("id", id)
			.params(CallerScope.parameters(caller))
			.query(this.rows::batch)
			.optional();
	}

	/** The batches a caller may see, newest first. */
	List<Batch> page(Caller caller, @Nullable BatchStatus status, int page, int size) {
		return this.jdbc
			.sql(select(caller) + " WHERE " + CallerScope.batches(caller)
					+ " AND (CAST(:status AS text) IS NULL OR b.status = :status)"
					+ " ORDER BY b.received_at DESC, b.id LIMIT :limit OFFSET :offset")
			.params(CallerScope.parameters(caller))
			.param("status", (status != null) ? status.name() : null)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this.rows::batch)
			.list();
	}

	long count(Caller caller, @Nullable BatchStatus status) {
		return this.jdbc
			.sql("SELECT count(*) FROM batch.bulk_batch b WHERE " + CallerScope.batches(caller)
					+ " AND (CAST(:status AS text) IS NULL OR b.status = :status)")
			.params(CallerScope.parameters(caller))
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	Filer filer(UUID id) {
		return this.jdbc.sql("SELECT filer_subject, filer_role, filer_mst FROM batch.bulk_batch WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Filer(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
			.single();
	}

	/** How a caller sees a batch: an officer, with the counts of its office's items only. */
	private static String select(Caller caller) {
		return (caller.role() == Role.OFFICER) ? OFFICE_BATCH : BATCH;
	}

}

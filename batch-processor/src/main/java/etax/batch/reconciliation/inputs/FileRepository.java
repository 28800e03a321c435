package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The imported files: what each was, who sent it, the days it covers and the totals of its lines, which are
 * checked for a key that occurs twice. The lines themselves go in with COPY ({@link LineCopy}); a newer file
 * supersedes them ({@link FileSupersession}).
 */
@Repository
class FileRepository {

	private final JdbcClient jdbc;

	FileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextFileId() {
		return this.jdbc.sql("SELECT nextval(pg_get_serial_sequence('reconciliation.imported_file', 'file_id'))")
			.query(Long.class)
			.single();
	}

	Optional<ImportedFile> findByHash(String kind, String hash) {
		return this.jdbc.sql("SELECT file_id FROM reconciliation.imported_file WHERE kind = ? AND content_hash = ?")
			.params(kind, hash)
			.query(Long.class)
			.optional()
			.map(this::find);
	}

	ImportedFile find(long fileId) {
		List<LocalDate> days = this.jdbc.sql("SELECT business_day FROM reconciliation.file_day WHERE file_id = ? ORDER BY 1")
			.param(fileId)
			.query(LocalDate.class)
			.list();
		return this.jdbc.sql("""
				SELECT file_id, kind, source, file_reference, vouchers, lines, received_at, received_by, channel
				FROM reconciliation.imported_file WHERE file_id = ?""")
			.param(fileId)
			.query((row, n) -> new ImportedFile(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
					days, row.getInt(5), row.getInt(6), row.getObject(7, OffsetDateTime.class).toInstant(),
					row.getString(8), row.getString(9), List.of(), false))
			.single();
	}

	/** @return false when a file with the same content was imported meanwhile */
	boolean insert(long fileId, ParsedFile file, String hash, Instant receivedAt, String receivedBy, String channel) {
		int inserted = this.jdbc.sql("""
				INSERT INTO reconciliation.imported_file (file_id, kind, source, file_reference, content_hash, first_day,
				    last_day, vouchers, lines, received_at, received_by, channel, generated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, content_hash) DO NOTHING""")
			.params(fileId, file.kind(), file.source(), file.fileReference(), hash, file.firstDay(), file.lastDay(),
					file.vouchers(), file.lines(), OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC), receivedBy,
					channel, (file.generatedAt() != null) ? OffsetDateTime.ofInstant(file.generatedAt(), ZoneOffset.UTC)
							: null)
			.update();
		if (inserted == 0) {
			return false;
		}
		file.linesPerDay()
			.forEach((day, lines) -> this.jdbc
				.sql("INSERT INTO reconciliation.file_day (file_id, business_day, lines) VALUES (?, ?, ?)")
				.params(fileId, day, lines)
				.update());
		return true;
	}

	/** Counts the file's lines per currency, while they are all there (a later file deletes them). */
	void recordTotals(long fileId, ParsedFile file) {
		String lines = "BANK".equals(file.kind()) ? "reconciliation.bank_file_line" : "reconciliation.treasury_statement_line";
		this.jdbc.sql("INSERT INTO reconciliation.file_total (file_id, currency, lines, amount)"
				+ " SELECT file_id, currency, count(*), sum(amount) FROM " + lines
				+ " WHERE business_day BETWEEN ? AND ? AND file_id = ? GROUP BY file_id, currency")
			.params(file.firstDay(), file.lastDay(), fileId)
			.update();
	}

	/** A file as imported, with its totals and the days for which it is still current. */
	Optional<ImportedFileView> view(long fileId) {
		List<FileTotal> totals = this.jdbc
			.sql("SELECT currency, lines, amount FROM reconciliation.file_total WHERE file_id = ? ORDER BY currency")
			.param(fileId)
			.query((row, n) -> new FileTotal(row.getString(1), row.getInt(2), row.getBigDecimal(3)))
			.list();
		List<LocalDate> current = this.jdbc
			.sql("SELECT business_day FROM reconciliation.file_day WHERE file_id = ? AND superseded_by IS NULL ORDER BY 1")
			.param(fileId)
			.query(LocalDate.class)
			.list();
		return this.jdbc.sql("SELECT file_id FROM reconciliation.imported_file WHERE file_id = ?")
			.param(fileId)
			.query(Long.class)
			.optional()
			.map(this::find)
			.map((file) -> new ImportedFileView(file.fileId(), file.kind(), file.source(), file.fileReference(),
					file.days(), file.vouchers(), file.lines(), totals, file.receivedAt(), file.receivedBy(),
					file.channel(), current));
	}

	/**
	 * The first key that occurs twice in a treasury statement, if any; a bank's file repeating a voucher's
	 * reference is refused as it is read ({@link BankVoucher}), by the voucher's place.
	 */
	Optional<String> duplicateKey(long fileId, ParsedFile file) {
		if ("BANK".equals(file.kind())) {
			// a voucher's first line names it; its reference is not quoted (a taxpayer's payment's goes into no log)
			return this.jdbc.sql("""
					SELECT 'MA_THAMCHIEU of a voucher' FROM reconciliation.bank_file_line
					WHERE business_day BETWEEN ? AND ? AND file_id = ? AND line_number = 1
					GROUP BY bank_reference HAVING count(*) > 1 LIMIT 1""")
				.params(file.firstDay(), file.lastDay(), fileId)
				.query(String.class)
				.optional();
		}
		return this.jdbc.sql("""
				SELECT 'posting_id ' || posting_id FROM reconciliation.treasury_statement_line
				WHERE business_day BETWEEN ? AND ? AND file_id = ? GROUP BY posting_id HAVING count(*) > 1 LIMIT 1""")
			.params(file.firstDay(), file.lastDay(), fileId)
			.query(String.class)
			.optional();
	}

}

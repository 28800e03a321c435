package etax.batch.reconciliation.inputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The imported files and their lines. Lines go in with COPY on the transaction's connection; a newer file
 * of a source for a day supersedes the older one's lines of that day, and every import raises the
 * revision of the days it touched.
 */
@Repository
class FileRepository {

	static final String COPY_BANK = """
			COPY reconciliation.bank_file_line (file_id, business_day, bank_code, bank_reference, line_number,
			    voucher_number, payer_mst, currency, amount, chapter, sub_item, tax_period, area_code,
			    collecting_agency_code, treasury_code, treasury_account, status) FROM STDIN""";

	static final String COPY_TREASURY = """
			COPY reconciliation.treasury_statement_line (file_id, business_day, posting_id, treasury_code,
			    treasury_account, chapter, sub_item, area_code, amount, currency) FROM STDIN""";

	/** Where PostgreSQL says a COPY failed: {@code COPY table, line 3, column amount: "…"}. */
	private static final Pattern COPY_WHERE = Pattern.compile("line (\\d+), column (\\w+)");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	FileRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	long nextFileId() {
		return this.jdbc.sql("SELECT nextval(pg_get_serial_sequence('reconciliation.imported_file', 'file_id'))")
			.query(Long.class)
			.single();
	}

	/** Reads a file into a COPY on the current transaction's connection. */
	ParsedFile copy(String copy, FileReader reader, InputStream in, long fileId) throws IOException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16);
			try {
				Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
				ParsedFile parsed = reader.read(in, fileId, new CopyText(writer));
				writer.flush();
				stream.endCopy();
				return parsed;
			}
			finally {
				if (stream.isActive()) {
					stream.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw refusedOr(ex, new IOException("COPY failed", ex));
		}
		catch (IOException ex) {
			throw (ex.getCause() instanceof SQLException sql) ? refusedOr(sql, ex) : ex;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * A value PostgreSQL refused (SQL state class 22, data exception: out of range, not a date) is the
	 * file's fault, whatever the readers missed: refused with the row and column, never the value (which
	 * may be a taxpayer's). Anything else is the database's, and stays an I/O failure.
	 */
	private static IOException refusedOr(SQLException ex, IOException otherwise) {
		String state = ex.getSQLState();
		if (state == null || !state.startsWith("22")) {
			return otherwise;
		}
		ServerErrorMessage message = (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
		String where = (message != null) ? message.getWhere() : null;
		Matcher at = COPY_WHERE.matcher((where != null) ? where : "");
		throw InvalidFileException.of((at.find() ? "Voucher line " + at.group(1) + ", column " + at.group(2)
				: "A value") + ": out of range for its column");
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

	/** The first key that occurs twice in a file, if any. */
	Optional<String> duplicateKey(long fileId, ParsedFile file) {
		if ("BANK".equals(file.kind())) {
			return this.jdbc.sql("""
					SELECT 'MA_THAMCHIEU ' || bank_reference || ' ROW_CTIET ' || line_number
					FROM reconciliation.bank_file_line WHERE business_day BETWEEN ? AND ? AND bank_code = ? AND file_id = ?
					GROUP BY bank_reference, line_number HAVING count(*) > 1 LIMIT 1""")
				.params(file.firstDay(), file.lastDay(), file.source(), fileId)
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

	/**
	 * Makes a file the current one of its source for its days: a bank's older files' lines of those days go; a
	 * treasury statement replaces the statements of its own day only (see {@link #supersedeStatements}). Imports of
	 * one source take turns from here to their commit (a transaction-scoped advisory lock on kind and source):
	 * under READ COMMITTED an import sees only files already committed, so two at once would each keep the
	 * other's lines, and the day would hold both (its reconciliation then fails on the duplicate line keys).
	 * The one that waited sees the other's file, and supersedes it.
	 * @return the days already reconciled, now reopened
	 */
	List<LocalDate> supersede(long fileId, ParsedFile file) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('reconciliation import ' || ? || ' ' || ?, 0))")
			.params(file.kind(), file.source())
			.query((row, n) -> n)
			.list();
		String[] days = file.days().stream().map(LocalDate::toString).toArray(String[]::new);
		refuseIfOutdated(fileId, file, days);
		String[] touched = "BANK".equals(file.kind()) ? supersedeBankFiles(fileId, file, days)
				: supersedeStatements(fileId, file, days);
		return this.jdbc.sql("""
				WITH bumped AS (
				    INSERT INTO reconciliation.day AS d (business_day, revision) SELECT unnest(?::date[]), 1
				    ON CONFLICT (business_day) DO UPDATE SET revision = d.revision + 1
				    RETURNING business_day, reconciled_revision)
				SELECT business_day FROM bumped WHERE reconciled_revision IS NOT NULL ORDER BY 1""")
			.param(touched)
			.query(LocalDate.class)
			.list();
	}

	/** A bank's file covers every day of its range: the bank's older files of those days go. */
	private String[] supersedeBankFiles(long fileId, ParsedFile file, String[] days) {
		this.jdbc.sql("""
				UPDATE reconciliation.file_day d SET superseded_by = ?
				FROM reconciliation.imported_file f
				WHERE f.file_id = d.file_id AND f.kind = ? AND f.source = ? AND d.file_id <> ?
				    AND d.superseded_by IS NULL AND d.business_day = ANY (?::date[])""")
			.params(fileId, file.kind(), file.source(), fileId, days)
			.update();
		this.jdbc.sql("""
				DELETE FROM reconciliation.bank_file_line
				WHERE bank_code = ? AND business_day = ANY (?::date[]) AND file_id <> ?""")
			.params(file.source(), days, fileId)
			.update();
		return days;
	}

	/**
	 * The treasury's statement is the statement of its last value date (the layout has no header to name its
	 * day): it replaces, whole, the statements of that same day (a corrected statement), and nothing else. Its
	 * rows of earlier value dates (postings the treasury back-valued) are added to their days beside those days'
	 * own statements, replacing only a row of the same posting there. Until 2027-01 a back-valued row deleted
	 * every other statement's rows of its day: the day's own statement, all but that row, was gone.
	 * @return the days whose lines changed
	 */
	private String[] supersedeStatements(long fileId, ParsedFile file, String[] days) {
		List<LocalDate> replaced = this.jdbc.sql("""
				UPDATE reconciliation.file_day d SET superseded_by = ?
				FROM reconciliation.imported_file f
				WHERE f.file_id = d.file_id AND f.kind = 'TREASURY' AND f.source = ? AND d.file_id <> ?
				    AND d.superseded_by IS NULL AND f.last_day = ?
				RETURNING d.business_day""")
			.params(fileId, file.source(), fileId, file.lastDay())
			.query(LocalDate.class)
			.list();
		this.jdbc.sql("""
				DELETE FROM reconciliation.treasury_statement_line l
				USING reconciliation.imported_file f
				WHERE f.file_id = l.file_id AND f.kind = 'TREASURY' AND f.source = ? AND f.file_id <> ? AND f.last_day = ?
				    AND l.business_day BETWEEN f.first_day AND f.last_day""")
			.params(file.source(), fileId, file.lastDay())
			.update();
		this.jdbc.sql("""
				DELETE FROM reconciliation.treasury_statement_line o
				USING reconciliation.treasury_statement_line n
				WHERE n.file_id = ? AND n.business_day = ANY (?::date[]) AND o.business_day = n.business_day
				    AND o.posting_id = n.posting_id AND o.file_id <> n.file_id""")
			.params(fileId, days)
			.update();
		return Stream.concat(Arrays.stream(days), replaced.stream().map(LocalDate::toString))
			.distinct()
			.toArray(String[]::new);
	}

	/**
	 * Refuses a file its sender generated before a file of the same source in force for one of its days: the
	 * last file imported would otherwise win, whatever order the bank generated them in (an inbox's name order,
	 * a retry that arrives late). Run under the source's lock, so that it compares with every file committed.
	 * Files without a generation time are ordered by arrival.
	 * @throws OutdatedFileException naming the file in force and the day
	 */
	private void refuseIfOutdated(long fileId, ParsedFile file, String[] days) {
		Instant generatedAt = file.generatedAt();
		if (generatedAt == null) {
			return;
		}
		this.jdbc.sql("""
				SELECT f.file_id, f.file_reference, f.generated_at, d.business_day
				FROM reconciliation.file_day d JOIN reconciliation.imported_file f ON f.file_id = d.file_id
				WHERE f.kind = ? AND f.source = ? AND d.file_id <> ? AND d.superseded_by IS NULL
				    AND d.business_day = ANY (?::date[]) AND f.generated_at > ?
				ORDER BY f.generated_at DESC, d.business_day LIMIT 1""")
			.params(file.kind(), file.source(), fileId, days, OffsetDateTime.ofInstant(generatedAt, ZoneOffset.UTC))
			.query((row, n) -> OutdatedFileException.olderThan(file.fileReference(), generatedAt, row.getLong(1),
					row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant(),
					row.getObject(4, LocalDate.class)))
			.optional()
			.ifPresent((outdated) -> {
				throw outdated;
			});
	}

	/** Reads a daily file into COPY rows. */
	@FunctionalInterface
	interface FileReader {

		ParsedFile read(InputStream in, long fileId, CopyText out) throws IOException;

	}

}

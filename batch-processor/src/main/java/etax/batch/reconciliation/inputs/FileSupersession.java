package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import etax.batch.BatchProcessorProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes an imported file the current one of its source for its days: a newer file of a source for a day
 * supersedes the older one's lines of that day, and every import raises the revision of the days it touched.
 */
@Repository
class FileSupersession {

	private final JdbcClient jdbc;

	private final int valueDateWindowDays;

	FileSupersession(JdbcClient jdbc, BatchProcessorProperties properties) {
		this.jdbc = jdbc;
		this.valueDateWindowDays = properties.reconciliation().valueDateWindowDays();
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
	 * own statements, setting aside only a row of the same posting there ({@code replaced_by}): when a corrected
	 * statement drops the back-valued row, the row it set aside stands again (its own {@code replaced_by}, in case
	 * a third statement had back-valued the posting since). Until 2026-12 the row set aside was deleted, and the
	 * correction lost the posting. A row valued after its payment's date, within {@code value-date-window-days}, is
	 * the treasury leg of the payment's line on the payment's day: the payment days of the postings of its rows and
	 * of the rows it replaces are touched too ({@link #paymentDays}).
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
		List<LocalDate> paymentDays = paymentDays(fileId, file);
		this.jdbc.sql("""
				UPDATE reconciliation.treasury_statement_line o SET replaced_by = l.replaced_by
				FROM reconciliation.treasury_statement_line l JOIN reconciliation.imported_file f ON f.file_id = l.file_id
				WHERE f.kind = 'TREASURY' AND f.source = ? AND f.file_id <> ? AND f.last_day = ?
				    AND o.replaced_by = l.file_id AND o.business_day = l.business_day AND o.posting_id = l.posting_id""")
			.params(file.source(), fileId, file.lastDay())
			.update();
		this.jdbc.sql("""
				DELETE FROM reconciliation.treasury_statement_line l
				USING reconciliation.imported_file f
				WHERE f.file_id = l.file_id AND f.kind = 'TREASURY' AND f.source = ? AND f.file_id <> ? AND f.last_day = ?
				    AND l.business_day BETWEEN f.first_day AND f.last_day""")
			.params(file.source(), fileId, file.lastDay())
			.update();
		this.jdbc.sql("""
				UPDATE reconciliation.treasury_statement_line o SET replaced_by = n.file_id
				FROM reconciliation.treasury_statement_line n
				WHERE n.file_id = ? AND n.business_day = ANY (?::date[]) AND o.business_day = n.business_day
				    AND o.posting_id = n.posting_id AND o.file_id <> n.file_id AND o.replaced_by IS NULL""")
			.params(fileId, days)
			.update();
		// in order, as a bank file's import locks its days: two imports lock shared days in the same order
		return Stream.of(Arrays.stream(days), replaced.stream().map(LocalDate::toString),
				paymentDays.stream().map(LocalDate::toString))
			.flatMap((stream) -> stream)
			.distinct()
			.sorted()
			.toArray(String[]::new);
	}

	/**
	 * The days before a row's value date, within {@code value-date-window-days}, on which the tax side has the
	 * posting of a row of the statement or of a row of the statements it replaces (the gateway's view
	 * {@code payment.reconciliation_confirmation_lines_v1}): the row is, or was, the treasury leg of that day's line.
	 * One statement, a look-up by posting id per row (a posting has one line on the tax side), the view read only
	 * for the payment days the window allows.
	 */
	private List<LocalDate> paymentDays(long fileId, ParsedFile file) {
		if (this.valueDateWindowDays == 0) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT DISTINCT v.payment_date
				FROM (SELECT posting_id, business_day FROM reconciliation.treasury_statement_line
				      WHERE business_day BETWEEN :first AND :last AND file_id = :file
				      UNION ALL
				      SELECT l.posting_id, l.business_day
				      FROM reconciliation.treasury_statement_line l
				      JOIN reconciliation.imported_file f ON f.file_id = l.file_id
				      WHERE f.kind = 'TREASURY' AND f.source = :source AND f.file_id <> :file AND f.last_day = :last
				          AND l.business_day BETWEEN f.first_day AND f.last_day AND l.replaced_by IS NULL) l
				JOIN payment.reconciliation_confirmation_lines_v1 v ON v.posting_id = l.posting_id
				WHERE v.line_number IS NOT NULL AND v.payment_date < l.business_day
				    AND v.payment_date >= l.business_day - :window
				    AND v.payment_date >= (SELECT least(CAST(:first AS date), min(f.first_day))
				        FROM reconciliation.imported_file f
				        WHERE f.kind = 'TREASURY' AND f.source = :source AND f.file_id <> :file AND f.last_day = :last)
				        - :window
				    AND v.payment_date < :last
				ORDER BY 1""")
			.param("first", file.firstDay())
			.param("last", file.lastDay())
			.param("file", fileId)
			.param("source", file.source())
			.param("window", this.valueDateWindowDays)
			.query(LocalDate.class)
			.list();
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

}

package etax.batch.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import etax.batch.reconciliation.ReconciliationDay.DayFile;
import etax.batch.reconciliation.ReconciliationDay.Status;
import etax.batch.reconciliation.ReconciliationDay.Total;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reconciliation days as the imports and runs left them: a day's revision against the one last reconciled,
 * its totals per tax office, its current files and the banks whose file it still lacks.
 */
@Repository
class DayRepository {

	private final JdbcClient jdbc;

	DayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the treasury's statement of a day came: a statement whose last value date is the day. Another day's
	 * statement with a row valued on it (a posting back-valued) is not it: until 2026-12 it counted, and a day whose
	 * own statement was late ran without it, every line short of its treasury leg. A Saturday or Sunday, which has
	 * no statement of its own (its postings are valued on the Monday after), has it once the Monday's came.
	 */
	private boolean treasuryStatementOf(LocalDate day) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM reconciliation.imported_file WHERE kind = 'TREASURY' AND (last_day = :day
				    OR (EXTRACT(ISODOW FROM CAST(:day AS date)) IN (6, 7)
				        AND last_day = CAST(:day AS date) + 8 - EXTRACT(ISODOW FROM CAST(:day AS date))::integer)))""")
			.param("day", day)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A day: its status, totals and inputs.
	 * @param day the day
	 * @param scope whose lines the totals add up
	 * @return the day, NOT_RUN with no totals when nothing is known of it
	 */
	ReconciliationDay read(LocalDate day, OfficeScope scope) {
		List<Total> totals = this.jdbc.sql("""
				SELECT class, currency, sum(lines), sum(amount) FROM reconciliation.day_total
				WHERE business_day = :day AND (CAST(:office AS text) IS NULL OR tax_office = :office)
				GROUP BY class, currency ORDER BY class, currency""")
			.param("day", day)
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.query((row, n) -> {
				LineClass lineClass = LineClass.valueOf(row.getString(1));
				return new Total(lineClass, lineClass.bankReport(), row.getString(2), row.getLong(3),
						row.getBigDecimal(4));
			})
			.list();
		List<DayFile> files = this.jdbc.sql("""
				SELECT f.file_id, f.kind, f.source, d.lines, f.received_at, f.received_by
				FROM reconciliation.file_day d JOIN reconciliation.imported_file f ON f.file_id = d.file_id
				WHERE d.business_day = ? AND d.superseded_by IS NULL ORDER BY f.kind, f.source""")
			.param(day)
			.query((row, n) -> new DayFile(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
					instant(row, 5), row.getString(6)))
			.list();
		List<String> banksWithoutFile = banksWithoutFile(day);
		boolean treasury = treasuryStatementOf(day);
		return this.jdbc.sql("""
				SELECT revision, reconciled_revision, last_execution_id, last_run_by, last_run_at
				FROM reconciliation.day WHERE business_day = ?""").param(day).query((row, n) -> {
			long revision = row.getLong(1);
			Long reconciled = row.getObject(2, Long.class);
			Status status = (reconciled == null) ? Status.NOT_RUN
					: (revision > reconciled) ? Status.REOPENED : Status.RECONCILED;
			return new ReconciliationDay(day, status, revision, row.getObject(3, Long.class), row.getString(4),
					(row.getObject(5) != null) ? instant(row, 5) : null, totals, files, banksWithoutFile, treasury);
		})
			.optional()
			.orElseGet(() -> new ReconciliationDay(day, Status.NOT_RUN, 0, null, null, null, totals, files,
					banksWithoutFile, treasury));
	}

	/**
	 * Days not run yet, and days reopened since their last run, from oldest to newest.
	 * @param from the first day to consider
	 * @param to the last
	 * @return the days
	 */
	List<LocalDate> unreconciled(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT d::date FROM generate_series(?::date, ?::date, interval '1 day') AS d
				WHERE NOT EXISTS (SELECT 1 FROM reconciliation.day r WHERE r.business_day = d::date
				    AND r.reconciled_revision IS NOT NULL AND r.revision <= r.reconciled_revision)
				ORDER BY 1""").params(from, to).query(LocalDate.class).list();
	}

	private List<String> banksWithoutFile(LocalDate day) {
		return this.jdbc.sql("""
				SELECT DISTINCT v.bank_code FROM payment.reconciliation_confirmation_lines_v1 v
				WHERE v.payment_date = ? AND NOT EXISTS (SELECT 1 FROM reconciliation.file_day d
				    JOIN reconciliation.imported_file f ON f.file_id = d.file_id
				    WHERE f.kind = 'BANK' AND f.source = v.bank_code AND d.business_day = v.payment_date
				        AND d.superseded_by IS NULL)
				ORDER BY 1""").param(day).query(String.class).list();
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

}

package etax.batch.reconciliation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.jobs.JobExecutions;
import etax.batch.reconciliation.ReconciliationDay.DayFile;
import etax.batch.reconciliation.ReconciliationDay.Status;
import etax.batch.reconciliation.ReconciliationDay.Total;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs the reconciliation of a day and reads what it found: the day, its totals and its lines.
 */
@Service
public class ReconciliationDays {

	private final Job reconciliationJob;

	private final JobExecutions jobExecutions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BatchProcessorProperties.Reconciliation settings;

	ReconciliationDays(Job reconciliationJob, JobExecutions jobExecutions, JdbcClient jdbc, Clock clock,
			BatchProcessorProperties properties) {
		this.reconciliationJob = reconciliationJob;
		this.jobExecutions = jobExecutions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.reconciliation();
	}

	/**
	 * The last business day that has ended, the default day to run.
	 * @return yesterday in Asia/Ho_Chi_Minh
	 */
	public LocalDate lastClosedDay() {
		return BusinessDays.yesterday(this.clock);
	}

	/**
	 * The earliest day that may be reconciled: {@code etax.batch.reconciliation.earliest-day}, or ten years
	 * before today (the collection limit of tax years).
	 * @return the day
	 */
	public LocalDate earliestDay() {
		return ReconciliationJobConfiguration.earliestDay(this.settings, this.clock);
	}

	/**
	 * Runs {@code reconciliationJob} for a day, as a new job instance: running a day again replaces its
	 * classification from all the inputs known now.
	 * @param day a day that has ended
	 * @param launchedBy who launches it: an officer's subject, or the schedule
	 * @return the execution, ended
	 * @throws etax.batch.jobs.JobParametersRejectedException when the day has not ended, or is before
	 * {@link #earliestDay()}
	 */
	public JobExecutionSummary run(LocalDate day, String launchedBy) {
		return this.jobExecutions.start(this.reconciliationJob,
				new JobParametersBuilder().addLocalDate(ReconciliationJobConfiguration.BUSINESS_DAY, day)
					.addString(ReconciliationJobConfiguration.LAUNCH_ID, UUID.randomUUID().toString())
					.addString(ReconciliationJobConfiguration.LAUNCHED_BY, launchedBy, false)
					.toJobParameters());
	}

	/**
	 * A day: its status, totals and inputs.
	 * @param day the day
	 * @param scope whose lines the totals add up, as {@link #lines} shows them
	 * @return the day, NOT_RUN with no totals when nothing is known of it
	 */
	public ReconciliationDay day(LocalDate day, OfficeScope scope) {
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
		boolean treasury = files.stream().anyMatch((file) -> "TREASURY".equals(file.kind()));
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
	 * Whether a day has every file it needs: the treasury's statement, and a file from every bank with lines
	 * on the tax side.
	 * @param day the day
	 * @return true when nothing is missing
	 */
	boolean ready(LocalDate day) {
		ReconciliationDay reconciliationDay = day(day, OfficeScope.NATIONAL);
		return reconciliationDay.treasuryStatement() && reconciliationDay.banksWithoutFile().isEmpty();
	}

	/**
	 * Days not run yet, and days reopened since their last run, from oldest to newest, none before
	 * {@link #earliestDay()}.
	 * @param from the first day to consider
	 * @param to the last
	 * @return the days
	 */
	List<LocalDate> pending(LocalDate from, LocalDate to) {
		LocalDate earliest = earliestDay();
		return this.jdbc.sql("""
				SELECT d::date FROM generate_series(?::date, ?::date, interval '1 day') AS d
				WHERE NOT EXISTS (SELECT 1 FROM reconciliation.day r WHERE r.business_day = d::date
				    AND r.reconciled_revision IS NOT NULL AND r.revision <= r.reconciled_revision)
				ORDER BY 1""").params(from.isBefore(earliest) ? earliest : from, to).query(LocalDate.class).list();
	}

	/**
	 * A page of a day's lines, in the caller's scope.
	 * @param day the day
	 * @param lineClass only this class, or all
	 * @param scope whose lines
	 * @param page the page, from 0
	 * @param size lines per page
	 * @return the page
	 */
	public LinePage lines(LocalDate day, @Nullable LineClass lineClass, OfficeScope scope, int page, int size) {
		String where = " WHERE business_day = :day AND (CAST(:class AS text) IS NULL OR class = :class)"
				+ " AND (CAST(:office AS text) IS NULL OR tax_office = :office)";
		String className = (lineClass != null) ? lineClass.name() : null;
		List<ReconciledLine> lines = this.jdbc.sql("SELECT * FROM reconciliation.line" + where
				+ " ORDER BY line_key LIMIT :size OFFSET :offset")
			.param("day", day)
			.param("class", className, Types.VARCHAR)
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(ReconciliationDays::line)
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM reconciliation.line" + where)
			.param("day", day)
			.param("class", className, Types.VARCHAR)
			.param("office", scope.taxOffice(), Types.VARCHAR)
			.query(Long.class)
			.single();
		return new LinePage(lines, page, size, total);
	}

	/**
	 * One line of a day as last classified.
	 * @param day the day
	 * @param lineKey the line's key
	 * @return the line, unless the last run did not have it
	 */
	public Optional<ReconciledLine> line(LocalDate day, String lineKey) {
		return this.jdbc.sql("SELECT * FROM reconciliation.line WHERE business_day = ? AND line_key = ?")
			.params(day, lineKey)
			.query(ReconciliationDays::line)
			.optional();
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

	private static ReconciledLine line(ResultSet row, int n) throws SQLException {
		Array mismatched = row.getArray("mismatched");
		return new ReconciledLine(row.getString("line_key"), LineClass.valueOf(row.getString("class")),
				row.getString("currency"), row.getBigDecimal("amount"), row.getString("bank_code"),
				row.getString("bank_reference"), row.getObject("line_number", Integer.class),
				row.getObject("posting_id", UUID.class), row.getString("tax_office"), row.getString("treasury_code"),
				row.getString("tax_status"),
				row.getString("bank_status"), row.getString("treasury_status"),
				(mismatched != null) ? Arrays.asList((String[]) mismatched.getArray()) : List.of(), coding(row, "tax"),
				coding(row, "bank"), coding(row, "treasury"));
	}

	private static ReconciledLine.@Nullable Coding coding(ResultSet row, String leg) throws SQLException {
		String chapter = row.getString(leg + "_chapter");
		if (chapter == null) {
			return null;
		}
		// the treasury's statement carries no collecting agency, payer or period: reconciliation.line has no
		// columns for them
		boolean voucher = !"treasury".equals(leg);
		return new ReconciledLine.Coding(chapter, row.getString(leg + "_sub_item"), row.getString(leg + "_area"),
				row.getBigDecimal(leg + "_amount"), row.getString(leg + "_currency"), row.getString(leg + "_treasury_code"),
				row.getString(leg + "_treasury_account"), voucher ? row.getString(leg + "_collecting_agency") : null,
				voucher ? row.getString(leg + "_payer_mst") : null, voucher ? row.getString(leg + "_tax_period") : null);
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * @param items the lines
	 * @param page the page, from 0
	 * @param size the page size
	 * @param totalItems lines in all pages
	 */
	public record LinePage(List<ReconciledLine> items, int page, int size, long totalItems) {

	}

}

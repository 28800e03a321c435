package etax.batch.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replaces the classification of a day as a whole: its lines classified again ({@link LineClassifier}), their
 * totals kept per tax office (each line belongs to the tax office of its collecting agency,
 * {@link CollectingAgencyOffices}), and the run recorded with the revision of the day it read.
 */
@Repository
class Classification {

	private static final String WORK_MEM = "128MB";

	private final JdbcClient jdbc;

	private final LineClassifier classifier;

	private final CollectingAgencyOffices offices;

	Classification(JdbcClient jdbc, LineClassifier classifier, CollectingAgencyOffices offices) {
		this.jdbc = jdbc;
		this.classifier = classifier;
		this.offices = offices;
	}

	/**
	 * Replaces the classification of a day, in the caller's transaction. The day's row is locked first, so
	 * runs of one day never overlap, and an import of a file for the day waits or is seen whole: an import
	 * that commits later raises the day's revision past the one recorded here, which reopens the day.
	 * @param day the business day
	 * @param executionId the job execution
	 * @param launchedBy who launched the run
	 * @param now the time of the run
	 * @return what was classified
	 */
	Classified classify(LocalDate day, long executionId, String launchedBy, Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		this.jdbc.sql("INSERT INTO reconciliation.day (business_day) VALUES (?) ON CONFLICT DO NOTHING").param(day).update();
		long revision = this.jdbc.sql("SELECT revision FROM reconciliation.day WHERE business_day = ? FOR UPDATE")
			.param(day)
			.query(Long.class)
			.single();
		// the hash joins hold a day's keys: with the default work_mem they spill to temporary files
		this.jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
		this.jdbc.sql("DELETE FROM reconciliation.line WHERE business_day = ?").param(day).update();
		this.jdbc.sql("DELETE FROM reconciliation.day_total WHERE business_day = ?").param(day).update();
		long lines = this.classifier.classify(day);
		// a day's lines replaced in bulk: without fresh statistics the next statements (here and in the work
		// items step) are planned as if the day were empty, and nested loops over it take minutes
		this.jdbc.sql("ANALYZE reconciliation.line").update();
		// per tax office, so that each officer's totals are those of the lines they see
		this.jdbc.sql("""
				INSERT INTO reconciliation.day_total (business_day, tax_office, class, currency, lines, amount)
				SELECT business_day, tax_office, class, currency, count(*), coalesce(sum(amount), 0)
				FROM reconciliation.line WHERE business_day = ? GROUP BY business_day, tax_office, class, currency""")
			.param(day)
			.update();
		this.offices.countUnmapped(day, this.jdbc.sql("""
				SELECT tax_office, sum(lines) FROM reconciliation.day_total
				WHERE business_day = ? AND tax_office IS NOT NULL GROUP BY tax_office""")
			.param(day)
			.query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		long exceptions = this.jdbc.sql("""
				SELECT coalesce(sum(lines), 0) FROM reconciliation.day_total WHERE business_day = ? AND class <> 'MATCHED'""")
			.param(day)
			.query(Long.class)
			.single();
		// the day counts as reconciled once its work items are too (markReconciled, the run's next step): a run that
		// fails between would otherwise leave new exceptions without a work item, and the schedule not run it again.
		// So a day reconciled at this revision before is reconciled no more once its lines are replaced: until the
		// work items follow them, it is REOPENED and the schedule runs it again (a day never reconciled stays NOT_RUN)
		this.jdbc.sql("""
				UPDATE reconciliation.day SET last_execution_id = ?, last_run_by = ?, last_run_at = ?,
				    reconciled_revision = CASE WHEN reconciled_revision >= revision THEN revision - 1
				        ELSE reconciled_revision END
				WHERE business_day = ?""").params(executionId, launchedBy, at, day).update();
		this.jdbc.sql("""
				INSERT INTO reconciliation.run (execution_id, business_day, launched_by, classified_at, revision, lines,
				    exceptions)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (execution_id) DO UPDATE SET classified_at = EXCLUDED.classified_at,
				    revision = EXCLUDED.revision, lines = EXCLUDED.lines, exceptions = EXCLUDED.exceptions""")
			.params(executionId, day, launchedBy, at, revision, lines, exceptions)
			.update();
		return new Classified(lines, exceptions, revision);
	}

	/**
	 * Marks the day reconciled at the revision a run's classification read, once the run's work items follow it (a
	 * restart of a run whose work items failed skips the classification it completed, and carries its revision in
	 * the job's execution context).
	 * @param day the day
	 * @param revision the revision the classification read
	 */
	void markReconciled(LocalDate day, long revision) {
		this.jdbc.sql("""
				UPDATE reconciliation.day SET reconciled_revision = GREATEST(coalesce(reconciled_revision, 0), ?)
				WHERE business_day = ?""")
			.params(revision, day)
			.update();
	}

	/**
	 * @param lines voucher lines classified
	 * @param exceptions lines not matched
	 * @param revision the day's revision the classification read
	 */
	record Classified(long lines, long exceptions, long revision) {

	}

}

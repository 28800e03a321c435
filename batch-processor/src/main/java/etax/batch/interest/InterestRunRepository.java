package etax.batch.interest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code batch.interest_run_total}, the interest of a day by tax sub-item, assessed and taken back, added to
 * chunk by chunk, and
 * {@code batch.interest_run}, one row per completed day.
 */
@Repository
class InterestRunRepository {

	private static final String SELECT_RUN = """
			SELECT assessed_for, job_execution_id, items_assessed, total_interest, items_not_assessable, completed_at,
				items_corrected, interest_taken_back
			FROM batch.interest_run
			""";

	private final JdbcClient jdbc;

	InterestRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a chunk's published interest, assessed and taken back, to its day's totals, in the chunk's
	 * transaction.
	 * @param day the day assessed
	 * @param changes the assessments and corrections published
	 */
	void add(LocalDate day, List<Assessment> changes) {
		// in one order, so that partitions adding to the same rows never wait for each other in a cycle
		Map<List<String>, long[]> totals = new TreeMap<>(Comparator.comparing((List<String> key) -> String.join(" ", key)));
		for (Assessment assessment : changes) {
			long[] total = totals.computeIfAbsent(List.of(assessment.basis().subItem(),
					assessment.interestSubItem().code(), assessment.interestSubItem().taxType()), (key) -> new long[4]);
			int kind = (assessment.kind() == Assessment.Kind.ASSESSED) ? 0 : 2;
			total[kind]++;
			total[kind + 1] += assessment.recorded();
		}
		totals.forEach((key, total) -> this.jdbc.sql("""
				INSERT INTO batch.interest_run_total (assessed_for, tax_sub_item, interest_sub_item, tax_type, items, interest,
					items_corrected, interest_taken_back)
				VALUES (:day, :taxSubItem, :interestSubItem, :taxType, :items, :interest, :corrected, :takenBack)
				ON CONFLICT (assessed_for, tax_sub_item, interest_sub_item) DO UPDATE
				SET items = interest_run_total.items + EXCLUDED.items,
					interest = interest_run_total.interest + EXCLUDED.interest,
					items_corrected = interest_run_total.items_corrected + EXCLUDED.items_corrected,
					interest_taken_back = interest_run_total.interest_taken_back + EXCLUDED.interest_taken_back
				""")
			.param("day", day)
			.param("taxSubItem", key.get(0))
			.param("interestSubItem", key.get(1))
			.param("taxType", key.get(2))
			.param("items", total[0])
			.param("interest", total[1])
			.param("corrected", total[2])
			.param("takenBack", total[3])
			.update());
	}

	/**
	 * Records that a day's run completed, with its totals.
	 * @param day the day assessed
	 * @param jobExecutionId the execution that completes it
	 * @param notAssessable items left out by the assessment step
	 * @param at when
	 */
	void complete(LocalDate day, long jobExecutionId, long notAssessable, Instant at) {
		this.jdbc.sql("""
				INSERT INTO batch.interest_run (assessed_for, job_execution_id, items_assessed, total_interest,
					items_not_assessable, completed_at, items_corrected, interest_taken_back)
				SELECT :day, :execution, coalesce(sum(items), 0), coalesce(sum(interest), 0), :notAssessable, :at,
					coalesce(sum(items_corrected), 0), coalesce(sum(interest_taken_back), 0)
				FROM batch.interest_run_total WHERE assessed_for = :day
				ON CONFLICT (assessed_for) DO UPDATE SET job_execution_id = EXCLUDED.job_execution_id,
					items_assessed = EXCLUDED.items_assessed, total_interest = EXCLUDED.total_interest,
					items_not_assessable = EXCLUDED.items_not_assessable, completed_at = EXCLUDED.completed_at,
					items_corrected = EXCLUDED.items_corrected, interest_taken_back = EXCLUDED.interest_taken_back
				""")
			.param("day", day)
			.param("execution", jobExecutionId)
			.param("notAssessable", notAssessable)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	/**
	 * The days before {@code day} whose run recorded assessments (a chunk commits them with the day's totals)
	 * but did not complete, so that they may not all have been sent; oldest first. A day whose run failed
	 * before recording any has nothing to send: the next day assesses its interest.
	 * @param day the day about to run
	 * @return the days to run again first
	 */
	List<LocalDate> unsentDaysBefore(LocalDate day) {
		return this.jdbc.sql("""
				SELECT DISTINCT t.assessed_for FROM batch.interest_run_total t
				WHERE t.assessed_for < :day
					AND NOT EXISTS (SELECT 1 FROM batch.interest_run r WHERE r.assessed_for = t.assessed_for)
				ORDER BY t.assessed_for
				""")
			.param("day", day)
			.query(LocalDate.class)
			.list();
	}

	Optional<LocalDate> lastAssessedDay() {
		return this.jdbc.sql("SELECT assessed_for FROM batch.interest_run ORDER BY assessed_for DESC LIMIT 1")
			.query(LocalDate.class)
			.optional();
	}

	Optional<InterestRun> find(LocalDate day) {
		return withTotals(this.jdbc.sql(SELECT_RUN + " WHERE assessed_for = :day")
			.param("day", day)
			.query(InterestRunRepository::run)
			.list()).stream().findFirst();
	}

	InterestRunPage page(int page, int size) {
		List<InterestRun> runs = withTotals(this.jdbc.sql(SELECT_RUN + " ORDER BY assessed_for DESC LIMIT :limit OFFSET :offset")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(InterestRunRepository::run)
			.list());
		long total = this.jdbc.sql("SELECT count(*) FROM batch.interest_run").query(Long.class).single();
		return new InterestRunPage(runs, page, size, total);
	}

	private List<InterestRun> withTotals(List<InterestRun> runs) {
		if (runs.isEmpty()) {
			return runs;
		}
		Map<LocalDate, List<InterestRun.TaxTypeTotal>> totals = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT assessed_for, tax_type, tax_sub_item, interest_sub_item, items, interest, items_corrected,
					interest_taken_back
				FROM batch.interest_run_total WHERE assessed_for IN (:days) ORDER BY tax_type, tax_sub_item
				""").param("days", runs.stream().map(InterestRun::assessedFor).toList()).query((rs) -> {
					totals.computeIfAbsent(rs.getObject(1, LocalDate.class), (day) -> new ArrayList<>())
						.add(new InterestRun.TaxTypeTotal(rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
				});
		return runs.stream()
			.map((run) -> new InterestRun(run.assessedFor(), run.jobExecutionId(), run.itemsAssessed(),
					run.totalInterest(), run.itemsNotAssessable(), run.completedAt(),
					totals.getOrDefault(run.assessedFor(), List.of()), run.itemsCorrected(), run.interestTakenBack()))
			.toList();
	}

	private static InterestRun run(ResultSet rs, int rowNum) throws SQLException {
		return new InterestRun(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
				rs.getLong(5), rs.getObject(6, OffsetDateTime.class).toInstant(), List.of(), rs.getLong(7), rs.getLong(8));
	}

}

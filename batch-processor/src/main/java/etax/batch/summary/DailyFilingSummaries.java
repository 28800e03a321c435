package etax.batch.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.batch.BusinessDays;
import etax.batch.jobs.DayLocks;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.jobs.JobExecutions;
import etax.batch.jobs.JobParametersRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes and reads the daily filing summary.
 */
@Service
class DailyFilingSummaries {

	private static final Logger log = LoggerFactory.getLogger(DailyFilingSummaries.class);

	// mapped by column name: the records' property mapper fails over on an exception per camelCase column
	private static final RowMapper<DailyFilingSummaryRow> ROW = (row, n) -> new DailyFilingSummaryRow(
			row.getObject("business_day", LocalDate.class), row.getString("form_code"), row.getString("status"),
			row.getLong("returns"), row.getLong("job_execution_id"), row.getTimestamp("computed_at").toInstant());

	private final Job dailyFilingSummaryJob;

	private final JobExecutions jobExecutions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SummaryDayLocks locks;

	DailyFilingSummaries(Job dailyFilingSummaryJob, JobExecutions jobExecutions, JdbcClient jdbc, Clock clock,
			SummaryDayLocks locks) {
		this.dailyFilingSummaryJob = dailyFilingSummaryJob;
		this.jobExecutions = jobExecutions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.locks = locks;
	}

	/** How long a launch waits for the run of its day before it: a day's summary takes seconds. */
	static final Duration TURN = Duration.ofSeconds(30);

	/** The launch id of the schedule's runs. */
	static final String SCHEDULED = "scheduled";

	/**
	 * The last business day that has ended, the default day to compute.
	 * @return yesterday in Asia/Ho_Chi_Minh
	 */
	LocalDate lastClosedDay() {
		return BusinessDays.yesterday(this.clock);
	}

	/**
	 * Runs {@code dailyFilingSummaryJob} for a day, as a new job instance: computing a day again
	 * recomputes it from all the filings known now.
	 * @param businessDay a day up to today (today's summary is provisional)
	 * @return the execution, ended
	 * @throws JobParametersRejectedException when the day is in the future, or before 0001-01-01
	 */
	JobExecutionSummary compute(LocalDate businessDay) {
		return compute(businessDay, UUID.randomUUID().toString());
	}

	/**
	 * Runs the schedule's {@code dailyFilingSummaryJob} for a day on a night: one job instance per day and night
	 * (launch id {@value #SCHEDULED}{@code :<night>}), so that of several instances of the service one computes the
	 * day that night and the others see a conflict, and a failed one is restarted; the next night computes it again,
	 * counting the filings of the day that arrived late (an event delayed past midnight, the service down then).
	 * @param businessDay a day that has ended
	 * @param night the day the schedule runs on
	 * @return the execution, ended
	 * @throws etax.batch.jobs.JobExecutionConflictException when the day's run of the night completed or runs
	 */
	JobExecutionSummary computeScheduled(LocalDate businessDay, LocalDate night) {
		return compute(businessDay, SCHEDULED + ":" + night);
	}

	/**
	 * Runs a launch holding the day's lock ({@link SummaryDayLocks}): the runs of a day take turns, a launch waiting up
	 * to {@link #TURN} for the one before (two runs at once each wrote its counts, the slower one's older counts
	 * last), and is refused as running after that; an execution of the launch left running by a process that died
	 * (the lock is free, the job repository still says {@code STARTED}) is recovered and restarted into its instance,
	 * or the schedule's day stayed refused as running for good. The day is checked as the job's validator checks it
	 * before the lock is taken.
	 */
	private JobExecutionSummary compute(LocalDate businessDay, String launchId) {
		try {
			// before the day's lock, which is keyed by the day: a day out of bounds is the caller's mistake, not a 500
			DailyFilingSummaryJobConfiguration.requireSummarisable(businessDay, this.clock);
		}
		catch (InvalidJobParametersException ex) {
			throw JobParametersRejectedException.forJob(DailyFilingSummaryJobConfiguration.JOB_NAME, ex);
		}
		JobParameters parameters = new JobParametersBuilder()
			.addLocalDate(DailyFilingSummaryJobConfiguration.BUSINESS_DAY, businessDay)
			.addString(DailyFilingSummaryJobConfiguration.LAUNCH_ID, launchId)
			.toJobParameters();
		String job = this.dailyFilingSummaryJob.getName();
		try (DayLocks.Held held = this.locks.hold(businessDay, TURN)
			.orElseThrow(() -> JobExecutionConflictException.dayRunning(job, businessDay))) {
			this.jobExecutions.recoverAbandoned(job, parameters)
				.ifPresent((execution) -> log.warn("Summary run of a process that died recovered businessDay={} "
						+ "execution={}", businessDay, execution));
			return this.jobExecutions.start(this.dailyFilingSummaryJob, parameters);
		}
	}

	/**
	 * The summary of a day, as last computed.
	 * @param businessDay the day
	 * @return its rows by form and status, empty if not computed (as for a day of a year the service cannot hold,
	 * {@link BusinessDays#inRange}, not looked for)
	 */
	List<DailyFilingSummaryRow> find(LocalDate businessDay) {
		if (!BusinessDays.inRange(businessDay)) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT business_day, form_code, status, returns, job_execution_id, computed_at
				FROM batch.daily_filing_summary WHERE business_day = :businessDay ORDER BY form_code, status
				""").param("businessDay", businessDay).query(ROW).list();
	}

}

package etax.batch.interest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import etax.batch.BatchProcessorProperties;
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
import org.springframework.stereotype.Service;

/**
 * Runs and reports the daily assessment of late-payment interest. A day is assessed once: its job
 * instance is identified by the day alone. Days are assessed in order; a catch-up runs every day after
 * the last completed one, so a day missed (the service was down) or failed is run before the days after
 * it. Nothing assessed is left unsent: a day whose run recorded assessments but did not complete (it
 * failed in publication, say) is run again, into its instance, before any later day, by the catch-up and
 * by the launch of a later day alike, even once a later day has completed (launched by hand, or before
 * this rule); the later day waits until it completes.
 */
@Service
public class InterestAssessments {

	private static final Logger log = LoggerFactory.getLogger(InterestAssessments.class);

	private final Job interestAssessmentJob;

	private final JobExecutions jobExecutions;

	private final InterestRunRepository runs;

	private final BatchProcessorProperties.Interest settings;

	private final Clock clock;

	private final InterestDayLocks locks;

	InterestAssessments(Job interestAssessmentJob, JobExecutions jobExecutions, InterestRunRepository runs,
			BatchProcessorProperties properties, Clock clock, InterestDayLocks locks) {
		this.interestAssessmentJob = interestAssessmentJob;
		this.jobExecutions = jobExecutions;
		this.runs = runs;
		this.settings = properties.interest();
		this.clock = clock;
		this.locks = locks;
	}

	/**
	 * The last day the schedule assesses: the day before yesterday in Asia/Ho_Chi_Minh with the default
	 * grace of one day for the banks' confirmations.
	 * @return the day
	 */
	public LocalDate lastDayToAssess() {
		return BusinessDays.yesterday(this.clock).minusDays(this.settings.confirmationGraceDays());
	}

	/**
	 * Runs {@code interestAssessmentJob} for one day, or restarts its failed run; first runs again, oldest
	 * first, every earlier day whose assessments are recorded but not sent.
	 * @param day a day that has ended
	 * @return the execution of the day, ended
	 * @throws JobParametersRejectedException when the day has not ended, or is before 2020-07-01
	 * @throws JobExecutionConflictException when the day is assessed already or being assessed
	 * @throws InterestEarlierDayNotSentException when an earlier day's run, tried again, did not complete:
	 * the day is not run
	 */
	public JobExecutionSummary assess(LocalDate day) {
		try {
			// before anything reads the day's runs: a day out of bounds is the caller's mistake, not a 500
			InterestAssessmentJobConfiguration.requireAssessable(day, this.clock);
		}
		catch (InvalidJobParametersException ex) {
			throw JobParametersRejectedException.forJob(InterestAssessmentJobConfiguration.JOB_NAME, ex);
		}
		for (LocalDate earlier : this.runs.unsentDaysBefore(day)) {
			Optional<JobExecutionSummary> execution;
			try {
				execution = launchUnlessComplete(earlier);
			}
			catch (JobExecutionConflictException ex) {
				throw InterestEarlierDayNotSentException.notRun(day, earlier, ex);
			}
			if (execution.isPresent() && !completed(execution.get())) {
				log.error("Interest assessment of an earlier day did not complete day={} earlierDay={} execution={}"
						+ " status={}", day, earlier, execution.get().id(), execution.get().status());
				throw InterestEarlierDayNotSentException.ended(day, earlier, execution.get().id(),
						execution.get().status());
			}
		}
		return launch(day);
	}

	/**
	 * Launches a day's run, or restarts it; nothing when the day has completed already.
	 * @throws JobExecutionConflictException when the day is being assessed
	 */
	private Optional<JobExecutionSummary> launchUnlessComplete(LocalDate day) {
		try {
			return Optional.of(launch(day));
		}
		catch (JobExecutionConflictException ex) {
			if (ex.reason() == JobExecutionConflictException.Reason.INSTANCE_COMPLETE) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static boolean completed(JobExecutionSummary execution) {
		return "COMPLETED".equals(execution.status());
	}

	/**
	 * Launches a day's run, or restarts it. A day with a completed run is refused as the job repository refuses it,
	 * also once its metadata is gone (the retention job removes executions older than its age): a new instance would
	 * add to the day's totals and assess its items again. The run holds the day's lock ({@link InterestDayLocks}):
	 * a day another live process runs is refused as running; an execution left running by a process that died
	 * (the lock is free, the job repository still says {@code STARTED}) is recovered and restarted into its
	 * instance, or the day would stay refused as running, and the catch-up stopped at it, for good.
	 */
	private JobExecutionSummary launch(LocalDate day) {
		if (this.runs.find(day).isPresent()) {
			throw JobExecutionConflictException.instanceComplete(this.interestAssessmentJob.getName(), null);
		}
		JobParameters parameters = new JobParametersBuilder()
			.addLocalDate(InterestAssessmentJobConfiguration.ASSESSED_FOR, day)
			.toJobParameters();
		try (DayLocks.Held held = this.locks.tryHold(day)
			.orElseThrow(() -> JobExecutionConflictException.alreadyRunning(this.interestAssessmentJob.getName(), null))) {
			this.jobExecutions.recoverAbandoned(this.interestAssessmentJob.getName(), parameters)
				.ifPresent((execution) -> log.warn("Interest run of a process that died recovered day={} execution={}",
						day, execution));
			return this.jobExecutions.start(this.interestAssessmentJob, parameters);
		}
	}

	/**
	 * Assesses, one by one and in order, the days after the last completed one up to
	 * {@link #lastDayToAssess()}, at most {@code max-catch-up-days} of them (interest of older days is
	 * assessed with the first). Before them it runs again every earlier day whose assessments are recorded
	 * but not sent, however old. The first run ever assesses only the last day, with all interest accrued
	 * before it. Stops at a day that does not complete.
	 * @return the executions, in order of the days
	 */
	public List<JobExecutionSummary> catchUp() {
		LocalDate through = lastDayToAssess();
		LocalDate earliest = through.minusDays(this.settings.maxCatchUpDays() - 1L);
		LocalDate from = this.runs.lastAssessedDay().map((day) -> day.plusDays(1)).orElse(through);
		if (from.isBefore(earliest)) {
			log.warn("Interest catch-up limited from={} to={} through={}", from, earliest, through);
			from = earliest;
		}
		List<LocalDate> days = new ArrayList<>(this.runs.unsentDaysBefore(from));
		for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
			days.add(day);
		}
		List<JobExecutionSummary> executions = new ArrayList<>();
		for (LocalDate day : days) {
			Optional<JobExecutionSummary> execution;
			try {
				execution = launchUnlessComplete(day);
			}
			catch (JobExecutionConflictException ex) {
				log.info("Interest catch-up stopped day={} reason={}", day, ex.reason());
				break;
			}
			if (execution.isEmpty()) {
				continue;
			}
			executions.add(execution.get());
			if (!completed(execution.get())) {
				log.error("Interest assessment did not complete day={} execution={} status={}", day,
						execution.get().id(), execution.get().status());
				break;
			}
		}
		return executions;
	}

	/**
	 * A page of completed runs, the latest day first.
	 * @param page from 0
	 * @param size runs per page
	 * @return the page
	 */
	public InterestRunPage runs(int page, int size) {
		return this.runs.page(page, size);
	}

	/**
	 * The completed run of a day.
	 * @param day the day assessed
	 * @return the run
	 * @throws InterestRunNotFoundException when no run of that day completed
	 */
	public InterestRun run(LocalDate day) {
		// a day of a year no run can have (one PostgreSQL cannot hold would fail the read) is not looked for
		if (!BusinessDays.inRange(day)) {
			throw InterestRunNotFoundException.forDay(day);
		}
		return this.runs.find(day).orElseThrow(() -> InterestRunNotFoundException.forDay(day));
	}

}

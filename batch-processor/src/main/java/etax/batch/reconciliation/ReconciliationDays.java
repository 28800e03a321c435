package etax.batch.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.jobs.JobExecutions;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;

/**
 * Runs the reconciliation of a day and reads what it found: the day, its totals ({@link DayRepository}) and its
 * lines ({@link LineRepository}).
 */
@Service
public class ReconciliationDays {

	private final Job reconciliationJob;

	private final JobExecutions jobExecutions;

	private final DayRepository days;

	private final LineRepository lines;

	private final Clock clock;

	private final BatchProcessorProperties.Reconciliation settings;

	ReconciliationDays(Job reconciliationJob, JobExecutions jobExecutions, DayRepository days, LineRepository lines,
			Clock clock, BatchProcessorProperties properties) {
		this.reconciliationJob = reconciliationJob;
		this.jobExecutions = jobExecutions;
		this.days = days;
		this.lines = lines;
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
	 * @return the day, NOT_RUN with no totals when nothing is known of it, as a day of a year the service cannot hold
	 * ({@link BusinessDays#inRange}) is without being looked for
	 */
	public ReconciliationDay day(LocalDate day, OfficeScope scope) {
		if (!BusinessDays.inRange(day)) {
			return new ReconciliationDay(day, ReconciliationDay.Status.NOT_RUN, 0, null, null, null, List.of(), List.of(),
					List.of(), false);
		}
		return this.days.read(day, scope);
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
		return this.days.unreconciled(from.isBefore(earliest) ? earliest : from, to);
	}

	/**
	 * A page of a day's lines, in the caller's scope.
	 * @param day the day
	 * @param lineClass only this class, or all
	 * @param scope whose lines
	 * @param page the page, from 0
	 * @param size lines per page
	 * @return the page; empty for a day of a year the service cannot hold ({@link BusinessDays#inRange}), not looked for
	 */
	public LinePage lines(LocalDate day, @Nullable LineClass lineClass, OfficeScope scope, int page, int size) {
		if (!BusinessDays.inRange(day)) {
			return new LinePage(List.of(), page, size, 0);
		}
		return new LinePage(this.lines.page(day, lineClass, scope, page, size), page, size,
				this.lines.count(day, lineClass, scope));
	}

	/**
	 * One line of a day as last classified.
	 * @param day the day
	 * @param lineKey the line's key
	 * @return the line, unless the last run did not have it
	 */
	public Optional<ReconciledLine> line(LocalDate day, String lineKey) {
		if (!BusinessDays.inRange(day)) {
			return Optional.empty();
		}
		return this.lines.find(day, lineKey);
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

package etax.batch.reconciliation;

import java.time.Clock;
import java.time.LocalDate;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.batch.jobs.BusinessDayParameter;
import etax.batch.reconciliation.workitems.WorkItemSynchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reconciliationJob}: the three-way reconciliation of one business day, two tasklet steps, each
 * one transaction of set-based SQL.
 * <ul>
 * <li><b>Input</b>: the tax side from the gateway's published view
 * {@code payment.reconciliation_confirmation_lines_v1} (payment date = the day), the banks' files and the
 * treasury's statement imported for the day ({@code reconciliation.bank_file_line},
 * {@code reconciliation.treasury_statement_line}, current files only) and the treasury's acks
 * ({@code reconciliation.treasury_ack}).</li>
 * <li><b>Output</b>: {@code reconciliationClassifyStep} replaces the day's classification
 * ({@code reconciliation.line}, one row per voucher line, and {@code reconciliation.day_total}) and records
 * the run; {@code reconciliationWorkItemsStep}, the day's row locked as the classification locks it, creates,
 * reclassifies, reopens and clears the day's work items, each change an event of the run.</li>
 * <li><b>Validation</b>: job parameter {@code businessDay} (a {@link LocalDate}, identifying) is required
 * and must have ended in Asia/Ho_Chi_Minh, and not be before the earliest day
 * ({@code etax.batch.reconciliation.earliest-day}, by default ten years before today: the collection limit of
 * tax years), so that a mistyped year does not reconcile, and list for good, a day of no data. The files were
 * checked when they were imported.</li>
 * <li><b>Skip</b>: none: one statement classifies every line; a line it cannot write is a defect.</li>
 * <li><b>Retry</b>: none within a run; a failed run is restarted over HTTP.</li>
 * <li><b>Restart</b>: restartable. A restart runs the step that failed: classification replaces the day
 * whole; synchronization is idempotent (keyed by day and line). Every launch is a job instance of its own
 * (identifying {@code launchId}), so a day is run again whenever a late file reopens it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobConfiguration {

	static final String JOB_NAME = "reconciliationJob";

	static final String BUSINESS_DAY = "businessDay";

	static final String LAUNCH_ID = "launchId";

	/** The key of the revision the classification read, in the job's execution context. */
	static final String CLASSIFIED_REVISION = "classifiedRevision";

	/**
	 * The key of the job execution that classified the day, in the job's execution context: the run the work items'
	 * changes are of (its {@code reconciliation.run} row, the events' actor), in a restart that skips the
	 * classification too.
	 */
	static final String CLASSIFIED_BY = "classifiedBy";

	static final String LAUNCHED_BY = "launchedBy";

	private static final Logger log = LoggerFactory.getLogger(ReconciliationJobConfiguration.class);

	/** How far back a day may be reconciled when no earliest day is set: the collection limit of tax years. */
	private static final int YEARS_BACK = 10;

	@Bean
	Job reconciliationJob(JobRepository jobRepository, Step reconciliationClassifyStep,
			Step reconciliationWorkItemsStep, Clock clock, BatchProcessorProperties properties) {
		BatchProcessorProperties.Reconciliation settings = properties.reconciliation();
		return new JobBuilder(JOB_NAME, jobRepository)
			.validator((parameters) -> validate(parameters, clock, settings))
			.start(reconciliationClassifyStep)
			.next(reconciliationWorkItemsStep)
			.build();
	}

	/**
	 * The earliest day that may be reconciled.
	 * @param settings the reconciliation's settings
	 * @param clock the source of today
	 * @return {@code earliest-day}, or ten years before today in Asia/Ho_Chi_Minh
	 */
	static LocalDate earliestDay(BatchProcessorProperties.Reconciliation settings, Clock clock) {
		LocalDate configured = settings.earliestDay();
		return (configured != null) ? configured : BusinessDays.today(clock).minusYears(YEARS_BACK);
	}

	/** A day that has not ended has not had its files; a day before the earliest is a mistake. */
	private static void validate(JobParameters parameters, Clock clock,
			BatchProcessorProperties.Reconciliation settings) throws InvalidJobParametersException {
		LocalDate day = BusinessDayParameter.require(parameters, BUSINESS_DAY);
		LocalDate today = BusinessDays.today(clock);
		if (!day.isBefore(today)) {
			throw new InvalidJobParametersException(
					"business day " + day + " has not ended (today is " + today + " in Asia/Ho_Chi_Minh)");
		}
		LocalDate earliest = earliestDay(settings, clock);
		if (day.isBefore(earliest)) {
			throw new InvalidJobParametersException("business day " + day + " is before the earliest day that may be "
					+ "reconciled, " + earliest + " (etax.batch.reconciliation.earliest-day; by default ten years "
					+ "before today)");
		}
	}

	@Bean
	Step reconciliationClassifyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Classification classification, Clock clock) {
		return new StepBuilder("reconciliationClassifyStep", jobRepository).tasklet((contribution, chunk) -> {
			StepExecution step = contribution.getStepExecution();
			LocalDate day = step.getJobParameters().getLocalDate(BUSINESS_DAY);
			String launchedBy = step.getJobParameters().getString(LAUNCHED_BY, "unknown");
			Classification.Classified classified = classification.classify(day, step.getJobExecutionId(), launchedBy,
					clock.instant());
			// what the work-items step marks reconciled, carried to a restart that skips this step
			step.getJobExecution().getExecutionContext().putLong(CLASSIFIED_REVISION, classified.revision());
			step.getJobExecution().getExecutionContext().putLong(CLASSIFIED_BY, step.getJobExecutionId());
			contribution.incrementWriteCount(classified.lines());
			log.info("Reconciliation classified businessDay={} execution={} lines={} exceptions={} revision={}", day,
					step.getJobExecutionId(), classified.lines(), classified.exceptions(), classified.revision());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step reconciliationWorkItemsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WorkItemSynchronization synchronization, Classification classification, Clock clock) {
		return new StepBuilder("reconciliationWorkItemsStep", jobRepository).tasklet((contribution, chunk) -> {
			StepExecution step = contribution.getStepExecution();
			LocalDate day = step.getJobParameters().getLocalDate(BUSINESS_DAY);
			ExecutionContext job = step.getJobExecution().getExecutionContext();
			long run = job.getLong(CLASSIFIED_BY, step.getJobExecutionId());
			WorkItemSynchronization.Synchronized changes = synchronization.synchronize(day, run, clock.instant());
			classification.markReconciled(day, job.getLong(CLASSIFIED_REVISION));
			contribution.incrementWriteCount(changes.created() + changes.reclassified() + changes.reopened()
					+ changes.cleared());
			log.info("Reconciliation work items businessDay={} execution={} classifiedBy={} created={} reclassified={} "
					+ "reopened={} cleared={} moved={}", day, step.getJobExecutionId(), run, changes.created(),
					changes.reclassified(), changes.reopened(), changes.cleared(), changes.moved());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}

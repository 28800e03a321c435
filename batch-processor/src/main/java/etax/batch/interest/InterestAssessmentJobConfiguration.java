package etax.batch.interest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.batch.jobs.BusinessDayParameter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code interestAssessmentJob}: the late-payment interest every overdue payable item accrued on one day
 * (job parameter {@code assessedFor}). Three steps: {@code interestAssessmentStep}, which splits the items
 * by a hash of their id into {@code etax.batch.interest.partitions} partitions run side by side
 * ({@link InterestAssessmentPartitionConfiguration}: read, assess, write in chunks),
 * {@code interestPublicationStep} ({@link InterestPublication}), which sends what the day recorded, and
 * {@code interestRunSummaryStep}, a tasklet that records the run for officers.
 * <ul>
 * <li><b>Input</b>: the gateway's published view {@code payment.interest_basis_v1} with this service's
 * {@code batch.interest_accrual} ({@link InterestBasisQuery}).</li>
 * <li><b>Processing</b>: {@link InterestAssessmentProcessor}: accrued through the day, rounded, less what
 * was published before; below zero, the excess is taken back.</li>
 * <li><b>Output</b>: {@link InterestAssessmentWriter}: the accruals, each amount assessed or taken back in
 * {@code batch.interest_assessment} and the day's totals, in each chunk's transaction; then an
 * {@code InterestAssessed} or {@code InterestCorrected} per recorded row on {@code etax.assessments.v1};
 * then {@code batch.interest_run}.</li>
 * <li><b>Validation</b>: {@code assessedFor} (a {@link LocalDate}, identifying) is required and must have
 * ended in Asia/Ho_Chi_Minh. Items without an interest sub-item or rate are filtered and counted.</li>
 * <li><b>Skip / retry</b>: none. A failure fails its partition and the step: a chunk is never partly
 * written, and a total is never built from part of the ledger.</li>
 * <li><b>Restart</b>: one job instance per day, so a day completes once and a second launch is refused.
 * A failed run restarts into the same instance: completed partitions are not run again, a failed one
 * runs again with the same split, and its reader, which keeps no position, selects again the items not
 * yet assessed for the day; so each item is assessed and recorded once. A run that failed in
 * publication sends the whole day again when restarted: the same events, which the ledger books once.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class InterestAssessmentJobConfiguration {

	static final String JOB_NAME = "interestAssessmentJob";

	static final String ASSESSED_FOR = "assessedFor";

	static final String ASSESSMENT_STEP = "interestAssessmentStep";

	static final String PARTITION_STEP = "interestAssessmentPartitionStep";

	static final String PARTITION = "partition";

	static final String PARTITIONS = "partitions";

	/** The first day assessed: Law 38/2019 in force, and the first rate of {@code batch.interest_rate} (V4). */
	static final LocalDate FIRST_DAY = LocalDate.of(2020, 7, 1);

	@Bean
	Job interestAssessmentJob(JobRepository jobRepository, Step interestAssessmentStep, Step interestPublicationStep,
			Step interestRunSummaryStep, Clock clock) {
		return new JobBuilder(JOB_NAME, jobRepository).validator((parameters) -> validate(parameters, clock))
			.start(interestAssessmentStep)
			.next(interestPublicationStep)
			.next(interestRunSummaryStep)
			.build();
	}

	private static void validate(JobParameters parameters, Clock clock) throws InvalidJobParametersException {
		requireAssessable(BusinessDayParameter.require(parameters, ASSESSED_FOR), clock);
	}

	/**
	 * A day that has not ended can still see payments that stop its interest; a day before {@link #FIRST_DAY} has
	 * no late-payment interest of the law the service applies (and a year PostgreSQL cannot hold must not reach it).
	 */
	static void requireAssessable(LocalDate day, Clock clock) throws InvalidJobParametersException {
		LocalDate today = BusinessDays.today(clock);
		if (!day.isBefore(today)) {
			throw new InvalidJobParametersException(
					"day " + day + " has not ended (today is " + today + " in Asia/Ho_Chi_Minh)");
		}
		if (day.isBefore(FIRST_DAY)) {
			throw new InvalidJobParametersException("day " + day + " is before " + FIRST_DAY
					+ ", when late-payment interest at the rates the service keeps began (Law 38/2019, ADR 0011)");
		}
	}

	@Bean
	Step interestAssessmentStep(JobRepository jobRepository, Step interestAssessmentPartitionStep,
			BatchProcessorProperties properties) {
		int partitions = properties.interest().partitions();
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("interest-assessment-");
		executor.setConcurrencyLimit(partitions);
		return new StepBuilder(ASSESSMENT_STEP, jobRepository)
			.partitioner(interestAssessmentPartitionStep.getName(), byItemHash())
			.step(interestAssessmentPartitionStep)
			.gridSize(partitions)
			.taskExecutor(executor)
			.build();
	}

	/** Partition k of n holds the items whose id hashes to k modulo n. */
	private static Partitioner byItemHash() {
		return (gridSize) -> {
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (int k = 0; k < gridSize; k++) {
				ExecutionContext context = new ExecutionContext();
				context.putInt(PARTITION, k);
				context.putInt(PARTITIONS, gridSize);
				partitions.put("partition" + k, context);
			}
			return partitions;
		};
	}

	@Bean
	Step interestPublicationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet interestPublication) {
		return new StepBuilder("interestPublicationStep", jobRepository).tasklet(interestPublication, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	Tasklet interestPublication(DataSource dataSource, KafkaTemplate<String, String> kafka, JsonMapper json,
			BatchProcessorProperties properties, @Value("#{jobParameters['assessedFor']}") LocalDate assessedFor) {
		return new InterestPublication(dataSource, kafka, json, assessedFor, properties.interest().chunkSize(),
				properties.interest().publicationTimeout());
	}

	@Bean
	Step interestRunSummaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InterestRunRepository runs, Clock clock) {
		return new StepBuilder("interestRunSummaryStep", jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution summary = contribution.getStepExecution();
			LocalDate day = (LocalDate) summary.getJobParameters().getParameter(ASSESSED_FOR).value();
			runs.complete(day, summary.getJobExecutionId(),
					notAssessable(jobRepository, summary.getJobExecution().getJobInstance()), clock.instant());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * The items each partition left out, from the last execution of each partition: after a restart the
	 * partitions that completed before did not run again.
	 */
	private static long notAssessable(JobRepository jobRepository, JobInstance instance) {
		Map<String, StepExecution> latest = new HashMap<>();
		for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().startsWith(PARTITION_STEP + ":")) {
					latest.merge(step.getStepName(), step, (a, b) -> (a.getId() > b.getId()) ? a : b);
				}
			}
		}
		return latest.values().stream().mapToLong(StepExecution::getFilterCount).sum();
	}

}

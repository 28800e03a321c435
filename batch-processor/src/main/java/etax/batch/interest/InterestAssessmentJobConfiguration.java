package etax.batch.interest;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code interestAssessmentJob}: the late-payment interest every overdue payable item accrued on one day
 * (job parameter {@code assessedFor}). Two steps: {@code interestAssessmentStep} (chunk-oriented) and
 * {@code interestRunSummaryStep} (a tasklet that sums the day up for officers).
 * <ul>
 * <li><b>Input</b>: the gateway's published view {@code payment.interest_basis_v1} (one row per payable
 * item, with its dated reductions), joined with {@code batch.interest_accrual}: the items due before the
 * day that are not assessed for it yet and can still accrue (something unpaid, paid off after the last day
 * assessed, or changed in the ledger since), streamed by a cursor ({@link InterestBasisQuery}).</li>
 * <li><b>Processing</b>: {@link InterestAssessmentProcessor}: accrued through the day, rounded, less what
 * was assessed before.</li>
 * <li><b>Output</b>: {@link InterestAssessmentWriter}: {@code batch.interest_accrual},
 * {@code batch.interest_assessment} and an {@code InterestAssessed} per positive amount in the outbox
 * (to {@code etax.assessments.v1}), in the chunk's transaction; then {@code batch.interest_run}.</li>
 * <li><b>Validation</b>: {@code assessedFor} (a {@link LocalDate}, identifying) is required and must have
 * ended in Asia/Ho_Chi_Minh. Items without an interest sub-item or rate are filtered and counted.</li>
 * <li><b>Skip / retry</b>: none. A failure fails the step; the ledger is never partly read into a total.</li>
 * <li><b>Restart</b>: one job instance per day, so a day completes once and a second launch is refused. A
 * failed run restarts into the same instance and the reader keeps no position: it selects again the items
 * not yet assessed for the day, so each is assessed and published once.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class InterestAssessmentJobConfiguration {

	static final String JOB_NAME = "interestAssessmentJob";

	static final String ASSESSED_FOR = "assessedFor";

	static final String ASSESSMENT_STEP = "interestAssessmentStep";

	@Bean
	Job interestAssessmentJob(JobRepository jobRepository, Step interestAssessmentStep, Step interestRunSummaryStep,
			Clock clock) {
		return new JobBuilder(JOB_NAME, jobRepository).validator((parameters) -> validate(parameters, clock))
			.start(interestAssessmentStep)
			.next(interestRunSummaryStep)
			.build();
	}

	/** A day that has not ended can still see payments that stop its interest. */
	private static void validate(JobParameters parameters, Clock clock) throws InvalidJobParametersException {
		JobParameter<?> assessedFor = parameters.getParameter(ASSESSED_FOR);
		if (assessedFor == null || !(assessedFor.value() instanceof LocalDate day) || !assessedFor.identifying()) {
			throw new InvalidJobParametersException("assessedFor, an identifying date, is required");
		}
		LocalDate today = BusinessDays.today(clock);
		if (!day.isBefore(today)) {
			throw new InvalidJobParametersException(
					"day " + day + " has not ended (today is " + today + " in Asia/Ho_Chi_Minh)");
		}
	}

	@Bean
	Step interestAssessmentStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<InterestBasis> interestAssessmentReader,
			ItemProcessor<InterestBasis, Assessment> interestAssessmentProcessor,
			ItemWriter<Assessment> interestAssessmentWriter, BatchProcessorProperties properties) {
		return new StepBuilder(ASSESSMENT_STEP, jobRepository)
			.<InterestBasis, Assessment>chunk(properties.interest().chunkSize())
			.transactionManager(transactionManager)
			.reader(interestAssessmentReader)
			.processor(interestAssessmentProcessor)
			.writer(interestAssessmentWriter)
			.build();
	}

	@Bean
	Step interestRunSummaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InterestRunRepository runs, Clock clock) {
		return new StepBuilder("interestRunSummaryStep", jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution summary = contribution.getStepExecution();
			LocalDate day = (LocalDate) summary.getJobParameters().getParameter(ASSESSED_FOR).value();
			StepExecution assessment = jobRepository.getLastStepExecution(summary.getJobExecution().getJobInstance(),
					ASSESSMENT_STEP);
			long notAssessable = (assessment != null) ? assessment.getFilterCount() : 0;
			runs.summarise(day, summary.getJobExecutionId(), notAssessable, clock.instant());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<InterestBasis> interestAssessmentReader(DataSource dataSource,
			BatchProcessorProperties properties, @Value("#{jobParameters['assessedFor']}") LocalDate assessedFor) {
		int fetchSize = properties.interest().chunkSize();
		return new JdbcCursorItemReaderBuilder<InterestBasis>().name("interestAssessmentReader")
			.dataSource(dataSource)
			.sql(InterestBasisQuery.SQL)
			.queryArguments(assessedFor, assessedFor)
			.rowMapper(InterestBasisQuery::basis)
			.fetchSize(fetchSize)
			// PostgreSQL streams a result by the fetch size only inside a transaction
			.connectionAutoCommit(false)
			.saveState(false)
			.build();
	}

	@Bean
	@StepScope
	ItemProcessor<InterestBasis, Assessment> interestAssessmentProcessor(JdbcClient jdbc, BatchProcessorProperties properties,
			MeterRegistry meters, @Value("#{jobParameters['assessedFor']}") LocalDate assessedFor) {
		return new InterestAssessmentProcessor(InterestReference.load(jdbc), assessedFor,
				properties.interest().rounding(), meters);
	}

	@Bean
	@StepScope
	ItemWriter<Assessment> interestAssessmentWriter(InterestAccrualRepository repository, Outbox outbox, Clock clock,
			MeterRegistry meters, @Value("#{jobParameters['assessedFor']}") LocalDate assessedFor,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new InterestAssessmentWriter(repository, outbox, clock, assessedFor, jobExecutionId, meters);
	}

}

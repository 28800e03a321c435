package etax.batch.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
import etax.batch.jobs.BusinessDayParameter;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code dailyFilingSummaryJob}: how many returns of each form were accepted and not accepted on one
 * business day. One chunk-oriented step, {@code dailyFilingSummaryStep}.
 * <ul>
 * <li><b>Input</b>: {@code batch.filed_return}, the returns this service learned of from
 * {@code ReturnAccepted}/{@code ReturnRejected} events, aggregated by the reader's query to one item per
 * form and status of the day ({@link FormCount}). Never declaration-api's own schema.</li>
 * <li><b>Output</b>: {@code batch.daily_filing_summary}, upserted on its key (business day, form,
 * status) with the writing job execution and time.</li>
 * <li><b>Validation</b>: job parameter {@code businessDay} (a {@link LocalDate}, identifying) is required
 * and must not be in the future in Asia/Ho_Chi_Minh, checked by the job's parameters validator on every
 * launch and restart. Today's summary is provisional: a later run overwrites it. Items come from
 * constrained columns and need no further check.</li>
 * <li><b>Skip</b>: none. A row that cannot be written is a defect or a schema problem, not bad input:
 * skipping it would publish a wrong total, so the step fails.</li>
 * <li><b>Retry</b>: transient database errors ({@link TransientDataAccessException}: deadlock, lock or
 * query timeout) are retried up to 3 times; anything else fails the step.</li>
 * <li><b>Restart</b>: restartable. The reader keeps no position ({@code saveState(false)}): a restart
 * re-aggregates the whole day, and the upsert overwrites the rows a failed execution had already
 * committed, so each (day, form, status) is there exactly once with the count as of the restart. Every
 * launch is a job instance of its own (identifying parameter {@code launchId}), so a day can be computed
 * again at any time, e.g. after late events; it recomputes the whole day the same way.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DailyFilingSummaryJobConfiguration {

	static final String JOB_NAME = "dailyFilingSummaryJob";

	static final String BUSINESS_DAY = "businessDay";

	static final String LAUNCH_ID = "launchId";

	private static final String READ = """
			SELECT business_day, form_code, status, count(*) AS returns
			FROM batch.filed_return
			WHERE business_day = ?
			GROUP BY business_day, form_code, status
			ORDER BY form_code, status
			""";

	private static final String UPSERT = """
			INSERT INTO batch.daily_filing_summary (business_day, form_code, status, returns, job_execution_id, computed_at)
			VALUES (:businessDay, :formCode, :status, :returns, :jobExecutionId, :computedAt)
			ON CONFLICT (business_day, form_code, status) DO UPDATE
			SET returns = EXCLUDED.returns, job_execution_id = EXCLUDED.job_execution_id,
				computed_at = EXCLUDED.computed_at
			""";

	@Bean
	Job dailyFilingSummaryJob(JobRepository jobRepository, Step dailyFilingSummaryStep, Clock clock) {
		return new JobBuilder(JOB_NAME, jobRepository).validator((parameters) -> validate(parameters, clock))
			.start(dailyFilingSummaryStep)
			.build();
	}

	private static void validate(JobParameters parameters, Clock clock) throws InvalidJobParametersException {
		requireSummarisable(BusinessDayParameter.require(parameters, BUSINESS_DAY), clock);
	}

	/**
	 * A summary of a day to come would be empty and misleading; a day before {@link BusinessDays#FIRST_DAY} is of a
	 * year the database cannot read returns of (the run would fail on it).
	 */
	static void requireSummarisable(LocalDate day, Clock clock) throws InvalidJobParametersException {
		LocalDate today = BusinessDays.today(clock);
		if (day.isAfter(today)) {
			throw new InvalidJobParametersException(
					"business day " + day + " is in the future (today is " + today + " in Asia/Ho_Chi_Minh)");
		}
		if (day.isBefore(BusinessDays.FIRST_DAY)) {
			throw new InvalidJobParametersException(
					"business day " + day + " is before " + BusinessDays.FIRST_DAY + ", the first day the service holds");
		}
	}

	@Bean
	Step dailyFilingSummaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<FormCount> dailyFilingSummaryReader,
			JdbcBatchItemWriter<FormCount> dailyFilingSummaryWriter, BatchProcessorProperties properties) {
		return new StepBuilder("dailyFilingSummaryStep", jobRepository)
			.<FormCount, FormCount>chunk(properties.summary().chunkSize())
			.transactionManager(transactionManager)
			.reader(dailyFilingSummaryReader)
			.writer(dailyFilingSummaryWriter)
			.faultTolerant()
			.retry(TransientDataAccessException.class)
			.retryLimit(3)
			.build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<FormCount> dailyFilingSummaryReader(DataSource dataSource,
			@Value("#{jobParameters['businessDay']}") LocalDate businessDay) {
		return new JdbcCursorItemReaderBuilder<FormCount>().name("dailyFilingSummaryReader")
			.dataSource(dataSource)
			.sql(READ)
			.queryArguments(businessDay)
			.dataRowMapper(FormCount.class)
			.saveState(false)
			.build();
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<FormCount> dailyFilingSummaryWriter(DataSource dataSource, Clock clock,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new JdbcBatchItemWriterBuilder<FormCount>().dataSource(dataSource)
			.sql(UPSERT)
			.itemSqlParameterSourceProvider((count) -> new MapSqlParameterSource()
				.addValue("businessDay", count.businessDay())
				.addValue("formCode", count.formCode())
				.addValue("status", count.status())
				.addValue("returns", count.returns())
				.addValue("jobExecutionId", jobExecutionId)
				.addValue("computedAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
			.build();
	}

}

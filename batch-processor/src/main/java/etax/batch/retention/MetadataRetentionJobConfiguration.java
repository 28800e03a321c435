package etax.batch.retention;

import java.time.LocalDateTime;
import java.util.List;

import etax.batch.BatchProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code metadataRetentionJob}: removes what is kept no longer than job parameter {@code olderThan}: Spring
 * Batch metadata of executions that ended before it ({@code metadataRetentionStep}, below), then the
 * returns of bulk batches completed before it ({@code bulkContentRetentionStep}, of the bulk filing
 * feature: {@code etax.batch.bulk.BulkContentRetention}), then the interest assessed on days whose run
 * completed before it ({@code interestAssessmentRetentionStep}: {@code etax.batch.interest.InterestAssessmentRetention}).
 * <ul>
 * <li><b>Input</b>: {@code batch.batch_job_execution}, executions with an end time before the cut-off,
 * oldest first, {@code etax.batch.retention.batch-size} at a time.</li>
 * <li><b>Output</b>: those executions deleted with their step executions, contexts and parameters, and
 * their job instances once they have no execution left; the step's write count is the executions
 * deleted. What the jobs produced (summaries, interest runs) keeps the execution id without a foreign key
 * and stays.</li>
 * <li><b>Validation</b>: {@code olderThan} (a {@link LocalDateTime} in the JVM's zone, as Spring Batch
 * stores times; identifying) is required.</li>
 * <li><b>Skip / retry</b>: none; a failed batch rolls back and fails the step.</li>
 * <li><b>Restart</b>: restartable; each batch commits on its own, and a restart goes on with what is
 * left. Running executions (no end time), this one included, are never deleted.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MetadataRetentionJobConfiguration {

	static final String JOB_NAME = "metadataRetentionJob";

	static final String OLDER_THAN = "olderThan";

	/** Identifying and new on every launch, so that each removal is an instance of its own. */
	static final String LAUNCH_ID = "launchId";

	private static final Logger log = LoggerFactory.getLogger(MetadataRetentionJobConfiguration.class);

	@Bean
	Job metadataRetentionJob(JobRepository jobRepository, Step metadataRetentionStep, Step bulkContentRetentionStep,
			Step interestAssessmentRetentionStep) {
		return new JobBuilder(JOB_NAME, jobRepository).validator((parameters) -> {
			JobParameter<?> olderThan = parameters.getParameter(OLDER_THAN);
			if (olderThan == null || !(olderThan.value() instanceof LocalDateTime) || !olderThan.identifying()) {
				throw new InvalidJobParametersException("olderThan, an identifying date and time, is required");
			}
		})
			.start(metadataRetentionStep)
			.next(bulkContentRetentionStep)
			.next(interestAssessmentRetentionStep)
			.build();
	}

	@Bean
	Step metadataRetentionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet metadataRetentionTasklet) {
		return new StepBuilder("metadataRetentionStep", jobRepository)
			.tasklet(metadataRetentionTasklet, transactionManager)
			.build();
	}

	/** One batch per call, each in its own transaction; {@code CONTINUABLE} until nothing is left. */
	@Bean
	@StepScope
	Tasklet metadataRetentionTasklet(JobMetadataRepository repository, BatchProcessorProperties properties,
			@Value("#{jobParameters['olderThan']}") LocalDateTime olderThan) {
		return (contribution, chunkContext) -> {
			List<Long> executions = repository.endedBefore(olderThan, properties.retention().batchSize());
			if (executions.isEmpty()) {
				return RepeatStatus.FINISHED;
			}
			int instances = repository.delete(executions);
			contribution.incrementWriteCount(executions.size());
			log.info("Removed job metadata olderThan={} executions={} instances={}", olderThan, executions.size(),
					instances);
			return RepeatStatus.CONTINUABLE;
		};
	}

}

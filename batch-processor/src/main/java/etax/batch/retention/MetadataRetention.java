package etax.batch.retention;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import etax.batch.BatchProcessorProperties;
import etax.batch.jobs.JobExecutionSummary;
import etax.batch.jobs.JobExecutions;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;

/**
 * Runs {@code metadataRetentionJob} with the cut-off {@code etax.batch.retention.max-age} before now.
 */
@Service
class MetadataRetention {

	private final Job metadataRetentionJob;

	private final JobExecutions jobExecutions;

	private final BatchProcessorProperties.Retention settings;

	private final Clock clock;

	MetadataRetention(Job metadataRetentionJob, JobExecutions jobExecutions, BatchProcessorProperties properties,
			Clock clock) {
		this.metadataRetentionJob = metadataRetentionJob;
		this.jobExecutions = jobExecutions;
		this.settings = properties.retention();
		this.clock = clock;
	}

	/**
	 * Removes the metadata of executions that ended longer ago than the configured age.
	 * @return the execution, ended
	 * @throws etax.batch.jobs.JobExecutionConflictException when a removal with the same cut-off ran
	 */
	JobExecutionSummary purge() {
		LocalDateTime olderThan = LocalDateTime
			.ofInstant(this.clock.instant().minus(this.settings.maxAge()), ZoneId.systemDefault())
			.truncatedTo(ChronoUnit.SECONDS);
		return this.jobExecutions.start(this.metadataRetentionJob,
				new JobParametersBuilder().addLocalDateTime(MetadataRetentionJobConfiguration.OLDER_THAN, olderThan)
					.toJobParameters());
	}

}

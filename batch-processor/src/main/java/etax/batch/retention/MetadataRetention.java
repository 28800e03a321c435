package etax.batch.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.BusinessDays;
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
	 * Removes the metadata of executions that ended longer ago than the configured age. Each call is a job
	 * instance of its own (an identifying {@code launchId}, as the summary's launches have): a removal run
	 * twice within the same second (the cut-off is kept to the second) removes again what ended since,
	 * instead of being refused as the completed instance of that cut-off.
	 * @return the execution, ended
	 */
	JobExecutionSummary purge() {
		return purge(this.clock.instant().minus(this.settings.maxAge()), UUID.randomUUID().toString());
	}

	/**
	 * The schedule's removal: of what ended longer ago than the configured age counted from the start of today in
	 * Vietnam, as one job instance per day, so that of several instances of the service one removes and the others
	 * see a conflict.
	 * @return the execution, ended
	 * @throws etax.batch.jobs.JobExecutionConflictException when today's removal completed or runs
	 */
	JobExecutionSummary purgeScheduled() {
		Instant today = BusinessDays.today(this.clock).atStartOfDay(BusinessDays.ZONE).toInstant();
		return purge(today.minus(this.settings.maxAge()), "scheduled");
	}

	private JobExecutionSummary purge(Instant cutoff, String launchId) {
		LocalDateTime olderThan = LocalDateTime.ofInstant(cutoff, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
		return this.jobExecutions.start(this.metadataRetentionJob,
				new JobParametersBuilder().addLocalDateTime(MetadataRetentionJobConfiguration.OLDER_THAN, olderThan)
					.addString(MetadataRetentionJobConfiguration.LAUNCH_ID, launchId)
					.toJobParameters());
	}

}

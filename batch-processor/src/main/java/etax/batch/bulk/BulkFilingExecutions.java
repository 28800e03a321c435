package etax.batch.bulk;

import java.util.UUID;

import etax.batch.jobs.JobExecutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The executions of {@code bulkFilingJob} for a batch this process holds ({@link BatchRuns}): the first started,
 * a later one restarted from the last, itself first recovered (marked failed by {@link JobExecutions#recover}) if
 * a process that died left it running; or, for a batch that has had all its runs, the last recovered and the
 * batch left {@code FAILED} for an officer.
 */
@Component
class BulkFilingExecutions {

	private static final Logger log = LoggerFactory.getLogger(BulkFilingExecutions.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job bulkFilingJob;

	private final JobExecutions jobExecutions;

	private final BatchLifecycle lifecycle;

	BulkFilingExecutions(JobOperator jobOperator, JobRepository jobRepository, Job bulkFilingJob,
			JobExecutions jobExecutions, BatchLifecycle lifecycle) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.bulkFilingJob = bulkFilingJob;
		this.jobExecutions = jobExecutions;
		this.lifecycle = lifecycle;
	}

	/** Starts, or recovers and restarts, the batch's job; returns when the run has ended. */
	void start(UUID batchId) throws Exception {
		JobParameters parameters = BulkFilingJobConfiguration.parameters(batchId);
		JobExecution last = this.jobRepository.getLastJobExecution(BulkFilingJobConfiguration.JOB_NAME, parameters);
		if (last == null) {
			this.jobOperator.start(this.bulkFilingJob, parameters);
			return;
		}
		JobExecution previous = this.jobRepository.getJobExecution(last.getId());
		if (previous.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
			// the job completed, but its process died before the batch was marked
			this.lifecycle.completed(batchId);
			return;
		}
		this.jobOperator.restart(recoverIfLeftRunning(batchId, previous));
	}

	/**
	 * Leaves a claimed batch {@code FAILED} for an officer, its last execution first recovered, so that the officer
	 * can restart it over the job API (only a failed or stopped execution can be restarted); or completes it, when
	 * its last run completed the job but its process died before the batch was marked, or its filer cancelled it and
	 * none of its items is left to file.
	 * @return whether it was left {@code FAILED}
	 */
	boolean giveUp(UUID batchId) {
		JobExecution last = this.jobRepository.getLastJobExecution(BulkFilingJobConfiguration.JOB_NAME,
				BulkFilingJobConfiguration.parameters(batchId));
		if (last != null && last.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
			this.lifecycle.completed(batchId);
			return false;
		}
		if (last != null) {
			recoverIfLeftRunning(batchId, this.jobRepository.getJobExecution(last.getId()));
		}
		// whether its filer cancelled it with nothing left to file is decided as the batch is failed, not read before:
		// a cancellation committed in between would otherwise leave it FAILED, never ended nor announced
		return this.lifecycle.failed(batchId);
	}

	/**
	 * Marks failed ({@link JobExecutions#recover}) an execution left running by a process that died, or left
	 * {@code UNKNOWN}: the batch was claimed, so its heartbeat had stopped for a lease and no live process runs it.
	 */
	private JobExecution recoverIfLeftRunning(UUID batchId, JobExecution execution) {
		if (!JobExecutions.unended(execution)) {
			return execution;
		}
		log.warn("Bulk filing execution left unended by a stopped process, recovering batch={} execution={} status={}",
				batchId, execution.getId(), execution.getStatus());
		return this.jobExecutions.recover(execution);
	}

}

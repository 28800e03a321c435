package etax.batch.bulk;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import etax.access.RedactedException;
import etax.batch.BatchProcessorProperties;
import etax.batch.jobs.JobExecutions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs {@code bulkFilingJob} for batches, {@code concurrentBatches} at a time on threads of its own, and
 * takes over the batches of processes that died. A new batch is launched as soon as it is stored. Every
 * {@code resume.check}, a batch still unfinished whose heartbeat is older than {@code resume.lease} is
 * claimed (one atomic update: its heartbeat is renewed, so no other process claims it too) and run:
 * started if it never was, restarted if its last execution failed, first recovered (marked failed by
 * {@link JobExecutions#recover}) if the execution was left running by a process that died. A batch that
 * has had {@code resume.maxAttempts} runs is left {@code FAILED} for an officer, who restarts its
 * execution over the job API.
 */
@Component
class BatchRuns implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BatchRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job bulkFilingJob;

	private final JobExecutions jobExecutions;

	private final BatchRepository repository;

	private final Heartbeats heartbeats;

	private final BatchLifecycle lifecycle;

	private final BatchProcessorProperties.Bulk settings;

	private static final int START_ATTEMPTS = 3;

	private final AtomicInteger inFlight = new AtomicInteger();

	private @Nullable ExecutorService runs;

	private @Nullable ScheduledExecutorService watch;

	BatchRuns(JobOperator jobOperator, JobRepository jobRepository, Job bulkFilingJob, JobExecutions jobExecutions,
			BatchRepository repository, Heartbeats heartbeats, BatchLifecycle lifecycle, BatchProcessorProperties properties) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.bulkFilingJob = bulkFilingJob;
		this.jobExecutions = jobExecutions;
		this.repository = repository;
		this.heartbeats = heartbeats;
		this.lifecycle = lifecycle;
		this.settings = properties.bulk();
	}

	/** Queues a batch to be run by this process; it is held (heartbeats) from now on. */
	void launch(UUID batchId) {
		ExecutorService executor = this.runs;
		if (executor == null) {
			log.warn("Batch not launched, the service is stopping batch={}", batchId);
			return;
		}
		this.heartbeats.hold(batchId);
		this.inFlight.incrementAndGet();
		executor.execute(() -> run(batchId));
	}

	private void run(UUID batchId) {
		try {
			for (int attempt = 1;; attempt++) {
				try {
					start(batchId);
					return;
				}
				catch (TransientDataAccessException ex) {
					// job instances are created under READ COMMITTED (docs/adr/0004), so this is rare: a deadlock
					if (attempt == START_ATTEMPTS) {
						throw ex;
					}
					log.info("Bulk filing run could not start yet, trying again batch={} attempt={}", batchId, attempt);
					Thread.sleep(50L * attempt);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.error("Bulk filing run could not start batch={}: {}", batchId, RedactedException.describe(ex),
					RedactedException.of(ex));
		}
		finally {
			this.heartbeats.release(batchId);
			this.inFlight.decrementAndGet();
		}
	}

	/** Starts, or recovers and restarts, the batch's job; returns when the run has ended. */
	private void start(UUID batchId) throws Exception {
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

	/**
	 * Leaves a claimed batch {@code FAILED} for an officer, its last execution first recovered, so that the officer
	 * can restart it over the job API (only a failed or stopped execution can be restarted); or completes it, when
	 * its last run completed the job but its process died before the batch was marked.
	 * @return whether it was left {@code FAILED}
	 */
	private boolean giveUp(UUID batchId) {
		JobExecution last = this.jobRepository.getLastJobExecution(BulkFilingJobConfiguration.JOB_NAME,
				BulkFilingJobConfiguration.parameters(batchId));
		if (last != null && last.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
			this.lifecycle.completed(batchId);
			return false;
		}
		if (last != null) {
			recoverIfLeftRunning(batchId, this.jobRepository.getJobExecution(last.getId()));
		}
		this.repository.fail(batchId);
		return true;
	}

	/** Claims and runs stale batches while this process has room for them. */
	void resumeStale() {
		while (this.inFlight.get() < this.settings.concurrentBatches()) {
			Optional<BatchRepository.Claim> claim = this.repository.claimStale(this.settings.resume().lease());
			if (claim.isEmpty()) {
				return;
			}
			UUID batchId = claim.get().id();
			if (claim.get().attempts() >= this.settings.resume().maxAttempts()) {
				if (giveUp(batchId)) {
					log.error("Batch left FAILED after {} runs, an officer must restart its job execution batch={}",
							claim.get().attempts(), batchId);
				}
				continue;
			}
			log.info("Taking over batch={} runs={}", batchId, claim.get().attempts());
			launch(batchId);
		}
	}

	@Override
	public void start() {
		this.runs = Executors.newFixedThreadPool(this.settings.concurrentBatches(), (task) -> {
			Thread thread = new Thread(task, "bulk-filing-run");
			thread.setDaemon(true);
			return thread;
		});
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bulk-filing-watch");
			thread.setDaemon(true);
			return thread;
		});
		long heartbeat = this.settings.resume().heartbeat().toMillis();
		long check = this.settings.resume().check().toMillis();
		scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this.heartbeats::beat), heartbeat, heartbeat,
				TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(() -> guarded("take-over", this::resumeStale), check, check,
				TimeUnit.MILLISECONDS);
		this.watch = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.watch;
		ExecutorService executor = this.runs;
		this.watch = null;
		this.runs = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		if (executor != null) {
			// running jobs are not interrupted: whatever they leave unfinished is taken over after the lease
			executor.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.watch != null;
	}

	private static void guarded(String task, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// the failure's message may quote a statement's values: its classes and where it failed only
			log.warn("Bulk filing {} failed: {}", task, RedactedException.describe(ex), RedactedException.of(ex));
		}
	}

}

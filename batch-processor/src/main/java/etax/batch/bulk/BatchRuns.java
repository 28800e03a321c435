package etax.batch.bulk;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import etax.access.RedactedException;
import etax.batch.BatchProcessorProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs {@code bulkFilingJob} for batches, {@code concurrentBatches} at a time on threads of its own, and
 * takes over the batches of processes that died. A new batch is launched as soon as it is stored. Every
 * {@code resume.check}, a batch still unfinished whose heartbeat is older than {@code resume.lease} is
 * claimed (one atomic update: its heartbeat is renewed, so no other process claims it too) and run:
 * started if it never was, restarted if its last execution failed, first recovered if the execution was left
 * running by a process that died ({@link BulkFilingExecutions}). A batch that has had {@code resume.maxAttempts}
 * runs is left {@code FAILED} for an officer, who restarts its execution over the job API.
 */
@Component
class BatchRuns implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BatchRuns.class);

	private final BulkFilingExecutions executions;

	private final ClaimRepository claims;

	private final Heartbeats heartbeats;

	private final BatchProcessorProperties.Bulk settings;

	private static final int START_ATTEMPTS = 3;

	private final AtomicInteger inFlight = new AtomicInteger();

	private @Nullable ExecutorService runs;

	private @Nullable ScheduledExecutorService watch;

	BatchRuns(BulkFilingExecutions executions, ClaimRepository claims, Heartbeats heartbeats,
			BatchProcessorProperties properties) {
		this.executions = executions;
		this.claims = claims;
		this.heartbeats = heartbeats;
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
		try {
			executor.execute(() -> run(batchId));
		}
		catch (RejectedExecutionException ex) {
			// stopping: its heartbeat let go, another instance takes the batch over once its lease ends
			this.heartbeats.release(batchId);
			this.inFlight.decrementAndGet();
			log.warn("Batch not launched, the service is stopping batch={}", batchId);
		}
	}

	private void run(UUID batchId) {
		try {
			for (int attempt = 1;; attempt++) {
				try {
					this.executions.start(batchId);
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

	/** Claims and runs stale batches while this process has room for them. */
	void resumeStale() {
		while (this.inFlight.get() < this.settings.concurrentBatches()) {
			Optional<ClaimRepository.Claim> claim = this.claims.claimStale(this.settings.resume().lease());
			if (claim.isEmpty()) {
				return;
			}
			UUID batchId = claim.get().id();
			if (claim.get().attempts() >= this.settings.resume().maxAttempts()) {
				if (this.executions.giveUp(batchId)) {
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

package etax.batch.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import etax.batch.DatabaseOutages;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a batch's status in step with its job, however the job was launched (upload, take-over, or an
 * officer's restart of the execution): a run makes it {@code PROCESSING} and keeps its heartbeat; a run that
 * completes makes it {@code COMPLETED} ({@code CANCELLED} if it was cancelled) and, in the same
 * transaction, puts the {@link BatchCompleted} notice in the outbox. A run that fails leaves it {@code PROCESSING}: without a heartbeat it is taken
 * over after the lease. A run that failed only for an outage (declaration-api or the database down or unreachable,
 * or this service stopping) is not counted among the batch's attempts: an outage longer than the attempts' leases
 * would otherwise leave every batch in flight {@code FAILED} for an officer to restart one by one.
 */
@Component
class BatchLifecycle implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(BatchLifecycle.class);

	private final BatchRepository batches;

	private final BatchStatusRepository statuses;

	private final Heartbeats heartbeats;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final JobRepository jobRepository;

	private final Clock clock;

	BatchLifecycle(BatchRepository batches, BatchStatusRepository statuses, Heartbeats heartbeats, Outbox outbox,
			TransactionTemplate transactions, JobRepository jobRepository, Clock clock) {
		this.batches = batches;
		this.statuses = statuses;
		this.heartbeats = heartbeats;
		this.outbox = outbox;
		this.transactions = transactions;
		this.jobRepository = jobRepository;
		this.clock = clock;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		UUID batchId = BulkFilingJobConfiguration.batchId(execution.getJobParameters());
		this.heartbeats.hold(batchId);
		this.statuses.processing(batchId);
	}

	@Override
	public void afterJob(JobExecution execution) {
		UUID batchId = BulkFilingJobConfiguration.batchId(execution.getJobParameters());
		try {
			if (execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
				completed(batchId);
			}
			else {
				boolean outage = outageOnly(execution);
				log.warn("Bulk filing run ended unfinished batch={} execution={} status={} outage={}", batchId,
						execution.getId(), execution.getStatus(), outage);
				if (outage) {
					notAnAttempt(batchId);
				}
			}
		}
		finally {
			// whatever ending it failed to record, the run is over: held on, the batch would be taken over by no one
			this.heartbeats.release(batchId);
		}
	}

	private boolean outageOnly(JobExecution execution) {
		try {
			JobExecution stored = this.jobRepository.getJobExecution(execution.getId());
			return stored != null && PartitionOutages.only(execution, stored);
		}
		catch (DataAccessException ex) {
			// the database down now: the run is taken off its attempts with a later heartbeat
			return DatabaseOutages.isOutage(ex);
		}
	}

	private void notAnAttempt(UUID batchId) {
		try {
			this.heartbeats.notAnAttempt(batchId);
		}
		catch (DataAccessException ex) {
			log.info("Bulk filing run not counted with a later heartbeat, the database is down batch={}", batchId);
		}
	}

	/**
	 * Ends the batch (completed or cancelled) and announces it, once: in the caller's transaction when it has one
	 * (a cancellation ends a {@code FAILED} batch with its items, {@link BulkFilings#cancel}), else in one of its own.
	 */
	void completed(UUID batchId) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> end(batchId, now));
	}

	/**
	 * Leaves a batch that has had all its runs {@code FAILED} for an officer; or, when its filer cancelled it and
	 * none of its items is left to file, ends it {@code CANCELLED} and announces it, as a run's end does: left
	 * {@code FAILED}, it would stay so, since no take-over claims it, and its filer would never be told. One
	 * transaction, whose first statement locks the batch's row ({@link BatchStatusRepository#fail}): a cancellation
	 * that updated the row first is waited for and seen, one that comes later waits for this transaction and finds
	 * the batch {@code FAILED}, which it ends itself.
	 * @return whether it was left {@code FAILED}
	 */
	boolean failed(UUID batchId) {
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (this.statuses.fail(batchId)) {
				return true;
			}
			end(batchId, now);
			return false;
		}));
	}

	private void end(UUID batchId, Instant now) {
		if (this.statuses.complete(batchId, now)) {
			Batch batch = this.batches.find(batchId).orElseThrow();
			Filer filer = this.batches.filer(batchId);
			this.outbox.append(
					OutboxMessage.of(BatchCompleted.TOPIC, filer.noticeKey(), BatchCompleted.of(batch, filer, now)));
			log.info("Batch ended batch={} status={} items={} accepted={} notAccepted={} notReceived={} failed={}"
					+ " cancelled={}", batchId, batch.status(), batch.items(), batch.counts().accepted(),
					batch.counts().notAccepted(), batch.counts().notReceived(), batch.counts().failed(),
					batch.counts().cancelled());
		}
	}

}

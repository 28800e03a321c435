package etax.batch.bulk;

import java.lang.management.ManagementFactory;

import etax.access.RedactedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Files partitions of bulk filing jobs that other processes sent to the partition topic
 * ({@link RemotePartitionHandler}): loads the partition's step execution from the shared job repository
 * and runs {@code bulkFilingWorkerStep} on it, on the listener's thread. The record's offset is committed
 * only after the step has ended (one record per poll), so a worker that dies mid-partition leaves it to
 * be delivered again, to another worker, which resumes the part from its items still {@code PENDING}
 * (idempotency keys make a chunk sent twice harmless). A request for a partition that has already ended
 * (run, failed, abandoned by a take-over of the batch) is skipped: a take-over sends requests of its own.
 * The partition's step execution names the worker that ran it ({@code worker} in its context) and, when
 * resumed, the one it was left by ({@code resumedFrom}). Metric: {@code etax.batch.bulk.partitions.run},
 * tagged with the partition's end status.
 */
@Component
@ConditionalOnBooleanProperty("etax.batch.bulk.remote.worker")
class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private static final String WORKER = "worker";

	private static final String RESUMED_FROM = "resumedFrom";

	private final JobRepository jobRepository;

	private final Step bulkFilingWorkerStep;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final String name = ManagementFactory.getRuntimeMXBean().getName();

	PartitionWorker(JobRepository jobRepository, Step bulkFilingWorkerStep, JsonMapper json, MeterRegistry meters) {
		this.jobRepository = jobRepository;
		this.bulkFilingWorkerStep = bulkFilingWorkerStep;
		this.json = json;
		this.meters = meters;
	}

	@KafkaListener(id = "bulk-partition-worker", groupId = "batch-processor-bulk-workers",
			topics = "${etax.batch.bulk.remote.topic}", containerFactory = RemotePartitioning.WORKER_CONTAINERS)
	void on(ConsumerRecord<String, String> record) {
		PartitionRequest request = read(record);
		if (request == null) {
			return;
		}
		StepExecution partition = this.jobRepository.getStepExecution(request.stepExecutionId());
		if (partition == null || !request.stepName().equals(this.bulkFilingWorkerStep.getName())
				|| !isBulkFilingPartition(partition)) {
			log.warn("Skipped a request for an unknown partition or step at={}-{}@{}", record.topic(),
					record.partition(), record.offset());
			return;
		}
		if (partition.getStatus() != BatchStatus.STARTING && partition.getStatus() != BatchStatus.STARTED) {
			log.info("Skipped partition={} step execution={}: already {}", partition.getStepName(),
					partition.getId(), partition.getStatus());
			return;
		}
		if (partition.getStatus() == BatchStatus.STARTED) {
			String previous = partition.getExecutionContext().getString(WORKER, "unknown");
			log.warn("Resuming partition={} step execution={} left running by worker={}", partition.getStepName(),
					partition.getId(), previous);
			partition.getExecutionContext().putString(RESUMED_FROM, previous);
		}
		partition.getExecutionContext().putString(WORKER, this.name);
		// stored now, not at the first chunk: should this worker die, the next one can say whose it was
		this.jobRepository.updateExecutionContext(partition);
		run(partition);
		Counter.builder("etax.batch.bulk.partitions.run")
			.description("Partitions of bulk filings this worker ran, by how they ended")
			.tag("status", partition.getStatus().name())
			.register(this.meters)
			.increment();
	}

	/** The request names the step; the execution it names must be one (another job's would be run as a bulk one). */
	private static boolean isBulkFilingPartition(StepExecution partition) {
		return partition.getStepName().startsWith(BulkFilingJobConfiguration.WORKER_STEP + ":")
				&& BulkFilingJobConfiguration.JOB_NAME.equals(partition.getJobExecution().getJobInstance().getJobName());
	}

	private void run(StepExecution partition) {
		try {
			this.bulkFilingWorkerStep.execute(partition);
		}
		catch (JobInterruptedException ex) {
			partition.setStatus(BatchStatus.STOPPED);
			this.jobRepository.update(partition);
		}
		catch (RuntimeException ex) {
			log.error("Partition failed step execution={}: {}", partition.getId(), RedactedException.describe(ex),
					RedactedException.of(ex));
			partition.addFailureException(ex);
			partition.setStatus(BatchStatus.FAILED);
			this.jobRepository.update(partition);
		}
	}

	private @Nullable PartitionRequest read(ConsumerRecord<String, String> record) {
		try {
			return this.json.readValue(record.value(), PartitionRequest.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.warn("Skipped an unreadable partition request at={}-{}@{}", record.topic(), record.partition(),
					record.offset());
			return null;
		}
	}

}

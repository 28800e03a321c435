package etax.batch.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorProperties;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Hands the partitions of a bulk filing job to worker processes ({@link PartitionWorker}) over Kafka
 * instead of this process's threads: one {@link PartitionRequest} per partition, spread over the topic's
 * partitions in turn, then waits for the partitions' step executions to end by reading the shared job
 * repository every {@code pollInterval}; no reply topic, so a worker's answer cannot be lost. After
 * {@code timeout} the step fails and the batch is run again like any failed one.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final String stepName;

	private final JobRepository jobRepository;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final BatchProcessorProperties.Remote settings;

	private final AtomicInteger next = new AtomicInteger();

	RemotePartitionHandler(String stepName, JobRepository jobRepository, KafkaTemplate<String, String> kafka,
			JsonMapper json, BatchProcessorProperties.Remote settings) {
		this.stepName = stepName;
		this.jobRepository = jobRepository;
		this.kafka = kafka;
		this.json = json;
		this.settings = settings;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
			throws Exception {
		if (partitions.isEmpty()) {
			return partitions;
		}
		send(managerStepExecution.getJobExecutionId(), partitions);
		return awaitEnd(managerStepExecution.getJobExecutionId(),
				partitions.stream().map(StepExecution::getId).collect(Collectors.toSet()));
	}

	private void send(long jobExecutionId, Set<StepExecution> partitions) throws Exception {
		List<PartitionInfo> topicPartitions = this.kafka.partitionsFor(this.settings.topic());
		for (StepExecution partition : partitions) {
			PartitionRequest request = new PartitionRequest(jobExecutionId, partition.getId(), this.stepName);
			// in turn, not by key: a worker files one partition at a time per topic partition
			int topicPartition = Math.floorMod(this.next.getAndIncrement(), topicPartitions.size());
			this.kafka.send(this.settings.topic(), topicPartition, Long.toString(partition.getId()),
					this.json.writeValueAsString(request)).get();
		}
		log.info("Sent {} partitions of job execution={} to topic={}", partitions.size(), jobExecutionId,
				this.settings.topic());
	}

	private Set<StepExecution> awaitEnd(long jobExecutionId, Set<Long> partitionIds)
			throws InterruptedException, TimeoutException {
		Instant deadline = Instant.now().plus(this.settings.timeout());
		Duration interval = this.settings.pollInterval();
		while (true) {
			JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
			if (execution == null) {
				throw new IllegalStateException("Job execution " + jobExecutionId + " is gone from the repository");
			}
			Set<StepExecution> ended = execution.getStepExecutions()
				.stream()
				.filter((step) -> partitionIds.contains(step.getId()) && !step.getStatus().isRunning())
				.collect(Collectors.toSet());
			if (ended.size() == partitionIds.size()) {
				return ended;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new TimeoutException("%d of %d partitions of job execution %d ended within %s"
					.formatted(ended.size(), partitionIds.size(), jobExecutionId, this.settings.timeout()));
			}
			Thread.sleep(interval.toMillis());
		}
	}

}

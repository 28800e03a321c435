package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import etax.devstack.LocalInfrastructure;
import etax.devstack.ServiceProcess;
import etax.devstack.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Remote partitioning over Kafka: a batch-processor that runs the batch's job and sends its partitions to
 * the partition topic, and two worker processes that file them, each in a JVM of its own, against a
 * database of their own and declaration-api's jar in a fourth JVM. One worker is killed with SIGKILL in
 * the middle of the batch; the other is given its partitions once Kafka has seen it gone and resumes
 * them. Every item is filed exactly once, every partition is completed by a worker, and both filed parts.
 */
class BulkFilingRemotePartitionsIntegrationTests {

	private static final int ITEMS = 320;

	/** One part per partition of the topic, so that every consumer of the group gets one. */
	private static final int PARTS = Topics.BULK_PARTITIONS_PARTITIONS;

	@Test
	void workerProcessesFileTheBatchsPartitionsAndWhatAKilledOneLeavesIsResumedByTheOther() throws Exception {
		try (BulkProcesses stack = BulkProcesses.start("bulk_remote")) {
			Map<String, Object> batch = stack.batchProcessorProperties();
			batch.put("etax.batch.bulk.partitions", Integer.toString(PARTS));
			batch.put("etax.batch.bulk.remote.enabled", "true");
			batch.put("etax.batch.bulk.remote.poll-interval", "200ms");
			Map<String, Object> worker = new HashMap<>(batch);
			worker.put("etax.batch.bulk.remote.worker", "true");
			worker.put("etax.batch.bulk.worker-threads", "2");
			// a killed worker's consumers leave the group after 6 s rather than the default 45 s
			worker.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
			worker.put("spring.kafka.consumer.heartbeat-interval", "1s");
			JdbcClient jdbc = stack.jdbc();
			String agent = BulkReturns.newMst();
			Map<String, byte[]> entries = stack.returnsOfNewClients(agent, ITEMS);

			ServiceProcess manager = stack.batchProcessor("batch-processor-manager", batch);
			ServiceProcess first = stack.batchProcessor("batch-processor-worker-1", worker);
			stack.batchProcessor("batch-processor-worker-2", worker);
			awaitConsumers("batch-processor-bulk-workers", 4);

			String batchId = BulkProcesses.upload(manager, agent, Zips.of(entries));
			String firstWorker = first.pid() + "@";
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
				.until(() -> stack.decided(batchId) >= ITEMS / 8 && partitionContexts(jdbc, batchId, "STARTED")
					.stream()
					.anyMatch((context) -> String.valueOf(context.get("worker")).startsWith(firstWorker)));
			stack.kill(first);
			assertThat(stack.decided(batchId)).as("killed in the middle of the batch").isLessThan(ITEMS);

			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
				.until(() -> "COMPLETED".equals(stack.status(batchId)));

			assertThat(stack.accepted(batchId)).isEqualTo(ITEMS);
			assertThat(stack.returnsFiledBy(agent)).as("returns filed").isEqualTo(ITEMS);
			assertThat(stack.receiptsUnderTheirKeys(agent, batchId)).as("each item's receipt is the return filed under its key")
				.isEqualTo(ITEMS);
			List<Map<String, Object>> partitions = partitionContexts(jdbc, batchId, "COMPLETED");
			assertThat(partitions).as("every part completed by a worker process, none by the job's own").hasSize(PARTS)
				.allSatisfy((context) -> assertThat(context).containsKey("worker"));
			assertThat(partitions).as("a part the killed worker was filing, resumed by the other")
				.anySatisfy((context) -> assertThat(context.get("resumedFrom")).isNotNull()
					.isNotEqualTo(context.get("worker")));
			Set<Object> workers = partitions.stream()
				.flatMap((context) -> Stream.of(context.get("worker"), context.get("resumedFrom")))
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			assertThat(workers).as("both workers filed parts (the killed one may have completed none)").hasSize(2);
		}
	}

	/** Waits until the workers' consumers have joined their group and share the topic's partitions. */
	private static void awaitConsumers(String group, int consumers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				LocalInfrastructure.kafka().bootstrapServers()))) {
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> {
				ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
					.describedGroups()
					.get(group)
					.get();
				return description.members().size() == consumers && description.members()
					.stream()
					.allMatch((member) -> !member.assignment().topicPartitions().isEmpty());
			});
		}
	}

	/** The context of each partition's step execution in the status. */
	private static List<Map<String, Object>> partitionContexts(JdbcClient jdbc, String batchId, String status) {
		DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
		return jdbc.sql("""
				SELECT c.short_context FROM batch.batch_step_execution s
				JOIN batch.batch_step_execution_context c ON c.step_execution_id = s.step_execution_id
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
				WHERE p.parameter_name = 'batchId' AND p.parameter_value = ?
				    AND s.step_name LIKE 'bulkFilingWorkerStep:%' AND s.status = ?
				""").params(batchId, status).query(String.class).list().stream().map((context) -> {
					try {
						return serializer.deserialize(new ByteArrayInputStream(context.getBytes(StandardCharsets.UTF_8)));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}).toList();
	}

}

package etax.batch.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import etax.devstack.LocalInfrastructure;
import etax.devstack.ServiceProcess;
import etax.devstack.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch-processor killed with SIGKILL in the middle of a batch, in a separate JVM, and a second one that
 * takes the batch over once its heartbeat has stopped: every item is filed exactly once. Both run against
 * a database of their own and declaration-api's jar in a third JVM.
 */
class BulkFilingCrashIntegrationTests {

	private static final int ITEMS = 1000;

	@Test
	void aBatchKilledMidwayIsTakenOverAndEveryItemIsFiledExactlyOnce() throws Exception {
		try (BulkProcesses stack = BulkProcesses.start("bulk_crash")) {
			Map<String, Object> batch = stack.batchProcessorProperties();
			batch.put("etax.batch.bulk.resume.heartbeat", "500ms");
			batch.put("etax.batch.bulk.resume.lease", "3s");
			batch.put("etax.batch.bulk.resume.check", "1s");
			JdbcClient jdbc = stack.jdbc();
			String agent = BulkReturns.newMst();
			Map<String, byte[]> entries = stack.returnsOfNewClients(agent, ITEMS);

			ServiceProcess first = stack.batchProcessor("batch-processor-crash-1", batch);
			String batchId = BulkProcesses.upload(first, agent, Zips.of(entries));
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
				.until(() -> stack.decided(batchId) >= 100);
			stack.kill(first);

			assertThat(stack.decided(batchId)).as("killed in the middle of the batch").isLessThan(ITEMS);
			assertThat(stack.status(batchId)).isEqualTo("PROCESSING");
			assertThat(executions(jdbc, batchId)).containsExactly("STARTED");

			stack.batchProcessor("batch-processor-crash-2", batch);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
				.until(() -> "COMPLETED".equals(stack.status(batchId)));

			assertThat(stack.accepted(batchId)).isEqualTo(ITEMS);
			assertThat(stack.returnsFiledBy(agent)).as("returns filed").isEqualTo(ITEMS);
			assertThat(stack.receiptsUnderTheirKeys(agent, batchId))
				.as("each item's receipt is the return filed under its key, by the first or the second process")
				.isEqualTo(ITEMS);
			assertThat(executions(jdbc, batchId)).as("the dead execution recovered, then restarted")
				.containsExactly("FAILED", "COMPLETED");
			assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
					(record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId), 1,
					Duration.ofSeconds(30)))
				.hasSize(1);
		}
	}

	private static List<String> executions(JdbcClient jdbc, String batchId) {
		return jdbc.sql("""
				SELECT e.status FROM batch.batch_job_execution e
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'batchId' AND p.parameter_value = ?
				ORDER BY e.job_execution_id
				""").param(batchId).query(String.class).list();
	}

}

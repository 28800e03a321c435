package etax.batch.bulk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import etax.batch.BatchProcessorApplication;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.ServiceProcess;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch-processor killed with SIGKILL in the middle of a batch, in a separate JVM, and a second one that
 * takes the batch over once its heartbeat has stopped: every item is filed exactly once. Both run against
 * a database of their own and declaration-api's jar in a third JVM.
 */
class BulkFilingCrashIntegrationTests {

	private static final int ITEMS = 1000;

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private final List<ServiceProcess> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(ServiceProcess::stop);
	}

	@Test
	void aBatchKilledMidwayIsTakenOverAndEveryItemIsFiledExactlyOnce() throws Exception {
		Map<String, Object> common = new HashMap<>(LocalInfrastructureInitializer.properties());
		String database = LocalInfrastructure.postgres().createDatabase("bulk_crash");
		common.put("spring.datasource.url", database);
		Map<String, Object> declaration = new HashMap<>(common);
		declaration.put("etax.declaration.signature.required", "false");
		ServiceProcess declarationApi = BulkReturns.declarationApi(declaration);
		this.processes.add(declarationApi);
		Map<String, Object> batch = new HashMap<>(common);
		batch.put("etax.batch.summary.schedule.enabled", "false");
		batch.put("etax.batch.bulk.declaration-api.url", declarationApi.url());
		batch.put("etax.batch.bulk.declaration-api.token", TOKENS.service("batch-processor"));
		batch.put("etax.batch.bulk.chunk-size", "10");
		batch.put("etax.batch.bulk.resume.heartbeat", "500ms");
		batch.put("etax.batch.bulk.resume.lease", "3s");
		batch.put("etax.batch.bulk.resume.check", "1s");

		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database, "postgres", "", true);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String agent = BulkReturns.newMst();
		List<String> clients = new ArrayList<>();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 1; i <= ITEMS; i++) {
			String client = BulkReturns.newMst();
			clients.add(client);
			entries.put(String.format("%04d.xml", i), BulkReturns.of(client).getBytes(StandardCharsets.UTF_8));
		}
		BulkReturns.register(jdbc, agent, clients, "Q");

		ServiceProcess first = batchProcessor("batch-processor-crash-1", batch);
		String batchId = upload(first, agent, Zips.of(entries));
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> decided(jdbc, batchId) >= 100);
		first.kill();
		this.processes.remove(first);

		long decidedAtCrash = decided(jdbc, batchId);
		assertThat(decidedAtCrash).as("killed in the middle of the batch").isLessThan(ITEMS);
		assertThat(status(jdbc, batchId)).isEqualTo("PROCESSING");
		assertThat(executions(jdbc, batchId)).containsExactly("STARTED");

		batchProcessor("batch-processor-crash-2", batch);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
			.until(() -> "COMPLETED".equals(status(jdbc, batchId)));

		assertThat(jdbc.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ?::uuid AND status = 'ACCEPTED'")
			.param(batchId)
			.query(Long.class)
			.single()).isEqualTo(ITEMS);
		assertThat(jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE filed_by = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single()).as("returns filed").isEqualTo(ITEMS);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM batch.bulk_item i
				JOIN filing.idempotency_key k ON k.filer = ? AND k.key = 'bulk:' || i.batch_id || ':' || i.item_no
					AND k.return_id = i.return_id
				WHERE i.batch_id = ?::uuid
				""").params("agent-" + agent, batchId).query(Long.class).single())
			.as("each item's receipt is the return filed under its key, by the first or the second process")
			.isEqualTo(ITEMS);
		assertThat(executions(jdbc, batchId)).as("the dead execution recovered, then restarted")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
				(record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId), 1,
				Duration.ofSeconds(30)))
			.hasSize(1);
		dataSource.destroy();
	}

	private ServiceProcess batchProcessor(String name, Map<String, Object> properties) throws InterruptedException {
		ServiceProcess process = ServiceProcess.startClass(name, BatchProcessorApplication.class, BulkReturns.freePort(),
				properties, BulkReturns.LOGS);
		this.processes.add(process);
		process.awaitHealthy(Duration.ofMinutes(2));
		return process;
	}

	private static String upload(ServiceProcess service, String agent, byte[] zip) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/batches"))
				.header("Content-Type", "application/zip")
				.header("Authorization", "Bearer " + TOKENS.agent(agent))
				.POST(HttpRequest.BodyPublishers.ofByteArray(zip))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JsonMapper.builder().build().readTree(response.body()).get("id").asString();
	}

	private static long decided(JdbcClient jdbc, String batchId) {
		return jdbc.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ?::uuid AND status <> 'PENDING'")
			.param(batchId)
			.query(Long.class)
			.single();
	}

	private static String status(JdbcClient jdbc, String batchId) {
		return jdbc.sql("SELECT status FROM batch.bulk_batch WHERE id = ?::uuid").param(batchId).query(String.class).single();
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

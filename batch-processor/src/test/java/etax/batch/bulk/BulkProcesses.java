package etax.batch.bulk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the tests that kill processes: a database of their own, declaration-api's jar running on it
 * (signatures not required), and batch-processors started on it in JVMs of their own, filing through that
 * declaration-api in chunks of 10. Closing stops whatever is still running.
 */
final class BulkProcesses implements AutoCloseable {

	private final List<ServiceProcess> processes = new ArrayList<>();

	private final SingleConnectionDataSource dataSource;

	private final Map<String, Object> batchProcessor;

	private BulkProcesses(String database) {
		this.dataSource = new SingleConnectionDataSource(database, "postgres", "", true);
		Map<String, Object> common = new HashMap<>(LocalInfrastructureInitializer.properties());
		common.put("spring.datasource.url", database);
		Map<String, Object> declaration = new HashMap<>(common);
		declaration.put("etax.declaration.signature.required", "false");
		ServiceProcess declarationApi = BulkReturns.declarationApi(declaration);
		this.processes.add(declarationApi);
		this.batchProcessor = new HashMap<>(common);
		this.batchProcessor.put("etax.batch.summary.schedule.enabled", "false");
		this.batchProcessor.put("etax.batch.bulk.declaration-api.url", declarationApi.url());
		this.batchProcessor.put("etax.batch.bulk.declaration-api.token", TokenIssuer.local().service("batch-processor"));
		this.batchProcessor.put("etax.batch.bulk.chunk-size", "10");
	}

	/** @param name the database's name (made unique) */
	static BulkProcesses start(String name) {
		return new BulkProcesses(LocalInfrastructure.postgres().createDatabase(name));
	}

	JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	/** The properties of a batch-processor filing through this declaration-api: a copy to add to. */
	Map<String, Object> batchProcessorProperties() {
		return new HashMap<>(this.batchProcessor);
	}

	/** Starts a batch-processor in a JVM of its own (log {@code name.log}) and waits until it is healthy. */
	ServiceProcess batchProcessor(String name, Map<String, Object> properties) throws InterruptedException {
		ServiceProcess process = ServiceProcess.startClass(name, BatchProcessorApplication.class, 0,
				properties, BulkReturns.LOGS);
		this.processes.add(process);
		process.awaitHealthy(Duration.ofMinutes(2));
		return process;
	}

	/** SIGKILL. */
	void kill(ServiceProcess process) throws InterruptedException {
		process.kill();
		this.processes.remove(process);
	}

	/**
	 * Registers {@code count} new taxpayers as the agent's clients and gives each a return.
	 * @return zip entries {@code 0001.xml}... in order
	 */
	Map<String, byte[]> returnsOfNewClients(String agent, int count) {
		List<String> clients = new ArrayList<>();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 1; i <= count; i++) {
			String client = BulkReturns.newMst();
			clients.add(client);
			entries.put(String.format("%04d.xml", i), BulkReturns.of(client).getBytes(StandardCharsets.UTF_8));
		}
		BulkReturns.register(jdbc(), agent, clients, "Q");
		return entries;
	}

	/** Uploads a zip to a batch-processor of this stack as the agent; the batch's id from its {@code 202}. */
	static String upload(ServiceProcess batchProcessor, String agent, byte[] zip) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(batchProcessor.url() + "/api/v1/batches"))
				.header("Content-Type", "application/zip")
				.header("Authorization", "Bearer " + TokenIssuer.local().agent(agent))
				.POST(HttpRequest.BodyPublishers.ofByteArray(zip))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JsonMapper.builder().build().readTree(response.body()).get("id").asString();
	}

	/** The batch's status as stored. */
	String status(String batchId) {
		return jdbc().sql("SELECT status FROM batch.bulk_batch WHERE id = ?::uuid").param(batchId).query(String.class).single();
	}

	/** How many of the batch's items have an outcome. */
	long decided(String batchId) {
		return jdbc().sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ?::uuid AND status <> 'PENDING'")
			.param(batchId)
			.query(Long.class)
			.single();
	}

	/** How many of the batch's items were accepted. */
	long accepted(String batchId) {
		return jdbc().sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ?::uuid AND status = 'ACCEPTED'")
			.param(batchId)
			.query(Long.class)
			.single();
	}

	/** How many returns declaration-api has filed for the agent. */
	long returnsFiledBy(String agent) {
		return jdbc().sql("SELECT count(*) FROM filing.tax_return WHERE filed_by = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single();
	}

	/** How many of the batch's items have a receipt that is the return filed under the item's key. */
	long receiptsUnderTheirKeys(String agent, String batchId) {
		return jdbc().sql("""
				SELECT count(*) FROM batch.bulk_item i
				JOIN filing.idempotency_key k ON k.filer = ? AND k.key = 'bulk:' || i.batch_id || ':' || i.item_no
					AND k.return_id = i.return_id
				WHERE i.batch_id = ?::uuid
				""").params("agent-" + agent, batchId).query(Long.class).single();
	}

	@Override
	public void close() {
		this.processes.forEach(ServiceProcess::stop);
		this.dataSource.destroy();
	}

}

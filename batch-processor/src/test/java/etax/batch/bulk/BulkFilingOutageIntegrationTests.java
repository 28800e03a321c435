package etax.batch.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run that failed because declaration-api is down (nothing listens at its address) is not one of its batch's
 * attempts, though the job's partition step fails with a summary of its partitions that is no outage: otherwise
 * an outage longer than a few leases would leave every batch in flight FAILED for an officer to restart.
 */
@SpringBootTest(properties = { "etax.batch.summary.schedule.enabled=false", "etax.batch.interest.schedule.enabled=false",
		"etax.batch.retention.schedule.enabled=false", "etax.batch.reconciliation.schedule.enabled=false",
		"etax.batch.bulk.declaration-api.url=http://127.0.0.1:9", "etax.batch.bulk.declaration-api.retries=0",
		"etax.batch.bulk.declaration-api.token=service-token" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class BulkFilingOutageIntegrationTests {

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunFailedForDeclarationApiDownIsNotCountedAmongItsBatchsAttempts() throws Exception {
		String agent = BulkReturns.newMst();
		MvcTestResult upload = this.mvc.post()
			.uri("/api/v1/batches")
			.with(bearer(TOKENS.agent(agent)))
			.contentType("application/zip")
			.content(zipOf(agent, 3))
			.exchange();
		assertThat(upload).hasStatus(HttpStatus.ACCEPTED);
		String batchId = this.jdbc.sql("SELECT id::text FROM batch.bulk_batch WHERE filer_subject = ?")
			.param("agent-" + agent)
			.query(String.class)
			.single();

		await().atMost(Duration.ofSeconds(60)).until(() -> runEnded(batchId).isPresent());

		assertThat(runEnded(batchId)).contains("FAILED");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT attempts FROM batch.bulk_batch WHERE id = ?::uuid")
				.param(batchId)
				.query(Integer.class)
				.single()).as("the run taken off the batch's attempts").isZero());
		assertThat(this.jdbc.sql("SELECT status FROM batch.bulk_batch WHERE id = ?::uuid")
			.param(batchId)
			.query(String.class)
			.single()).isEqualTo("PROCESSING");
		assertThat(this.jdbc.sql("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ?::uuid AND status <> 'PENDING'")
			.param(batchId)
			.query(Long.class)
			.single()).as("no item decided for an outage").isZero();
	}

	/** The status of the batch's job execution once it has ended. */
	private Optional<String> runEnded(String batchId) {
		return this.jdbc.sql("""
				SELECT e.status FROM batch.batch_job_execution e
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'batchId' AND p.parameter_value = ? AND e.end_time IS NOT NULL""")
			.param(batchId)
			.query(String.class)
			.optional();
	}

	private static byte[] zipOf(String mst, int returns) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 1; i <= returns; i++) {
			entries.put(i + ".xml", BulkReturns.of(mst).getBytes(StandardCharsets.UTF_8));
		}
		return Zips.of(entries);
	}

}

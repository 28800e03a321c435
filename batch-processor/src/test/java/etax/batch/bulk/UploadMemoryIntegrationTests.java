package etax.batch.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads share a bounded memory: two that together need more than it cannot be held at once. The first
 * is held at its largest (its file and its returns, while its insert waits on a lock this test holds); the
 * second, the same size, is refused at once with a 503 problem and {@code Retry-After}, nothing stored; once
 * the first is stored, the second goes through. Filing is not the point here: declaration-api is absent and
 * the items fail, without retries.
 */
@SpringBootTest(properties = { "etax.batch.summary.schedule.enabled=false", "etax.batch.interest.schedule.enabled=false",
		"etax.batch.retention.schedule.enabled=false", "etax.batch.reconciliation.schedule.enabled=false",
		"etax.batch.bulk.declaration-api.url=http://127.0.0.1:9", "etax.batch.bulk.declaration-api.retries=0" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class UploadMemoryIntegrationTests {

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	/** One upload: 20 returns zipped. */
	private static final byte[] UPLOAD = zipOf(20);

	/** What one upload holds at its largest: its file and its returns. */
	private static final long ONE = UPLOAD.length + 20L * bytes(BulkReturns.of("0100000001")).length;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UploadMemory memory;

	/** Room for one upload, not for the file of a second besides. */
	@DynamicPropertySource
	static void memory(DynamicPropertyRegistry registry) {
		registry.add("etax.batch.bulk.uploads-in-memory", () -> (ONE + UPLOAD.length / 2) + "B");
	}

	@Test
	void aSecondUploadThatDoesNotFitBesideTheFirstIsRefusedWithNothingStoredAndAcceptedOnceTheFirstIsDone()
			throws Exception {
		String first = BulkReturns.newMst();
		String second = BulkReturns.newMst();
		CompletableFuture<MvcTestResult> held;
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("LOCK TABLE batch.bulk_batch IN SHARE MODE");
			}
			held = CompletableFuture.supplyAsync(() -> upload(first));
			await().atMost(Duration.ofSeconds(30)).until(this::insertWaits);
			assertThat(this.memory.held()).as("the first upload's file and returns").isEqualTo(ONE);

			MvcTestResult refused = upload(second);

			assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
				.hasHeader("Retry-After", String.valueOf(UploadMemory.RETRY_AFTER.toSeconds()))
				.bodyJson()
				.satisfies((json) -> {
					assertThat(json).extractingPath("$.type").isEqualTo("https://etax.example/problems/batch-uploads-busy");
					assertThat(json).extractingPath("$.status").isEqualTo(503);
					assertThat(json).extractingPath("$.detail").asString().contains("Nothing was stored or filed");
					assertThat(json).extractingPath("$.limits").isEqualTo("/api/v1/limits");
				});
			assertThat(this.memory.held()).as("the refused upload holds nothing").isEqualTo(ONE);
			lock.commit();
		}
		assertThat(held.get(30, TimeUnit.SECONDS)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(batches(first)).isEqualTo(1);
		assertThat(batches(second)).as("nothing of the refused upload stored").isZero();
		assertThat(this.memory.held()).as("given back once stored").isZero();

		assertThat(upload(second)).as("the same upload once the first is done").hasStatus(HttpStatus.ACCEPTED);
		assertThat(batches(second)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/api/v1/limits").with(bearer(TOKENS.agent(first))).exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.batch.uploadsInMemoryBytes")
			.asNumber()
			.satisfies((bytes) -> assertThat(bytes.longValue()).isEqualTo(ONE + UPLOAD.length / 2));
	}

	private boolean insertWaits() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
				WHERE c.relname = 'bulk_batch' AND NOT l.granted""").query(Long.class).single() > 0;
	}

	private long batches(String agent) {
		return this.jdbc.sql("SELECT count(*) FROM batch.bulk_batch WHERE filer_subject = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single();
	}

	private MvcTestResult upload(String agent) {
		return this.mvc.post()
			.uri("/api/v1/batches")
			.with(bearer(TOKENS.agent(agent)))
			.contentType("application/zip")
			.content(UPLOAD)
			.exchange();
	}

	private static byte[] zipOf(int returns) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 1; i <= returns; i++) {
			entries.put(i + ".xml", bytes(BulkReturns.of("0100000001")));
		}
		return Zips.of(entries);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

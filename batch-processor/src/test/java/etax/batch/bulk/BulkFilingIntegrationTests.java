package etax.batch.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.ServiceProcess;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.TestPki;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk filing end to end on real PostgreSQL and Kafka: this service in the test JVM, declaration-api
 * from its jar in its own JVM with signatures required, as in production. Each return of a batch is
 * filed as if its agent had filed it alone; refused uploads store and file nothing.
 */
@SpringBootTest(properties = { "etax.batch.summary.schedule.enabled=false", "etax.batch.bulk.chunk-size=2",
		"etax.batch.bulk.partitions=" + BulkFilingIntegrationTests.PARTITIONS, "etax.batch.bulk.limits.max-items=50" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class BulkFilingIntegrationTests {

	/** How many partitions a batch has here. */
	static final int PARTITIONS = 3;

	private static final String PROBLEMS = "https://etax.example/problems/";

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	private static final TestPki PKI = TestPki.create();

	private static ServiceProcess declarationApi;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	BatchRuns batchRuns;

	@Autowired
	OutcomeRepository outcomes;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void declarationApi(DynamicPropertyRegistry registry) throws IOException {
		Map<String, Object> properties = new HashMap<>(LocalInfrastructureInitializer.properties());
		properties.putAll(PKI.writeTrustStore(Files.createTempDirectory("etax-trust").resolve("trust.p12"))
			.signatureProperties());
		properties.put("etax.declaration.signature.required", "true");
		declarationApi = BulkReturns.declarationApi(properties);
		registry.add("etax.batch.bulk.declaration-api.url", declarationApi::url);
		registry.add("etax.batch.bulk.declaration-api.token", () -> TOKENS.service("batch-processor"));
	}

	/** None when it did not become healthy: {@link BulkReturns#declarationApi} killed it then. */
	@AfterAll
	static void stopDeclarationApi() {
		if (declarationApi != null) {
			declarationApi.stop();
		}
	}

	@Test
	void filesEachReturnOfAZipAsItsAgentWouldAloneWithItsOwnReceiptAndNotices() throws Exception {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		String unsignedClient = BulkReturns.newMst();
		String monthlyClient = BulkReturns.newMst();
		String stranger = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client, unsignedClient), "Q");
		BulkReturns.register(this.jdbc, BulkReturns.newMst(), List.of(monthlyClient), "M");
		this.jdbc.sql("INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)"
				+ " VALUES (?, ?, 'HD-M', DATE '2026-01-01')").params(agent, monthlyClient).update();
		BulkReturns.taxpayers(this.jdbc, List.of(stranger), "Q");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("01-valid.xml", signed(client));
		entries.put("02-quarterly-of-a-monthly-filer.xml", signed(monthlyClient));
		entries.put("03-unsigned.xml", bytes(BulkReturns.of(unsignedClient)));
		entries.put("04-no-contract.xml", signed(stranger));
		entries.put("05-not-xml.xml", bytes(BulkReturns.of(client).replace("</CTieuTKhaiChinh>", "")));

		MvcTestResult upload = this.mvc.post()
			.uri("/api/v1/batches")
			.with(bearer(TOKENS.agent(agent)))
			.contentType("application/zip")
			.content(Zips.of(entries))
			.exchange();

		assertThat(upload).hasStatus(HttpStatus.ACCEPTED);
		JsonNode received = json(upload);
		String batchId = received.get("id").asString();
		assertThat(upload.getResponse().getHeader("Location")).isEqualTo("/api/v1/batches/" + batchId);
		assertThat(received.get("items").asInt()).isEqualTo(5);
		JsonNode batch = awaitCompleted(batchId, TOKENS.agent(agent));
		assertThat(batch.get("counts").toString()).isEqualTo(
				"{\"pending\":0,\"received\":3,\"accepted\":1,\"notAccepted\":2,\"notReceived\":2,\"failed\":0,\"cancelled\":0}");

		JsonNode items = json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId).with(bearer(TOKENS.agent(agent))).exchange());
		assertThat(items.valueStream().map((item) -> item.get("status").asString())).containsExactly("ACCEPTED",
				"NOT_ACCEPTED", "NOT_ACCEPTED", "NOT_RECEIVED", "NOT_RECEIVED");
		assertThat(items.valueStream().map((item) -> item.get("name").asString())).containsExactlyElementsOf(entries.keySet());
		String transactionCode = items.at("/0/transactionCode").asString();
		assertThat(transactionCode).hasSize(17);
		assertThat(ruleIds(items.get(1))).contains("CTX-PER-03");
		assertThat(ruleIds(items.get(2))).contains("SIG-1");
		assertThat(items.at("/3/problem/type").asString()).isEqualTo(PROBLEMS + "filer-not-authorized");
		assertThat(items.at("/4/problem/type").asString()).isEqualTo(PROBLEMS + "malformed-xml");
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}/items?status=NOT_RECEIVED", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange()).valueStream().map((item) -> item.get("itemNo").asInt())).containsExactly(4, 5);

		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE filed_by = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single()).as("each received item filed once, as the agent").isEqualTo(3);
		// by return id: the tests that run services on a database of their own give out the same transaction codes
		String returnId = items.at("/0/returnId").asString();
		assertThat(notices((record) -> record.value().contains(returnId))).as("the item's own acceptance notice")
			.singleElement()
			.satisfies((record) -> assertThat(record.key()).isEqualTo(client));
		assertThat(notices((record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId)))
			.as("the agent's push notice that the batch is done")
			.singleElement()
			.satisfies((record) -> {
				assertThat(record.key()).isEqualTo(agent);
				JsonNode notice = this.json.readTree(record.value());
				assertThat(notice.at("/counts/accepted").asInt()).isOne();
				// what declaration-api reads to pass the notice to the agent's webhooks
				assertThat(notice.path("filer").asString()).isEqualTo("agent-" + agent);
				assertThat(UUID.fromString(notice.path("eventId").asString())).isNotNull();
				assertThat(Instant.parse(notice.path("occurredAt").asString())).isNotNull();
			});
	}

	@Test
	void filesTheReturnsOfAnXmlBundleByteForByteSoThatTheirSignaturesHold() {
		String first = BulkReturns.newMst();
		String second = BulkReturns.newMst();
		BulkReturns.taxpayers(this.jdbc, List.of(first, second), "Q");
		String bundle = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LoHSoThue xmlns=\"urn:etax:bulk:1\">\n"
				+ BulkReturns.withoutDeclaration(new String(signed(first), StandardCharsets.UTF_8)) + "\n<!-- thứ hai -->\n"
				+ BulkReturns.withoutDeclaration(new String(signed(second), StandardCharsets.UTF_8)) + "\n</LoHSoThue>\n";
		String tvan = TOKENS.tvan("tvan-bulk-" + first);

		MvcTestResult upload = this.mvc.post()
			.uri("/api/v1/batches")
			.with(bearer(tvan))
			.contentType("application/xml")
			.content(bundle.getBytes(StandardCharsets.UTF_8))
			.exchange();

		assertThat(upload).hasStatus(HttpStatus.ACCEPTED);
		JsonNode batch = awaitCompleted(json(upload).get("id").asString(), tvan);
		assertThat(batch.get("format").asString()).isEqualTo("XML");
		assertThat(batch.at("/counts/accepted").asInt()).as(batch.toString()).isEqualTo(2);
	}

	@Test
	void filesATaxpayersReturnsInOrderSoThatAnOriginalIsDecidedBeforeItsSupplement() {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		// one of them in another partition than the client's (ItemPartitions: the MST's hash), whatever was drawn
		String elsewhere = BulkReturns.newMst();
		while (Math.floorMod(elsewhere.hashCode(), PARTITIONS) == Math.floorMod(client.hashCode(), PARTITIONS)) {
			elsewhere = BulkReturns.newMst();
		}
		List<String> others = List.of(elsewhere, BulkReturns.newMst(), BulkReturns.newMst(), BulkReturns.newMst());
		List<String> clients = new ArrayList<>(others);
		clients.add(client);
		BulkReturns.register(this.jdbc, agent, clients, "Q");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("01-original.xml", signed(client, BulkReturns.of(client)));
		for (String other : others) {
			entries.put(other + ".xml", signed(other));
		}
		// in the last of three ranges of two, had the batch been cut by item number
		entries.put("06-supplement.xml", signed(client, BulkReturns.supplement(BulkReturns.of(client))));

		String batchId = json(upload(agent, Zips.of(entries))).get("id").asString();

		JsonNode batch = awaitCompleted(batchId, TOKENS.agent(agent));
		assertThat(batch.at("/counts/accepted").asInt()).as(batch.toString()).isEqualTo(6);
		assertThat(this.jdbc.sql("SELECT filing_type FROM filing.tax_return WHERE mst = ? ORDER BY received_at")
			.param(client)
			.query(String.class)
			.list()).containsExactly("C", "B");
		assertThat(this.jdbc.sql("SELECT count(DISTINCT part) FROM batch.bulk_item WHERE batch_id = ?::uuid")
			.param(batchId)
			.query(Integer.class)
			.single()).as("the other taxpayers' returns still spread over the partitions").isGreaterThan(1);
	}

	@Test
	void refusesAZipBombAPathTraversalAndAnOverLimitBatchWithProblemsAndFilesNothing() {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client), "Q");
		Map<String, byte[]> traversal = new LinkedHashMap<>();
		traversal.put("01.xml", bytes(BulkReturns.of(client)));
		traversal.put("../../etc/cron.d/02.xml", bytes(BulkReturns.of(client)));
		Map<String, byte[]> tooMany = new LinkedHashMap<>();
		for (int i = 1; i <= 51; i++) {
			tooMany.put(i + ".xml", bytes(BulkReturns.of(client)));
		}

		assertThat(upload(agent, Zips.bomb("01.xml", 300))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(PROBLEMS + "batch-archive-unsafe");
		MvcTestResult unsafe = upload(agent, Zips.of(traversal));
		assertThat(unsafe).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(PROBLEMS + "batch-entry-name-unsafe");
		assertThat(json(unsafe).get("entry").asString()).isEqualTo("../../etc/cron.d/02.xml");
		assertThat(json(unsafe).get("detail").asString()).endsWith("Nothing was stored or filed.");
		assertThat(upload(agent, Zips.of(tooMany))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(PROBLEMS + "batch-too-many-items");
		assertThat(this.mvc.post().uri("/api/v1/batches").with(bearer(TOKENS.agent(agent))).contentType("application/zip")
			.content(bytes("not a zip"))
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(PROBLEMS + "batch-malformed");
		byte[] whole = Zips.of(Map.of("01.xml", bytes(BulkReturns.of(client)), "02.xml", bytes(BulkReturns.of(client))));
		int second = 4;
		while (!(whole[second] == 'P' && whole[second + 1] == 'K' && whole[second + 2] == 3 && whole[second + 3] == 4)) {
			second++;
		}
		assertThat(upload(agent, java.util.Arrays.copyOf(whole, second))).as("cut at the second entry's local header")
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(PROBLEMS + "batch-malformed");

		assertThat(this.jdbc.sql("SELECT count(*) FROM batch.bulk_batch WHERE filer_subject = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single()).as("nothing stored").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(client).query(Long.class).single())
			.as("nothing filed")
			.isZero();
		assertThat(this.mvc.get().uri("/api/v1/limits").with(bearer(TOKENS.agent(agent))).exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.batch.maxItems")
			.isEqualTo(50);
	}

	/**
	 * An upload sent again under the same Idempotency-Key (its answer lost) is the batch stored the first time, not
	 * a second one filing its returns again; another upload under the key is refused, and a key that no header
	 * carries is a 400.
	 */
	@Test
	void anUploadSentAgainUnderItsIdempotencyKeyIsTheBatchStoredTheFirstTime() throws Exception {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client), "Q");
		byte[] zip = Zips.of(Map.of("01.xml", signed(client)));
		MvcTestResult first = upload(agent, zip, "lô-42");
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		String batchId = json(first).get("id").asString();

		MvcTestResult again = upload(agent, zip, "lô-42");
		assertThat(again).hasStatus(HttpStatus.OK).headers().hasValue("Location", "/api/v1/batches/" + batchId);
		assertThat(json(again).get("id").asString()).isEqualTo(batchId);
		MvcTestResult other = upload(agent, Zips.of(Map.of("02.xml", signed(client))), "lô-42");
		assertThat(other).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(other).get("type").asString()).isEqualTo(PROBLEMS + "idempotency-conflict");
		assertThat(json(other).get("batchId").asString()).isEqualTo(batchId);
		assertThat(upload(agent, zip, "x".repeat(256))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.jdbc.sql("SELECT count(*) FROM batch.bulk_batch WHERE filer_subject = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single()).as("one batch stored").isOne();
		awaitCompleted(batchId, TOKENS.agent(agent));
		assertThat(json(upload(agent, zip, "lô-42")).get("status").asString()).as("as it stands")
			.isEqualTo("COMPLETED");
	}

	@Test
	void aFailedItemIsFiledAgainOnItsOwnAndEachCallerSeesOnlyItsShare() throws Exception {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client), "Q");
		String batchId = json(upload(agent, Zips.of(Map.of("01.xml", signed(client))))).get("id").asString();
		JsonNode batch = awaitCompleted(batchId, TOKENS.agent(agent));
		assertThat(batch.at("/counts/accepted").asInt()).isOne();
		String transactionCode = item(batchId, agent).get("transactionCode").asString();
		// as if declaration-api's answer had been lost in an unexpected error after it filed the return
		this.jdbc.sql("UPDATE batch.bulk_item SET status = 'FAILED' WHERE batch_id = ?::uuid").param(batchId).update();
		this.jdbc.sql("UPDATE batch.bulk_batch SET accepted = 0, failed = 1 WHERE id = ?::uuid").param(batchId).update();

		JsonNode retried = json(this.mvc.post().uri("/api/v1/batches/{id}/items/1:retry", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange());

		assertThat(retried.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(retried.get("transactionCode").asString()).isEqualTo(transactionCode);
		assertThat(retried.get("replayed").asBoolean()).isTrue();
		assertThat(retried.get("attempts").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(client).query(Long.class).single())
			.isOne();
		assertThat(this.mvc.post().uri("/api/v1/batches/{id}/items/1:retry", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.hasStatus(HttpStatus.CONFLICT);
		// the same retry sent twice at once, the other failing: recorded last, its failure does not replace the receipt
		this.transactions.executeWithoutResult((status) -> this.outcomes.record(UUID.fromString(batchId),
				List.of(ItemOutcome.failed(1, 500, "{}")), java.time.Instant.now()));
		assertThat(item(batchId, agent).get("transactionCode").asString()).isEqualTo(transactionCode);
		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get("counts")
			.toString()).isEqualTo(
					"{\"pending\":0,\"received\":1,\"accepted\":1,\"notAccepted\":0,\"notReceived\":0,\"failed\":0,\"cancelled\":0}");

		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.agent(BulkReturns.newMst()))).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(this.mvc.get().uri("/api/v1/batches").with(bearer(TOKENS.agent(agent))).exchange()).valueStream()
			.map((listed) -> listed.get("id").asString())).as("the agent's own batches").containsExactly(batchId);
		assertThat(json(this.mvc.get().uri("/api/v1/batches?status=RECEIVED").with(bearer(TOKENS.agent(agent))).exchange()))
			.isEmpty();
		assertThat(json(this.mvc.get().uri("/api/v1/batches").with(bearer(TOKENS.agent(BulkReturns.newMst()))).exchange()))
			.as("someone else's").isEmpty();
		assertThat(this.mvc.get().uri("/api/v1/batches").with(bearer(TOKENS.taxpayer(client))).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult unknownStatus = this.mvc.get().uri("/api/v1/batches?status=DONE").with(bearer(TOKENS.agent(agent))).exchange();
		assertThat(unknownStatus).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(unknownStatus).get("type").asString()).as("the framework's problems have a stable type too")
			.isEqualTo(PROBLEMS + "bad-request");
		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.officer("99999"))).exchange())
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.officer("70129"))).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.nationalOfficer())).exchange())
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.taxpayer(client))).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/api/v1/batches").with(bearer(TOKENS.nationalOfficer())).contentType("application/zip")
			.content(Zips.of(Map.of("01.xml", signed(client))))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aCancelledBatchFilesNoneOfItsItemsLeftAndEndsCancelled() throws Exception {
		String agent = BulkReturns.newMst();
		List<String> clients = new ArrayList<>();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 1; i <= 50; i++) {
			String client = BulkReturns.newMst();
			clients.add(client);
			// unsigned: filed and not accepted (SIG-1), without a certificate per client
			entries.put(String.format("%02d.xml", i), bytes(BulkReturns.of(client)));
		}
		BulkReturns.register(this.jdbc, agent, clients, "Q");
		String batchId = json(upload(agent, Zips.of(entries))).get("id").asString();

		MvcTestResult cancel = this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(TOKENS.agent(agent))).exchange();

		assertThat(cancel).hasStatusOk();
		assertThat(json(cancel).get("status").asString()).isIn("RECEIVED", "PROCESSING", "CANCELLED");
		JsonNode batch = awaitEnded(batchId, TOKENS.agent(agent), "CANCELLED");
		int cancelled = batch.at("/counts/cancelled").asInt();
		int filed = batch.at("/counts/notAccepted").asInt();
		assertThat(cancelled).as("cancelled before the job had filed them all").isPositive();
		assertThat(filed + cancelled).isEqualTo(50);
		assertThat(batch.at("/counts/pending").asInt()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE filed_by = ?")
			.param("agent-" + agent)
			.query(Long.class)
			.single()).as("nothing filed for a cancelled item").isEqualTo(filed);
		JsonNode cancelledItems = json(this.mvc.get()
			.uri("/api/v1/batches/{id}/items?status=CANCELLED&size=100", batchId)
			.with(bearer(TOKENS.agent(agent)))
			.exchange());
		assertThat(cancelledItems.valueStream()).hasSize(cancelled)
			.allSatisfy((item) -> assertThat(item.get("transactionCode").isNull()).isTrue());
		assertThat(notices((record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId)))
			.singleElement()
			.satisfies((record) -> assertThat(this.json.readTree(record.value()).get("status").asString())
				.isEqualTo("CANCELLED"));
		assertThat(json(this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get("status")
			.asString()).as("cancelling again changes nothing").isEqualTo("CANCELLED");
		assertThat(this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(TOKENS.agent(BulkReturns.newMst())))
			.exchange()).as("someone else's").hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aCompletedBatchCannotBeCancelledAndAFailedOneIsCancelledAtOnce() throws Exception {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client), "Q");
		String batchId = json(upload(agent, Zips.of(Map.of("01.xml", signed(client), "02.xml", signed(client)))))
			.get("id")
			.asString();
		awaitEnded(batchId, TOKENS.agent(agent), "COMPLETED");

		MvcTestResult completed = this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId).with(bearer(TOKENS.agent(agent))).exchange();

		assertThat(completed).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(completed).get("type").asString()).isEqualTo(PROBLEMS + "batch-not-cancellable");

		// as if the job had given up on item 2 after its attempts, leaving the batch for an officer
		this.jdbc.sql("UPDATE batch.bulk_item SET status = 'PENDING' WHERE batch_id = ?::uuid AND item_no = 2")
			.param(batchId)
			.update();
		this.jdbc.sql("""
				UPDATE batch.bulk_batch SET status = 'FAILED', completed_at = NULL, accepted = accepted - 1
				WHERE id = ?::uuid
				""").param(batchId).update();

		JsonNode cancelled = json(this.mvc.post().uri("/api/v1/batches/{id}:cancel", batchId)
			.with(bearer(TOKENS.nationalOfficer()))
			.exchange());

		assertThat(cancelled.get("status").asString()).as("no job runs for it: cancelled at once").isEqualTo("CANCELLED");
		assertThat(cancelled.at("/counts/cancelled").asInt()).isOne();
		assertThat(cancelled.at("/counts/pending").asInt()).isZero();
		assertThat(notices((record) -> record.value().contains("\"BatchCompleted\"") && record.value().contains(batchId)
				&& record.value().contains("CANCELLED")))
			.hasSize(1);
	}

	@Test
	void aBatchItsFilerCancelledWithNothingLeftToFileEndsCancelledNotFailedAfterItsRuns() throws Exception {
		// killed on its last allowed run, then cancelled by its filer: item 2 cancelled, nothing left to file
		SetBack batch = completedThenSetBackToRunning("attempts = 100, heartbeat_at = now() - interval '1 day', "
				+ "cancelled_at = now(), cancelled = 1");
		this.jdbc.sql("UPDATE batch.bulk_item SET status = 'CANCELLED' WHERE batch_id = ?::uuid AND item_no = 2")
			.param(batch.batchId())
			.update();

		this.batchRuns.resumeStale();

		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batch.batchId())
			.with(bearer(TOKENS.agent(batch.agent())))
			.exchange()).get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void aBatchLeftFailedAfterItsRunsHasItsDeadExecutionRecoveredSoThatAnOfficerCanRestartIt() throws Exception {
		// as a process killed on its last allowed run leaves it: item 2 undecided, the execution STARTED, no heartbeat
		SetBack batch = completedThenSetBackToRunning("attempts = 100, heartbeat_at = now() - interval '1 day'");
		String agent = batch.agent();
		String batchId = batch.batchId();
		long execution = batch.execution();

		this.batchRuns.resumeStale();

		assertThat(json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(TOKENS.nationalOfficer())).exchange())
			.get("status")
			.asString()).as("left for an officer").isEqualTo("FAILED");
		MvcTestResult restarted = this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", execution)
			.with(bearer(TOKENS.nationalOfficer()))
			.exchange();
		assertThat(restarted).as("the dead execution recovered, so restartable").hasStatus(HttpStatus.CREATED);
		assertThat(json(restarted).get("status").asString()).isEqualTo("COMPLETED");
		awaitCompleted(batchId, TOKENS.agent(agent));
		assertThat(this.jdbc.sql("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(execution)
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	/**
	 * A failed execution of a batch still taken over (not left FAILED) is restarted once its heartbeat has stopped for
	 * a lease: a take-over that claimed it meanwhile would take the restarted execution for one left by a dead process.
	 */
	@Test
	void anOfficerRestartsAFailedExecutionOfABatchATakeOverMayHoldOnceItsHeartbeatHasStopped() throws Exception {
		SetBack batch = completedThenSetBackToRunning("heartbeat_at = now()");
		this.jdbc.sql("UPDATE batch.batch_job_execution SET status = 'FAILED', exit_code = 'FAILED', end_time = now()"
				+ " WHERE job_execution_id = ?").param(batch.execution()).update();
		this.jdbc.sql("UPDATE batch.batch_step_execution SET status = 'FAILED', exit_code = 'FAILED', end_time = now()"
				+ " WHERE job_execution_id = ?").param(batch.execution()).update();

		MvcTestResult held = restart(batch.execution());

		assertThat(held).as("another process holds it: it runs it again").hasStatus(HttpStatus.CONFLICT);
		assertThat(json(held).get("type").asString()).isEqualTo(PROBLEMS + "job-execution-running");

		this.jdbc.sql("UPDATE batch.bulk_batch SET heartbeat_at = now() - interval '1 day' WHERE id = ?::uuid")
			.param(batch.batchId())
			.update();
		assertThat(restart(batch.execution())).hasStatus(HttpStatus.CREATED);
		assertThat(awaitCompleted(batch.batchId(), TOKENS.agent(batch.agent())).at("/counts/accepted").asInt())
			.isEqualTo(2);
	}

	@Test
	void anOfficerRestartsAnExecutionWhoseProcessDiedOnceTheBatchsHeartbeatHasStoppedForALease() throws Exception {
		// as a live process runs it: item 2 undecided, the execution STARTED, the heartbeat fresh
		SetBack batch = completedThenSetBackToRunning("heartbeat_at = now()");
		String agent = batch.agent();
		String batchId = batch.batchId();
		long execution = batch.execution();

		MvcTestResult live = restart(execution);

		assertThat(live).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(live).get("type").asString()).isEqualTo(PROBLEMS + "job-execution-not-restartable");
		assertThat(json(live).get("detail").asString()).contains("a live process runs it");
		assertThat(executionStatus(execution)).isEqualTo("STARTED");

		// as a version before 2027-01 left a batch it gave up on: FAILED with its execution STARTED, no heartbeat
		// for a day (the take-over claims only unfinished batches, so only the officer's restart takes this one)
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED', heartbeat_at = now() - interval '1 day' WHERE id = ?::uuid")
			.param(batchId)
			.update();

		MvcTestResult restarted = restart(execution);

		assertThat(restarted).as("the dead execution recovered, then restarted").hasStatus(HttpStatus.CREATED);
		assertThat(json(restarted).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(awaitCompleted(batchId, TOKENS.agent(agent)).at("/counts/accepted").asInt()).isEqualTo(2);
		assertThat(executionStatus(execution)).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("SELECT exit_message FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(execution)
			.query(String.class)
			.single()).startsWith("Recovered: left STARTED by a process that died");
	}

	@Test
	void anOfficeOfficerRestartsABatchsJobOnlyWhenEveryItemLeftIsAddressedToItsOffice() throws Exception {
		// left FAILED with its execution STARTED, so that only an officer's restart takes it
		SetBack batch = completedThenSetBackToRunning("heartbeat_at = now() - interval '1 day'");
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED' WHERE id = ?::uuid").param(batch.batchId()).update();
		// item 1, filed, is another office's: that office sees the batch, with item 2 of 99999 still to file
		this.jdbc.sql("""
				UPDATE batch.bulk_item SET addressed_office_code = '11111', tax_office_code = '11111'
				WHERE batch_id = ?::uuid AND item_no = 1""")
			.param(batch.batchId())
			.update();

		MvcTestResult unseen = restart(batch.execution(), TOKENS.officer("22222"));
		MvcTestResult otherOffice = restart(batch.execution(), TOKENS.officer("11111"));

		assertThat(unseen).as("a batch the officer does not see").hasStatus(HttpStatus.NOT_FOUND);
		assertThat(json(unseen).get("type").asString()).isEqualTo(PROBLEMS + "batch-not-found");

		assertThat(otherOffice).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(json(otherOffice).get("type").asString()).isEqualTo(PROBLEMS + "batch-of-other-offices");
		assertThat(json(otherOffice).get("detail").asString()).contains("1 item(s)", "restart");
		assertThat(executionStatus(batch.execution())).as("left as it was").isEqualTo("STARTED");

		MvcTestResult restarted = restart(batch.execution(), TOKENS.officer("99999"));

		assertThat(restarted).as("the items' own office").hasStatus(HttpStatus.CREATED);
		assertThat(awaitCompleted(batch.batchId(), TOKENS.agent(batch.agent())).at("/counts/accepted").asInt())
			.isEqualTo(2);
	}

	@Test
	void anExecutionLeftUnknownIsRecoveredAndRestartedByAnOfficer() throws Exception {
		// as a run leaves it when the database failed while it recorded a step's end: UNKNOWN, which Spring Batch
		// refuses to restart; the batch left FAILED so that only the officer's restart takes it
		SetBack batch = completedThenSetBackToRunning("heartbeat_at = now() - interval '1 day'");
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'FAILED' WHERE id = ?::uuid").param(batch.batchId()).update();
		this.jdbc.sql("UPDATE batch.batch_step_execution SET status = 'UNKNOWN' WHERE job_execution_id = ?")
			.param(batch.execution())
			.update();
		this.jdbc.sql("UPDATE batch.batch_job_execution SET status = 'UNKNOWN', end_time = now() WHERE job_execution_id = ?")
			.param(batch.execution())
			.update();

		MvcTestResult restarted = restart(batch.execution());

		assertThat(restarted).hasStatus(HttpStatus.CREATED);
		assertThat(json(restarted).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(awaitCompleted(batch.batchId(), TOKENS.agent(batch.agent())).at("/counts/accepted").asInt())
			.isEqualTo(2);
		assertThat(executionStatus(batch.execution())).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("SELECT exit_message FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(batch.execution())
			.query(String.class)
			.single()).startsWith("Recovered: left UNKNOWN by a process that could not record how it ended");
	}

	/**
	 * A batch of two returns filed to the end, then set back as a run of it leaves it midway: item 2 undecided, the
	 * batch PROCESSING, its execution and steps {@code STARTED}.
	 * @param batchColumns what else the batch's row says (its heartbeat, its attempts)
	 */
	private SetBack completedThenSetBackToRunning(String batchColumns) throws Exception {
		String agent = BulkReturns.newMst();
		String client = BulkReturns.newMst();
		BulkReturns.register(this.jdbc, agent, List.of(client), "Q");
		String batchId = json(upload(agent, Zips.of(Map.of("01.xml", signed(client), "02.xml", signed(client)))))
			.get("id")
			.asString();
		awaitCompleted(batchId, TOKENS.agent(agent));
		long execution = execution(batchId);
		this.jdbc.sql("UPDATE batch.bulk_item SET status = 'PENDING' WHERE batch_id = ?::uuid AND item_no = 2")
			.param(batchId)
			.update();
		this.jdbc.sql("UPDATE batch.bulk_batch SET status = 'PROCESSING', completed_at = NULL, accepted = accepted - 1, "
				+ batchColumns + " WHERE id = ?::uuid").param(batchId).update();
		leftRunning(execution);
		return new SetBack(agent, batchId, execution);
	}

	private record SetBack(String agent, String batchId, long execution) {
	}

	private long execution(String batchId) {
		return this.jdbc.sql("""
				SELECT e.job_execution_id FROM batch.batch_job_execution e
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'batchId' AND p.parameter_value = ?
				""").param(batchId).query(Long.class).single();
	}

	/** The execution and its steps as a process that ran them leaves them: {@code STARTED}, with no end. */
	private void leftRunning(long execution) {
		this.jdbc.sql("""
				UPDATE batch.batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL
				WHERE job_execution_id = ?""").param(execution).update();
		this.jdbc.sql("""
				UPDATE batch.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL
				WHERE job_execution_id = ?""").param(execution).update();
	}

	private String executionStatus(long execution) {
		return this.jdbc.sql("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(execution)
			.query(String.class)
			.single();
	}

	private MvcTestResult restart(long execution) {
		return restart(execution, TOKENS.nationalOfficer());
	}

	private MvcTestResult restart(long execution, String officer) {
		return this.mvc.post().uri("/api/v1/jobs/executions/{id}:restart", execution).with(bearer(officer)).exchange();
	}

	private JsonNode awaitCompleted(String batchId, String token) {
		return awaitEnded(batchId, token, "COMPLETED");
	}

	private JsonNode awaitEnded(String batchId, String token, String status) {
		JsonNode[] batch = new JsonNode[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			batch[0] = json(this.mvc.get().uri("/api/v1/batches/{id}", batchId).with(bearer(token)).exchange());
			assertThat(batch[0].get("status").asString()).isEqualTo(status);
		});
		return batch[0];
	}

	private JsonNode item(String batchId, String agent) {
		return json(this.mvc.get().uri("/api/v1/batches/{id}/items", batchId).with(bearer(TOKENS.agent(agent))).exchange())
			.get(0);
	}

	private MvcTestResult upload(String agent, byte[] zip) {
		return this.mvc.post().uri("/api/v1/batches").with(bearer(TOKENS.agent(agent))).contentType("application/zip")
			.content(zip)
			.exchange();
	}

	private MvcTestResult upload(String agent, byte[] zip, String idempotencyKey) {
		return this.mvc.post()
			.uri("/api/v1/batches")
			.with(bearer(TOKENS.agent(agent)))
			.header("Idempotency-Key", idempotencyKey)
			.contentType("application/zip")
			.content(zip)
			.exchange();
	}

	private JsonNode json(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<ConsumerRecord<String, String>> notices(
			java.util.function.Predicate<ConsumerRecord<String, String>> filter) {
		return TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1", filter, 1,
				Duration.ofSeconds(30));
	}

	private static List<String> ruleIds(JsonNode item) {
		return item.get("findings").valueStream().map((finding) -> finding.get("ruleId").asString()).toList();
	}

	private static byte[] signed(String mst) {
		return signed(mst, BulkReturns.of(mst));
	}

	private static byte[] signed(String mst, String xml) {
		return new ReturnSigner(PKI.issue(mst, "CÔNG TY THỬ LÔ")).sign(bytes(xml));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

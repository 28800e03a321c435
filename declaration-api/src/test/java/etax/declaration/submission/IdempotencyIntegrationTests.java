package etax.declaration.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TestCallers;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry safety over real HTTP, with concurrent clients and the locks in PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class IdempotencyIntegrationTests {

	private static final String CREDENTIALS = "Bearer " + TokenIssuer.local().tvan(TestCallers.TVAN);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void twentyConcurrentRequestsWithOneKeyFileOnceAndAllCarryTheSameTransactionCode() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		String key = UUID.randomUUID().toString();
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(() -> post(xml, key));
		}
		List<HttpResponse<String>> responses = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			for (Future<HttpResponse<String>> response : clients.invokeAll(requests)) {
				responses.add(response.get());
			}
		}
		finally {
			clients.shutdown();
		}

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(responses).extracting((response) -> this.json.readTree(response.body()).get("transactionCode").asString())
			.hasSize(20)
			.containsOnly(this.json.readTree(responses.get(0).body()).get("transactionCode").asString());
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single())
			.isOne();
	}

	@Test
	void concurrentFilingsShareTransactionsYetEachIsDecidedAsIfAlone() throws Exception {
		String contested = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String original = SampleReturns.with(SampleReturns.forTaxpayer(contested), "nguoiKy", "NGƯỜI KÝ " + i);
			requests.add(() -> post(original, UUID.randomUUID().toString()));
		}
		for (int i = 0; i < 12; i++) {
			String original = SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q"));
			requests.add(() -> post(original, UUID.randomUUID().toString()));
		}
		List<JsonNode> receipts = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(requests.size());
		try {
			for (Future<HttpResponse<String>> response : clients.invokeAll(requests)) {
				assertThat(response.get().statusCode()).isEqualTo(201);
				receipts.add(this.json.readTree(response.get().body()));
			}
		}
		finally {
			clients.shutdown();
		}

		List<JsonNode> contestedReceipts = receipts.subList(0, 8);
		assertThat(contestedReceipts).extracting((receipt) -> receipt.get("status").asString())
			.as("one original per period, however the filings were grouped")
			.containsOnlyOnce("ACCEPTED")
			.containsOnly("ACCEPTED", "NOT_ACCEPTED");
		assertThat(contestedReceipts.stream()
			.filter((receipt) -> receipt.get("status").asString().equals("NOT_ACCEPTED"))
			.map((receipt) -> receipt.get("findings").findValuesAsString("ruleId")))
			.allSatisfy((ruleIds) -> assertThat(ruleIds).contains("CTX-DUP-01"));
		assertThat(receipts.subList(8, 20)).extracting((receipt) -> receipt.get("status").asString())
			.containsOnly("ACCEPTED");
		assertThat(receipts).extracting((receipt) -> receipt.get("transactionCode").asString())
			.doesNotHaveDuplicates();
	}

	@Test
	void theSameKeyWithOtherContentIsAConflictAndFilesNothing() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String key = UUID.randomUUID().toString();
		JsonNode first = this.json.readTree(post(SampleReturns.forTaxpayer(mst), key).body());

		HttpResponse<String> conflict = post(SampleReturns.with(SampleReturns.forTaxpayer(mst), "dthoaiNNT", "0911111111"),
				key);

		assertThat(conflict.statusCode()).isEqualTo(409);
		JsonNode problem = this.json.readTree(conflict.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://etax.example/problems/idempotency-conflict");
		assertThat(problem.get("returnId").asString()).isEqualTo(first.get("returnId").asString());
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ?").param(mst).query(Long.class).single())
			.isOne();
	}

	@Test
	void theSameContentWithoutAKeyReturnsTheOriginalReceipt() throws Exception {
		String xml = SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q"));
		HttpResponse<String> first = post(xml, null);
		HttpResponse<String> again = post(xml, null);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(again.body()).get("transactionCode").asString())
			.isEqualTo(this.json.readTree(first.body()).get("transactionCode").asString());
	}

	@Test
	void aNewKeyOnContentFiledBeforeNamesTheReturnItReplays() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		JsonNode first = this.json.readTree(post(xml, UUID.randomUUID().toString()).body());
		String second = UUID.randomUUID().toString();

		HttpResponse<String> replayed = post(xml, second);

		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(replayed.body()).get("transactionCode")).isEqualTo(first.get("transactionCode"));
		HttpResponse<String> byKey = get("/api/v1/receipts?idempotencyKey=" + second);
		assertThat(byKey.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(byKey.body()).get("transactionCode")).isEqualTo(first.get("transactionCode"));
		HttpResponse<String> reused = post(SampleReturns.with(xml, "dthoaiNNT", "0922222222"), second);
		assertThat(reused.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(reused.body()).get("returnId")).isEqualTo(first.get("returnId"));
	}

	@Test
	void aReturnThatWasNotAcceptedIsDecidedAgainWhenSentAgainWithoutAKey() throws Exception {
		String xml = SampleReturns.forTaxpayer(SampleReturns.newMst());
		JsonNode first = this.json.readTree(post(xml, null).body());
		assertThat(first.get("status").asString()).isEqualTo("NOT_ACCEPTED");

		HttpResponse<String> again = post(xml, null);

		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(again.body()).get("transactionCode")).isNotEqualTo(first.get("transactionCode"));
	}

	@Test
	void anotherFilersReturnOfTheSameContentIsNoAnswerButASecondOriginal() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		JsonNode byTvan = this.json.readTree(post(xml, null).body());
		assertThat(byTvan.get("status").asString()).isEqualTo("ACCEPTED");

		HttpResponse<String> byTaxpayer = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", "Bearer " + TokenIssuer.local().taxpayer(mst))
			.POST(HttpRequest.BodyPublishers.ofString(xml))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(byTaxpayer.statusCode()).isEqualTo(201);
		JsonNode receipt = this.json.readTree(byTaxpayer.body());
		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(receipt.get("findings").findValuesAsString("ruleId")).contains("CTX-DUP-01");
		assertThat(receipt.get("findings").toString()).contains(byTvan.get("transactionCode").asString());
	}

	@Test
	void aDryRunSaysWhenAFilingWouldBeReplayed() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = SampleReturns.forTaxpayer(mst);
		JsonNode filed = this.json.readTree(post(xml, null).body());

		JsonNode own = this.json.readTree(validate(xml, CREDENTIALS).body());
		JsonNode other = this.json.readTree(validate(xml, "Bearer " + TokenIssuer.local().taxpayer(mst)).body());

		assertThat(own.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(own.get("replays").asString()).isEqualTo(filed.get("transactionCode").asString());
		assertThat(other.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(other.get("replays").isNull()).isTrue();
		assertThat(other.get("findings").findValuesAsString("ruleId")).contains("CTX-DUP-01");
	}

	private HttpResponse<String> validate(String xml, String credentials) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/returns:validate"))
			.header("Content-Type", "application/xml")
			.header("Authorization", credentials)
			.POST(HttpRequest.BodyPublishers.ofString(xml))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aLostResponseIsRecoveredByKeyOrTransactionCode() throws Exception {
		String key = UUID.randomUUID().toString();
		JsonNode receipt = this.json
			.readTree(post(SampleReturns.forTaxpayer(SampleReturns.registeredTaxpayer(this.jdbc, "Q")), key).body());

		JsonNode byKey = this.json.readTree(get("/api/v1/receipts?idempotencyKey=" + key).body());
		JsonNode byCode = this.json.readTree(get("/api/v1/receipts/" + receipt.get("transactionCode").asString()).body());

		assertThat(byKey).isEqualTo(receipt);
		assertThat(byCode).isEqualTo(receipt);
		assertThat(get("/api/v1/receipts?idempotencyKey=" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void withoutTheSandboxItsHeadersChangeNothing() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", CREDENTIALS)
			.header("Etax-Sandbox-Scenario", "UNAVAILABLE")
			.header("Etax-Sandbox-Received-At", "2026-05-20T09:00:00+07:00")
			.POST(HttpRequest.BodyPublishers.ofString(SampleReturns.forTaxpayer(mst)))
			.build();

		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT received_at > now() - interval '1 minute' FROM filing.tax_return WHERE mst = ?")
			.param(mst)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private HttpResponse<String> post(String xml, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", CREDENTIALS)
			.POST(HttpRequest.BodyPublishers.ofString(xml));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", CREDENTIALS)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}

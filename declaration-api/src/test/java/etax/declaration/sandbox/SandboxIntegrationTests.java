package etax.declaration.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import etax.declaration.RequiredSignatures;
import etax.devstack.ApiDescriptions;
import etax.devstack.DemoTaxpayers;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.conformance.CaseResult;
import etax.devstack.conformance.FilerConformance;
import etax.devstack.conformance.SandboxTarget;
import etax.devstack.pki.TestPki;
import etax.schemas.Samples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as filers use it: the whole filers' conformance pack over real HTTP, with signatures required as in
 * production, each case's answers checked by the pack itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "etax.sandbox.enabled=true")
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class SandboxIntegrationTests {

	static final TestPki PKI = TestPki.create();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void signatures(DynamicPropertyRegistry registry) throws IOException {
		RequiredSignatures.trusting(PKI, registry);
	}

	@Test
	void everyCaseOfTheFilersConformancePackPasses() {
		List<CaseResult> results = FilerConformance
			.run(new SandboxTarget("http://localhost:" + this.port, TokenIssuer.local(), "99999", PKI::issue));

		assertThat(results).hasSize(11).allSatisfy((result) -> assertThat(result.passed())
			.as("%s: %s", result.id(), result.detail())
			.isTrue());
		// the LATE case's return carries the postmark it asked for (the clock ran on from it), as stored
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE received_at >= ?::timestamptz"
				+ " AND received_at < ?::timestamptz + interval '1 minute'")
			.param("2026-05-20T09:00:00+07:00")
			.param("2026-05-20T09:00:00+07:00")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aChosenFilingTimeChangesNoOnesRights() throws Exception {
		String agent = DemoTaxpayers.newMst();
		String client = DemoTaxpayers.newMst();
		for (String mst : new String[] { agent, client }) {
			this.jdbc.sql("""
					INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
					VALUES (?, 'CÔNG TY THỬ NGHIỆM', 'ACTIVE', true, 'Q', '99999', '754')
					""").param(mst).update();
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, 'HD-FUTURE', ?)
				""").params(agent, client, today.plusDays(30)).update();
		String xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + client + "</mst>");
		String later = today.plusDays(60).atTime(9, 0) + "+07:00";
		HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", "Bearer " + TokenIssuer.local().taxpayer(client))
			.POST(HttpRequest.BodyPublishers.ofString(xml)));
		assertThat(own.statusCode()).isEqualTo(201);
		String returnId = own.body().replaceAll(".*\"returnId\":\"([^\"]+)\".*", "$1");
		String agentToken = "Bearer " + TokenIssuer.local().agent(agent);

		HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/returns/" + returnId))
			.header("Authorization", agentToken)
			.header("Etax-Sandbox-Received-At", later));
		HttpResponse<String> filed = send(HttpRequest.newBuilder(uri("/api/v1/returns"))
			.header("Content-Type", "application/xml")
			.header("Authorization", agentToken)
			.header("Etax-Sandbox-Received-At", later)
			.POST(HttpRequest.BodyPublishers.ofString(xml)));

		assertThat(read.statusCode()).as("the agent's contract is not in force yet").isEqualTo(404);
		assertThat(filed.statusCode()).isEqualTo(403);
		assertThat(filed.body()).contains("filer-not-authorized");
	}

	@Test
	void aLostAnswerOutsideFilingsIsRecoveredByReadingItBack() throws Exception {
		String mst = DemoTaxpayers.newMst();
		HttpResponse<String> lost = send(HttpRequest.newBuilder(uri("/api/v1/taxpayers"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TokenIssuer.local().officer("99999"))
			.header("Etax-Sandbox-Scenario", "LOST_RESPONSE")
			.POST(HttpRequest.BodyPublishers.ofString("{\"mst\":\"" + mst + "\",\"name\":\"CÔNG TY THỬ\",\"status\":"
					+ "\"ACTIVE\",\"eFiling\":true,\"filingFrequency\":\"Q\",\"taxOfficeCode\":\"99999\","
					+ "\"chapter\":\"754\"}")));

		assertThat(lost.statusCode()).isEqualTo(504);
		assertThat(lost.body()).contains("sandbox-lost-response", "read the resource back with a GET",
				"\"instance\":\"/api/v1/taxpayers\"").doesNotContain("Idempotency-Key");
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.taxpayer WHERE mst = ?").param(mst).query(Long.class).single())
			.as("processed, only the answer withheld").isEqualTo(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApiDocumentationListsTheSandboxHeaders() throws Exception {
		HttpResponse<String> docs = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
				.header("Authorization", "Bearer " + TokenIssuer.local().taxpayer("0313829148"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("Etax-Sandbox-Received-At", "Etax-Sandbox-Scenario", "LOST_RESPONSE");
		// every operation needs a bearer token, and a filing's answers are documented with their problems
		assertThat(docs.body()).contains("\"bearerFormat\":\"JWT\"", "application/problem+json", "\"422\"", "\"409\"");
		JsonNode described = ApiDescriptions.assertEveryOperationDocumented(docs.body(), 20);
		assertThat(ApiDescriptions.documents(described, "GET", "/api/v1/returns/{id}", "404")).isTrue();
		assertThat(ApiDescriptions.documents(described, "POST", "/api/v1/webhooks", "201")).isTrue();
		assertThat(described.at("/components/schemas/Receipt/properties").propertyNames())
			.as("a receipt says which return it acknowledges")
			.contains("mst", "formCode", "filingType", "submissionNumber", "period");
	}

}

package etax.declaration.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import etax.declaration.RequiredSignatures;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.conformance.CaseResult;
import etax.devstack.conformance.FilerConformance;
import etax.devstack.conformance.SandboxTarget;
import etax.devstack.pki.TestPki;
import org.junit.jupiter.api.Test;

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
	void theApiDocumentationListsTheSandboxHeaders() throws Exception {
		HttpResponse<String> docs = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
				.header("Authorization", "Bearer " + TokenIssuer.local().taxpayer("0313829148"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("Etax-Sandbox-Received-At", "Etax-Sandbox-Scenario", "LOST_RESPONSE");
	}

}

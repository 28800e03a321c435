package etax.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import etax.devstack.ApiDescriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP surface: who may call it and what errors look like.
 */
@GatewayIntegrationTest
class PaymentApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void refusesCallsWithoutCredentials() throws Exception {
		this.mvc.perform(get("/api/v1/payments/rejected"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
		this.mvc.perform(get("/api/v1/payments/confirmations/01202001/VCB2026042000000299"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesAnInvalidToken() throws Exception {
		this.mvc.perform(get("/api/v1/payments/rejected").with(bearer("not-a-token")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void leavesHealthOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void answersAnUnknownConfirmationWithAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/payments/confirmations/01202001/VCB2026042000000299").with(officer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/confirmation-not-found"))
			.andExpect(jsonPath("$.title").value("Confirmation not found"))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void refusesAnOversizedPage() throws Exception {
		this.mvc.perform(get("/api/v1/payments/rejected?size=1000").with(officer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void exposesTheCountersToPrometheus() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("etax_payment_confirmation_recorded_total")))
			.andExpect(content().string(containsString("etax_payment_confirmation_rejected_total{reason=\"conflict\"")))
			.andExpect(content().string(containsString("etax_payment_confirmation_conflicting_total")))
			.andExpect(content().string(containsString("etax_payment_confirmation_latency_seconds")))
			.andExpect(content().string(containsString("etax_payment_treasury_postings_pending")))
			.andExpect(content().string(containsString("kafka_consumer_fetch_manager_records_lag_max")));
	}

	/**
	 * Over real HTTP, as a client sends them: MockMvc would not pass the raw path through the container.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/bank/confirmations/%2e%2e", "/api/v1/bank/confirmations/a;b",
			"/api/v1/bank/confirmations/a%25b", "//api/v1/bank/confirmations/x" })
	void answersAPathTheFirewallRefusesWithABadRequestProblem(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("https://etax.example/problems/request-rejected");
	}

	@Test
	void publishesTheApiDescription() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/payments/rejected")));
	}

	@Test
	void everyOperationIsDocumentedWithItsTokenAndProblems() throws Exception {
		JsonNode docs = ApiDescriptions.assertEveryOperationDocumented(
				this.mvc.perform(get("/v3/api-docs").with(officer())).andReturn().getResponse().getContentAsString(), 10);

		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/bank/confirmations", "202")).isTrue();
		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/bank/confirmations", "400")).isTrue();
		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/corrections", "201")).isTrue();
	}

}

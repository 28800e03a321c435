package etax.payment;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
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

	@Test
	void publishesTheApiDescription() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/payments/rejected")));
	}

}

package etax.batch;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

@BatchProcessorIntegrationTest
class WebSecurityIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theApiNeedsCredentials() {
		assertThat(this.mvc.get().uri("/api/v1/jobs").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(httpBasic("dev", "wrong")).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post().uri("/api/v1/jobs/daily-filing-summary/executions").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(httpBasic("dev", "dev")).exchange()).hasStatusOk();
	}

	@Test
	void healthIsOpenAndUp() {
		assertThat(this.mvc.get().uri("/actuator/health").exchange()).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusNeedsCredentialsAndShowsTheFilingCounter() {
		assertThat(this.mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(httpBasic("dev", "dev")).exchange()).hasStatusOk()
			.bodyText()
			.contains("etax_batch_filed_returns_recorded_total{outcome=\"new\"")
			.contains("etax_batch_filed_returns_recorded_total{outcome=\"duplicate\"");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() {
		assertThat(this.mvc.get().uri("/v3/api-docs").with(httpBasic("dev", "dev")).exchange()).hasStatusOk()
			.bodyText()
			.contains("/api/v1/jobs/daily-filing-summary/executions", "/api/v1/jobs/executions/{id}:restart",
					"/api/v1/summaries/daily-filing", "/api/v1/jobs/interest-assessment/executions",
					"/api/v1/jobs/interest-assessment:catch-up", "/api/v1/assessments/runs/{day}",
					"/api/v1/jobs/metadata-retention/executions");
	}

}

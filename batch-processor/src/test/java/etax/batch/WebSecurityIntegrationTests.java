package etax.batch;

import etax.devstack.ApiDescriptions;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;

@BatchProcessorIntegrationTest
class WebSecurityIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theApiNeedsCredentials() {
		assertThat(this.mvc.get().uri("/api/v1/jobs").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(bearer("not-a-token")).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post().uri("/api/v1/jobs/daily-filing-summary/executions").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(officer()).exchange()).hasStatusOk();
	}

	@Test
	void theJobsAreForOfficersOnly() {
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(taxpayer("0313829148")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/forbidden");
		assertThat(this.mvc.get().uri("/api/v1/jobs").with(bearer(TokenIssuer.local().officer("70129"))).exchange())
			.hasStatusOk();
	}

	@Test
	void onlyNationalOfficersImportTheBanksAndTheTreasurysFilesOverHttp() {
		String officer = TokenIssuer.local().officer("1054321");
		assertThat(this.mvc.post()
			.uri("/api/v1/reconciliation/bank-files")
			.with(bearer(officer))
			.contentType(MediaType.APPLICATION_XML)
			.content("<DOICHIEU_NTDT/>")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/forbidden");
		assertThat(this.mvc.post()
			.uri("/api/v1/reconciliation/treasury-statements")
			.with(bearer(officer))
			.contentType("text/csv")
			.content("posting_id,treasury_code\n")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post()
			.uri("/api/v1/reconciliation/treasury-statements")
			.with(bearer(TokenIssuer.local().nationalOfficer()))
			.contentType("text/csv")
			.content("posting_id,treasury_code\n")
			.exchange()).as("a national officer's import is read, and this one refused: it is not the treasury's")
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/reconciliation-file-unsigned");
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
		assertThat(this.mvc.get().uri("/actuator/prometheus").with(officer()).exchange()).hasStatusOk()
			.bodyText()
			.contains("etax_batch_filed_returns_recorded_total{outcome=\"new\"")
			.contains("etax_batch_filed_returns_recorded_total{outcome=\"duplicate\"");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() {
		assertThat(this.mvc.get().uri("/v3/api-docs").with(officer()).exchange()).hasStatusOk()
			.bodyText()
			.contains("/api/v1/jobs/daily-filing-summary/executions", "/api/v1/jobs/executions/{id}:restart",
					"/api/v1/summaries/daily-filing", "/api/v1/jobs/interest-assessment/executions",
					"/api/v1/jobs/interest-assessment:catch-up", "/api/v1/assessments/runs/{day}",
					"/api/v1/jobs/metadata-retention/executions");
	}

	@Test
	void everyOperationIsDocumentedWithItsTokenAndProblems() throws Exception {
		JsonNode docs = ApiDescriptions.assertEveryOperationDocumented(
				this.mvc.get().uri("/v3/api-docs").with(officer()).exchange().getResponse().getContentAsString(), 30);

		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/batches", "202")).isTrue();
		assertThat(ApiDescriptions.documents(docs, "GET", "/api/v1/batches/{id}", "404")).isTrue();
		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/reconciliation/bank-files", "201")).isTrue();
		assertThat(ApiDescriptions.documents(docs, "POST", "/api/v1/reconciliation/bank-files", "400")).isTrue();
	}

}

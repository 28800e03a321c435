package etax.batch.reconciliation;

import java.time.LocalDate;

import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A day before the earliest that may be reconciled (by default ten years before today: the tests' today is
 * 2025-04-01, so 2015-04-01) is refused with a problem naming the limit, over the API and in the console,
 * and is not added to the days; the console's form does not offer it. Runs 2015-04-01 itself.
 */
@BatchProcessorIntegrationTest
class ReconciliationEarliestDayIntegrationTests {

	private static final LocalDate EARLIEST = LocalDate.of(2015, 4, 1);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aDayBeforeTheEarliestIsRefusedNamingTheLimitAndNeverListed() {
		for (String day : new String[] { "1900-01-01", EARLIEST.minusDays(1).toString() }) {
			assertThat(launch(day)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("https://etax.example/problems/job-parameters-rejected");
				assertThat(json).extractingPath("$.detail")
					.asString()
					.contains(day, "before the earliest day", EARLIEST.toString());
			});
		}
		assertThat(launch(EARLIEST.toString())).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("COMPLETED");

		MockHttpSession console = signIn(TokenIssuer.local().nationalOfficer());
		assertThat(this.mvc.get().uri("/console/reconciliation").session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("min=\"" + EARLIEST + "\"", "max=\"2025-03-31\"");
		assertThat(this.mvc.post()
			.uri("/console/reconciliation/runs")
			.param("day", "1900-01-02")
			.param("confirmed", "true")
			.session(console)
			.with(csrf())
			.exchange()).flash().extractingByKey("error").asString().contains("before the earliest day", EARLIEST.toString());

		assertThat(this.jdbc.sql("SELECT count(*) FROM reconciliation.day WHERE business_day < ?")
			.param(EARLIEST)
			.query(Long.class)
			.single()).isZero();
	}

	private MvcTestResult launch(String day) {
		return this.mvc.post()
			.uri("/api/v1/jobs/reconciliation/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange();
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

}

package etax.batch;

import java.util.UUID;

import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the framework refuses before a service sees them answer a 400 that names the parameter or body
 * property and what it must be, as declaration-api does; the launch bodies of the jobs refuse properties
 * they do not have, and the API description tells them apart.
 */
@BatchProcessorIntegrationTest
class RequestProblemsIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anOutOfRangePagingParameterIsNamedWithItsLimits() {
		assertRefused(this.mvc.get().uri("/api/v1/jobs?size=1000").with(officer()).exchange(), "size",
				"size must be less than or equal to 100");
		assertRefused(this.mvc.get().uri("/api/v1/reconciliation/work-items?size=0").with(officer()).exchange(), "size",
				"size must be greater than or equal to 1");
		assertRefused(this.mvc.get().uri("/api/v1/assessments/runs?page=-1").with(officer()).exchange(), "page",
				"page must be greater than or equal to 0");
		assertRefused(this.mvc.get()
			.uri("/api/v1/batches?size=0")
			.with(bearer(TokenIssuer.local().agent("0100109106")))
			.exchange(), "size", "size must be greater than or equal to 1");
		assertRefused(this.mvc.get()
			.uri("/api/v1/batches/{id}/items?size=101", UUID.randomUUID())
			.with(bearer(TokenIssuer.local().agent("0100109106")))
			.exchange(), "size", "size must be less than or equal to 100");
	}

	@Test
	void aLaunchBodyWithAnotherJobsPropertyIsRefusedAndLaunchesNothing() {
		long executions = executions();
		assertRefused(launch("/api/v1/jobs/interest-assessment/executions", "{\"businessDay\":\"2025-03-20\"}"),
				"businessDay", "businessDay is not a property of this body");
		assertRefused(launch("/api/v1/jobs/reconciliation/executions", "{\"assessedFor\":\"2025-03-20\"}"),
				"assessedFor", "assessedFor is not a property of this body");
		assertRefused(launch("/api/v1/jobs/daily-filing-summary/executions",
				"{\"businessDay\":\"2025-03-20\",\"day\":\"2025-03-21\"}"), "day", "day is not a property of this body");
		assertThat(executions()).as("nothing launched").isEqualTo(executions);
	}

	@Test
	void theLaunchBodiesAreDistinctSchemas() {
		assertThat(this.mvc.get().uri("/v3/api-docs").with(officer()).exchange()).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.components.schemas.InterestAssessmentLaunch.properties")
					.asMap()
					.containsOnlyKeys("assessedFor");
				assertThat(json).extractingPath("$.components.schemas.ReconciliationLaunch.properties")
					.asMap()
					.containsOnlyKeys("businessDay");
				assertThat(json).extractingPath("$.components.schemas.DailyFilingSummaryLaunch.properties")
					.asMap()
					.containsOnlyKeys("businessDay");
				assertThat(json).extractingPath("$.components.schemas").asMap().doesNotContainKey("LaunchRequest");
			});
	}

	private MvcTestResult launch(String uri, String body) {
		return this.mvc.post().uri(uri).with(officer()).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private long executions() {
		return this.jdbc.sql("""
				SELECT count(*) FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
				WHERE i.job_name IN ('interestAssessmentJob', 'reconciliationJob', 'dailyFilingSummaryJob')
				""").query(Long.class).single();
	}

	private static void assertRefused(MvcTestResult result, String name, String detail) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.detail").isEqualTo(detail);
				assertThat(json).extractingPath("$.errors[0].name").isEqualTo(name);
			});
	}

}

package etax.batch.retention;

import java.util.List;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.JobExecutionSummary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code metadataRetentionJob} on the real job repository. The test clock stands at 2025-04-01, so with
 * the default age of 90 days executions that ended before 2025-01-01 go. Works on business days
 * 2025-02-10 and 2025-02-11 of the daily filing summary.
 */
@BatchProcessorIntegrationTest
class MetadataRetentionJobIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Test
	void removesExecutionsEndedBeforeTheAgeWithAllThatHangsOnThemAndKeepsTheRest() {
		JobExecutionSummary old = summarise("2025-02-10");
		JobExecutionSummary recent = summarise("2025-02-11");
		List<Long> oldSteps = this.jdbc.sql("SELECT step_execution_id FROM batch.batch_step_execution WHERE job_execution_id = ?")
			.param(old.id())
			.query(Long.class)
			.list();
		assertThat(oldSteps).isNotEmpty();
		this.jdbc.sql("""
				UPDATE batch.batch_job_execution SET create_time = TIMESTAMP '2024-12-30 23:00',
					start_time = TIMESTAMP '2024-12-30 23:00', end_time = TIMESTAMP '2024-12-30 23:01'
				WHERE job_execution_id = ?""").param(old.id()).update();

		MvcTestResult purged = this.mvc.post().uri("/api/v1/jobs/metadata-retention/executions").with(officer()).exchange();

		assertThat(purged).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary retention = read(purged, JobExecutionSummary.class);
		assertThat(retention.jobName()).isEqualTo("metadataRetentionJob");
		assertThat(retention.status()).isEqualTo("COMPLETED");
		assertThat(retention.parameters()).containsKey("olderThan");
		assertThat(retention.writeCount()).isGreaterThanOrEqualTo(1);
		for (String table : List.of("batch_job_execution", "batch_job_execution_params", "batch_job_execution_context",
				"batch_step_execution")) {
			assertThat(count("SELECT count(*) FROM batch." + table + " WHERE job_execution_id = ?", old.id()))
				.as(table)
				.isZero();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM batch.batch_step_execution_context WHERE step_execution_id IN (:ids)")
			.param("ids", oldSteps)
			.query(Long.class)
			.single()).isZero();
		assertThat(count("SELECT count(*) FROM batch.batch_job_instance WHERE job_instance_id = ?", old.jobInstanceId()))
			.isZero();
		assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE job_execution_id = ?", recent.id())).isOne();
		assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE job_execution_id = ?", retention.id()))
			.as("its own execution")
			.isOne();
		assertThat(this.mvc.get().uri("/api/v1/jobs/executions/{id}", old.id()).with(officer()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private JobExecutionSummary summarise(String day) {
		MvcTestResult launched = this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange();
		assertThat(launched).hasStatus(HttpStatus.CREATED);
		return read(launched, JobExecutionSummary.class);
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private <T> T read(MvcTestResult result, Class<T> type) {
		return this.json.readValue(result.getResponse().getContentAsByteArray(), type);
	}

}

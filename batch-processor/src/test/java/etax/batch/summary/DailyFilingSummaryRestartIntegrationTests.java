package etax.batch.summary;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.DayLocks;
import etax.batch.jobs.JobExecutionPage;
import etax.batch.jobs.JobExecutionSummary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A run whose write fails for real in PostgreSQL, then a restart over HTTP, all on the PostgreSQL job
 * repository in schema {@code batch}; and an execution left running, restarted once no live process holds its day.
 * Works on business days 2025-03-20 and 2025-03-19 (no filings), taxpayer 0100000020.
 */
@BatchProcessorIntegrationTest
class DailyFilingSummaryRestartIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 20);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private SummaryDayLocks locks;

	@Autowired
	private DailyFilingSummaries summaries;

	@Test
	void aFailedRunRestartsIntoTheSameInstanceAndWritesEachRowOnce() {
		ReturnEvents events = new ReturnEvents(this.kafka, "0100000020");
		events.accepted("01/GTGT", "2025-03-20T01:00:00Z");
		events.accepted("01/TNCN", "2025-03-20T02:00:00Z");
		events.rejected("03/TNDN", "2025-03-20T03:00:00Z");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM batch.filed_return WHERE business_day = ?")
				.param(DAY)
				.query(Long.class)
				.single() == 3);

		// Chunks of two: 01/GTGT and 01/TNCN commit, the chunk with 03/TNDN violates the constraint.
		this.jdbc.sql("ALTER TABLE batch.daily_filing_summary ADD CONSTRAINT restart_test_failure"
				+ " CHECK (business_day <> DATE '2025-03-20' OR form_code <> '03/TNDN')").update();
		JobExecutionSummary failed;
		try {
			MvcTestResult launched = this.mvc.post()
				.uri("/api/v1/jobs/daily-filing-summary/executions")
				.with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"businessDay\":\"2025-03-20\"}")
				.exchange();
			assertThat(launched).hasStatus(HttpStatus.CREATED);
			failed = read(launched, JobExecutionSummary.class);
		}
		finally {
			this.jdbc.sql("ALTER TABLE batch.daily_filing_summary DROP CONSTRAINT restart_test_failure").update();
		}
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.exitCode()).isEqualTo("FAILED");
		assertThat(failed.writeCount()).isEqualTo(2);
		assertThat(listed(failed.id()).status()).isEqualTo("FAILED");
		assertThat(summary()).extracting((row) -> row.get(0)).containsExactly("01/GTGT", "01/TNCN");

		MvcTestResult restartedResult = this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", failed.id())
			.with(officer())
			.exchange();
		assertThat(restartedResult).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary restarted = read(restartedResult, JobExecutionSummary.class);
		assertThat(restarted.id()).isNotEqualTo(failed.id());
		assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
		assertThat(restarted.parameters()).containsEntry("businessDay", "2025-03-20");
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(listed(restarted.id()).status()).isEqualTo("COMPLETED");
		assertThat(listed(failed.id()).status()).isEqualTo("FAILED");

		assertThat(summary()).extracting((row) -> tuple(row.get(0), row.get(1), row.get(2), row.get(3)))
			.containsExactly(tuple("01/GTGT", "ACCEPTED", 1L, restarted.id()),
					tuple("01/TNCN", "ACCEPTED", 1L, restarted.id()),
					tuple("03/TNDN", "NOT_ACCEPTED", 1L, restarted.id()));

		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", failed.id())
			.with(officer())
			.exchange()).hasStatus(HttpStatus.CONFLICT);
	}

	/**
	 * An execution left running is restarted only once no live process computes its day: while another session
	 * holds the day's lock (a live process), the restart is refused; once it is free (the process died), the
	 * execution is recovered and restarted into its instance. And the schedule's own run of a day left so is
	 * recovered by the next scheduled launch, not refused as running night after night.
	 */
	@Test
	void anExecutionLeftRunningIsRestartedOnceNoLiveProcessComputesItsDay() {
		LocalDate day = LocalDate.of(2025, 3, 19);
		MvcTestResult launched = this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange();
		long id = read(launched, JobExecutionSummary.class).id();
		leftRunning(id);
		try (DayLocks.Held live = this.locks.tryHold(day).orElseThrow()) {
			MvcTestResult refused = this.mvc.post()
				.uri("/api/v1/jobs/executions/{id}:restart", id)
				.with(officer())
				.exchange();

			assertThat(refused).hasStatus(HttpStatus.CONFLICT);
			assertThat(listed(id).status()).as("left as it is").isEqualTo("STARTED");
		}

		MvcTestResult restarted = this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", id)
			.with(officer())
			.exchange();

		assertThat(restarted).hasStatus(HttpStatus.CREATED);
		assertThat(read(restarted, JobExecutionSummary.class).status()).isEqualTo("COMPLETED");
		assertThat(listed(id).status()).as("recovered").isEqualTo("FAILED");

		JobExecutionSummary scheduled = this.summaries.computeScheduled(day, day.plusDays(1));
		leftRunning(scheduled.id());
		JobExecutionSummary again = this.summaries.computeScheduled(day, day.plusDays(1));
		assertThat(again.status()).isEqualTo("COMPLETED");
		assertThat(listed(scheduled.id()).status()).as("recovered by the schedule's next launch").isEqualTo("FAILED");
	}

	/** As a process that died leaves it, or as one that runs it. */
	private void leftRunning(long id) {
		this.jdbc.sql("UPDATE batch.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL"
				+ " WHERE job_execution_id = ?").param(id).update();
	}

	@Test
	void theJobRepositoryTablesLiveInSchemaBatchOnly() {
		List<String> tables = this.jdbc
			.sql("SELECT table_schema || '.' || table_name FROM information_schema.tables"
					+ " WHERE table_name LIKE 'batch\\_%' ORDER BY table_name")
			.query(String.class)
			.list();
		assertThat(tables).containsExactly("batch.batch_job_execution", "batch.batch_job_execution_context",
				"batch.batch_job_execution_params", "batch.batch_job_instance", "batch.batch_step_execution",
				"batch.batch_step_execution_context");
		assertThat(this.jdbc.sql("SELECT sequence_schema || '.' || sequence_name FROM information_schema.sequences"
				+ " WHERE sequence_name LIKE 'batch\\_%' ORDER BY sequence_name").query(String.class).list())
			.containsExactly("batch.batch_job_execution_seq", "batch.batch_job_instance_seq",
					"batch.batch_step_execution_seq");
	}

	private List<List<Object>> summary() {
		return this.jdbc
			.sql("SELECT form_code, status, returns, job_execution_id FROM batch.daily_filing_summary"
					+ " WHERE business_day = ? ORDER BY form_code, status")
			.param(DAY)
			.query((rs, rowNum) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private JobExecutionSummary listed(long id) {
		MvcTestResult listed = this.mvc.get().uri("/api/v1/jobs?size=100").with(officer()).exchange();
		assertThat(listed).hasStatusOk();
		return read(listed, JobExecutionPage.class).items()
			.stream()
			.filter((item) -> item.id() == id)
			.findFirst()
			.orElseThrow();
	}

	private <T> T read(MvcTestResult result, Class<T> type) {
		return this.json.readValue(result.getResponse().getContentAsByteArray(), type);
	}

}

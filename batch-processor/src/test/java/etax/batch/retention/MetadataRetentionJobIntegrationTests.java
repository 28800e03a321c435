package etax.batch.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
 * {@code metadataRetentionJob} on the real job repository and bulk filing tables. The test clock stands at 2025-04-01, so with
 * the default age of 90 days executions that ended before 2025-01-01 go. Works on business days
 * 2025-02-10 to 2025-02-12 of the daily filing summary.
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
	void removesWhatEndedBeforeTheAgeAndKeepsTheRest() {
		UUID oldBatch = bulkBatch(Instant.parse("2024-12-30T10:00:00Z"));
		UUID recentBatch = bulkBatch(Instant.parse("2025-03-30T10:00:00Z"));
		interestRun("2024-11-11", Instant.parse("2024-12-30T10:00:00Z"));
		interestRun("2025-03-11", Instant.parse("2025-03-30T10:00:00Z"));

		JobExecutionSummary old = summarise("2025-02-10");
		JobExecutionSummary recent = summarise("2025-02-11");
		JobExecutionSummary oldFailed = summarise("2025-02-12");
		this.jdbc.sql("""
				UPDATE batch.batch_job_execution SET status = 'FAILED', exit_code = 'FAILED',
					create_time = TIMESTAMP '2024-12-29 23:00', start_time = TIMESTAMP '2024-12-29 23:00',
					end_time = TIMESTAMP '2024-12-29 23:01'
				WHERE job_execution_id = ?""").param(oldFailed.id()).update();
		JobExecutionSummary firstRun = summarise("2025-02-14");
		this.jdbc.sql("""
				UPDATE batch.batch_job_execution SET status = 'FAILED', exit_code = 'FAILED',
					create_time = TIMESTAMP '2024-12-29 22:00', start_time = TIMESTAMP '2024-12-29 22:00',
					end_time = TIMESTAMP '2024-12-29 22:01'
				WHERE job_execution_id = ?""").param(firstRun.id()).update();
		long failedRestart = this.jdbc.sql("""
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
					end_time, status, exit_code, exit_message, last_updated)
				SELECT nextval('batch.batch_job_execution_seq'), 1, job_instance_id, TIMESTAMP '2024-12-29 22:10',
					TIMESTAMP '2024-12-29 22:10', TIMESTAMP '2024-12-29 22:11', 'FAILED', 'FAILED', '',
					TIMESTAMP '2024-12-29 22:11'
				FROM batch.batch_job_execution WHERE job_execution_id = ?
				RETURNING job_execution_id""").param(firstRun.id()).query(Long.class).single();
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
		assertThat(this.mvc.post().uri("/api/v1/jobs/metadata-retention/executions").with(officer()).exchange())
			.as("run again with the same cut-off (the clock stands still): a removal of its own, not a conflict")
			.hasStatus(HttpStatus.CREATED);
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
		assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE job_execution_id = ?", oldFailed.id()))
			.as("the last execution of an instance that did not complete, to be restarted")
			.isOne();
		assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE job_execution_id IN (?, ?)", firstRun.id(),
				failedRestart))
			.as("every execution of an instance that did not complete: a restart skips the steps the first completed")
			.isEqualTo(2);
		assertThat(count("SELECT count(*) FROM batch.batch_step_execution WHERE job_execution_id = ?", firstRun.id()))
			.isPositive();
		assertThat(count("SELECT count(*) FROM batch.batch_job_execution WHERE job_execution_id = ?", retention.id()))
			.as("its own execution")
			.isOne();
		assertThat(this.mvc.get().uri("/api/v1/jobs/executions/{id}", old.id()).with(officer()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);

		assertThat(itemsWithContent(oldBatch)).as("a failed item keeps its return, to be filed again").containsExactly(3);
		assertThat(count("SELECT count(*) FROM batch.bulk_upload WHERE batch_id = ?", oldBatch)).isZero();
		assertThat(count("SELECT count(*) FROM batch.bulk_item WHERE batch_id = ? AND receipt IS NOT NULL", oldBatch))
			.as("outcomes stay")
			.isEqualTo(2);
		assertThat(itemsWithContent(recentBatch)).containsExactly(1, 2, 3);
		assertThat(count("SELECT count(*) FROM batch.bulk_upload WHERE batch_id = ?", recentBatch)).isOne();

		assertThat(count("SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = ?", LocalDate.of(2024, 11, 11)))
			.isZero();
		assertThat(count("SELECT count(*) FROM batch.interest_run WHERE assessed_for = ? AND assessments_removed_at IS NOT NULL",
				LocalDate.of(2024, 11, 11)))
			.as("the run stays")
			.isOne();
		assertThat(count("SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = ?", LocalDate.of(2025, 3, 11)))
			.isEqualTo(2);
	}

	/** A day of interest assessed, its run completed at a time, with two assessments. */
	private void interestRun(String day, Instant completedAt) {
		this.jdbc.sql("""
				INSERT INTO batch.interest_run (assessed_for, job_execution_id, items_assessed, total_interest,
					items_not_assessable, completed_at)
				VALUES (?::date, 0, 2, 900, 0, ?)
				""").params(day, Timestamp.from(completedAt)).update();
		this.jdbc.sql("""
				INSERT INTO batch.interest_assessment (assessed_for, payable_item_id, mst, chapter, interest_sub_item,
					tax_period, amount, assessed_at)
				VALUES (?::date, 'retention-1', '0100000151', '754', '4931', '00/Q1/2025', 300, ?),
					(?::date, 'retention-2', '0100000151', '754', '4931', '00/Q1/2025', 600, ?)
				""").params(day, Timestamp.from(completedAt), day, Timestamp.from(completedAt)).update();
	}

	/** A completed batch of an accepted, a not received and a failed item. */
	private UUID bulkBatch(Instant completedAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_batch (id, filer_subject, filer_role, format, upload_size, upload_sha256, item_count,
					status, received_at, completed_at, heartbeat_at, accepted, not_received, failed)
				VALUES (?, 'tvan-retention', 'TVAN', 'ZIP', 3, 'sha', 3, 'COMPLETED', ?, ?, ?, 1, 1, 1)
				""").params(id, Timestamp.from(completedAt), Timestamp.from(completedAt), Timestamp.from(completedAt)).update();
		this.jdbc.sql("INSERT INTO batch.bulk_upload (batch_id, content) VALUES (?, ?)").params(id, new byte[] { 1 }).update();
		this.jdbc.sql("""
				INSERT INTO batch.bulk_item (batch_id, item_no, content, status, receipt, problem) VALUES
					(?, 1, '\\x01', 'ACCEPTED', '{}', NULL), (?, 2, '\\x02', 'NOT_RECEIVED', '{}', '{}'),
					(?, 3, '\\x03', 'FAILED', NULL, '{}')
				""").params(id, id, id).update();
		return id;
	}

	private List<Integer> itemsWithContent(UUID batchId) {
		return this.jdbc.sql("SELECT item_no FROM batch.bulk_item WHERE batch_id = ? AND content IS NOT NULL ORDER BY item_no")
			.param(batchId)
			.query(Integer.class)
			.list();
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

package etax.batch.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.JobExecutionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A day whose run was left {@code STARTED} in the job repository by a process that died (SIGKILL in the
 * middle of the run: no end, no status written): once no live process holds the day, the next catch-up
 * recovers the execution and runs the day again into its instance, then the days after it; a day a live
 * process holds is left alone. Days 2027-01-10 to 2027-01-31 and taxpayers 01000003xx are this class's.
 */
@BatchProcessorIntegrationTest
class InterestCrashRecoveryIntegrationTests {

	@RegisterExtension
	static final InterestJobFixture job = new InterestJobFixture();

	@Autowired
	InterestDayLocks locks;

	@Test
	void aDayLeftRunningByAProcessThatDiedIsRecoveredAndTheCatchUpGoesOnPastIt() {
		List<String> items = List.of(job.ledger().item("0100000301", "1701", 1_000_000, "2027-01-10"),
				job.ledger().item("0100000302", "1701", 2_000_000, "2027-01-10"));
		job.clock().set(Instant.parse("2027-01-15T01:00:00Z")); // the schedule assesses through 13 January
		assertThat(job.launch("2027-01-11")).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary crashed = killedMidway("2027-01-12", items.get(1));

		MvcTestResult caughtUp = job.catchUp();

		assertThat(caughtUp).hasStatusOk();
		List<JobExecutionSummary> executions = List.of(job.read(caughtUp, JobExecutionSummary[].class));
		assertThat(executions).extracting((e) -> e.parameters().get("assessedFor"), JobExecutionSummary::status)
			.containsExactly(tuple("2027-01-12", "COMPLETED"), tuple("2027-01-13", "COMPLETED"));
		assertThat(executions.get(0).jobInstanceId()).as("the day's instance, run again")
			.isEqualTo(crashed.jobInstanceId());
		assertThat(statuses(crashed.jobInstanceId())).as("the dead execution recovered, then restarted")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(job.jdbc()
			.sql("SELECT assessed_for || ' ' || total_interest FROM batch.interest_run ORDER BY 1")
			.query(String.class)
			.list()).containsExactly("2027-01-11 900", "2027-01-12 900", "2027-01-13 900");
		assertThat(job.jdbc()
			.sql("SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = DATE '2027-01-12'")
			.query(Long.class)
			.single()).as("each item assessed once, before the crash or after").isEqualTo(2);
	}

	@Test
	void aDayALiveProcessRunsIsNotRecovered() {
		List<String> items = List.of(job.ledger().item("0100000311", "1701", 1_000_000, "2027-01-20"),
				job.ledger().item("0100000312", "1701", 2_000_000, "2027-01-20"));
		job.clock().set(Instant.parse("2027-01-25T01:00:00Z")); // the schedule assesses through 23 January
		assertThat(job.launch("2027-01-21")).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary running = killedMidway("2027-01-22", items.get(1));

		try (InterestDayLocks.Held held = this.locks.tryHold(LocalDate.of(2027, 1, 22)).orElseThrow()) {
			assertThat(job.read(job.catchUp(), JobExecutionSummary[].class)).as("stopped at the day running").isEmpty();
			assertThat(job.launch("2027-01-22")).hasStatus(HttpStatus.CONFLICT)
				.bodyJson()
				.extractingPath("$.type")
				.isEqualTo("https://etax.example/problems/job-execution-running");
		}
		assertThat(statuses(running.jobInstanceId())).containsExactly("STARTED");

		assertThat(job.read(job.catchUp(), JobExecutionSummary[].class))
			.extracting((e) -> e.parameters().get("assessedFor"), JobExecutionSummary::status)
			.as("once its process is gone")
			.containsExactly(tuple("2027-01-22", "COMPLETED"), tuple("2027-01-23", "COMPLETED"));
	}

	/**
	 * Runs the day with one item failing its partition, then puts its execution back as a process killed
	 * in the middle leaves it: the job and the steps that had not completed {@code STARTED}, with no end.
	 */
	private static JobExecutionSummary killedMidway(String day, String failingItem) {
		JobExecutionSummary failed;
		job.jdbc()
			.sql("ALTER TABLE batch.interest_accrual ADD CONSTRAINT interest_crash_test CHECK (payable_item_id <> '"
					+ failingItem + "') NOT VALID")
			.update();
		try {
			failed = job.read(job.launch(day), JobExecutionSummary.class);
		}
		finally {
			job.jdbc().sql("ALTER TABLE batch.interest_accrual DROP CONSTRAINT interest_crash_test").update();
		}
		assertThat(failed.status()).isEqualTo("FAILED");
		job.jdbc().sql("""
				UPDATE batch.batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL
				WHERE job_execution_id = ? AND status <> 'COMPLETED'""").param(failed.id()).update();
		job.jdbc().sql("""
				UPDATE batch.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL
				WHERE job_execution_id = ?""").param(failed.id()).update();
		return failed;
	}

	private static List<String> statuses(long instanceId) {
		return job.jdbc()
			.sql("SELECT status FROM batch.batch_job_execution WHERE job_instance_id = ? ORDER BY job_execution_id")
			.param(instanceId)
			.query(String.class)
			.list();
	}

}

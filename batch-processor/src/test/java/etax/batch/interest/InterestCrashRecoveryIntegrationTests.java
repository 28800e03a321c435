package etax.batch.interest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import etax.access.Caller;
import etax.access.Role;
import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.DayLocks;
import etax.batch.jobs.JobExecutionSummary;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A day whose run was left {@code STARTED} in the job repository by a process that died (SIGKILL in the
 * middle of the run: no end, no status written), put so in this process: once no live process holds the day, the
 * next catch-up recovers the execution and runs the day again into its instance, then the days after it, and an
 * officer's restart in the console recovers and restarts it, as it does a day left {@code UNKNOWN}; a day a live
 * process holds is left alone.
 * {@link InterestCrashIntegrationTests} kills a process for real. Days 2027-01-10 to 2027-01-31 and taxpayers
 * 01000003xx are this class's.
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

		try (DayLocks.Held held = this.locks.tryHold(LocalDate.of(2027, 1, 22)).orElseThrow()) {
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

	@Test
	void theConsoleRecoversAndRestartsADayWhoseProcessDiedAndRefusesOneALiveProcessRuns() {
		List<String> items = List.of(job.ledger().item("0100000321", "1701", 1_000_000, "2027-01-26"),
				job.ledger().item("0100000322", "1701", 2_000_000, "2027-01-26"));
		job.clock().set(Instant.parse("2027-01-29T01:00:00Z"));
		JobExecutionSummary dead = killedMidway("2027-01-27", items.get(1));
		MockHttpSession console = signIn();
		assertThat(job.mvc().get().uri("/console/jobs").session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("Recover and restart execution " + dead.id());

		try (DayLocks.Held held = this.locks.tryHold(LocalDate.of(2027, 1, 27)).orElseThrow()) {
			assertThat(restartInTheConsole(console, dead.id())).flash()
				.containsEntry("error", "Job execution " + dead.id()
						+ " is STARTED and a live process runs it: it can be restarted once it has ended");
		}
		assertThat(statuses(dead.jobInstanceId())).as("left alone").containsExactly("STARTED");

		MvcTestResult restarted = restartInTheConsole(console, dead.id());

		List<Long> executions = job.jdbc()
			.sql("SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = ? ORDER BY 1")
			.param(dead.jobInstanceId())
			.query(Long.class)
			.list();
		assertThat(restarted).flash()
			.containsEntry("message", "Restarted as execution " + executions.get(1) + ": COMPLETED.");
		assertThat(statuses(dead.jobInstanceId())).as("the dead execution recovered, then restarted")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(job.jdbc()
			.sql("SELECT exit_message FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(dead.id())
			.query(String.class)
			.single()).startsWith("Recovered: left STARTED by a process that died");
		assertThat(job.jdbc()
			.sql("SELECT total_interest FROM batch.interest_run WHERE assessed_for = DATE '2027-01-27'")
			.query(Long.class)
			.single()).as("300 and 600, each item once").isEqualTo(900);
		assertThat(job.jdbc()
			.sql("SELECT outcome FROM batch.console_audit WHERE action = 'JOB_RESTART' AND target = ? ORDER BY id")
			.param("job-execution " + dead.id())
			.query(String.class)
			.list()).containsExactly("REFUSED", "OK");
	}

	@Test
	void aDayLeftUnknownIsRecoveredAndRestartedWhichSpringBatchAloneRefuses() {
		List<String> items = List.of(job.ledger().item("0100000331", "1701", 1_000_000, "2027-01-29"),
				job.ledger().item("0100000332", "1701", 2_000_000, "2027-01-29"));
		job.clock().set(Instant.parse("2027-02-01T01:00:00Z"));
		JobExecutionSummary unknown = killedMidway("2027-01-30", items.get(1));
		// as a run leaves it when the database failed while it recorded how a step ended: ended, but UNKNOWN
		job.jdbc().sql("""
				UPDATE batch.batch_step_execution SET status = 'UNKNOWN', end_time = now()
				WHERE job_execution_id = ? AND status = 'STARTED'""").param(unknown.id()).update();
		job.jdbc().sql("""
				UPDATE batch.batch_job_execution SET status = 'UNKNOWN', end_time = now()
				WHERE job_execution_id = ?""").param(unknown.id()).update();

		MvcTestResult restarted = restartInTheConsole(signIn(), unknown.id());

		assertThat(restarted).flash().hasEntrySatisfying("message", (message) -> assertThat(message).asString()
			.endsWith(": COMPLETED."));
		assertThat(statuses(unknown.jobInstanceId())).containsExactly("FAILED", "COMPLETED");
		assertThat(job.jdbc()
			.sql("SELECT exit_message FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(unknown.id())
			.query(String.class)
			.single()).startsWith("Recovered: left UNKNOWN by a process that could not record how it ended");
		assertThat(job.jdbc()
			.sql("SELECT total_interest FROM batch.interest_run WHERE assessed_for = DATE '2027-01-30'")
			.query(Long.class)
			.single()).as("300 and 600, each item once").isEqualTo(900);
	}

	@Test
	void aDayLeftRunningWithAStepLeftUnknownIsRecoveredAndRestarted() {
		List<String> items = List.of(job.ledger().item("0100000341", "1701", 1_000_000, "2027-01-16"),
				job.ledger().item("0100000342", "1701", 2_000_000, "2027-01-16"));
		job.clock().set(Instant.parse("2027-01-19T01:00:00Z"));
		JobExecutionSummary dead = killedMidway("2027-01-17", items.get(1));
		// a step whose end the database failed to record, then the process died: the job itself left STARTED
		job.jdbc().sql("""
				UPDATE batch.batch_step_execution SET status = 'UNKNOWN', end_time = now()
				WHERE job_execution_id = ? AND status = 'STARTED'""").param(dead.id()).update();

		MvcTestResult restarted = restartInTheConsole(signIn(), dead.id());

		assertThat(restarted).flash().hasEntrySatisfying("message", (message) -> assertThat(message).asString()
			.endsWith(": COMPLETED."));
		assertThat(statuses(dead.jobInstanceId())).containsExactly("FAILED", "COMPLETED");
		assertThat(job.jdbc()
			.sql("SELECT count(*) FROM batch.batch_step_execution WHERE job_execution_id = ? AND status = 'UNKNOWN'")
			.param(dead.id())
			.query(Long.class)
			.single()).as("marked FAILED with the execution").isZero();
		assertThat(job.jdbc()
			.sql("SELECT total_interest FROM batch.interest_run WHERE assessed_for = DATE '2027-01-17'")
			.query(Long.class)
			.single()).as("300 and 600, each item once").isEqualTo(900);
	}

	/**
	 * Signs a national officer in to the console, with a token that the test clock, moved past the day, does not see
	 * expired (the console ends a session at its token's expiry by the service's clock).
	 */
	private static MockHttpSession signIn() {
		TokenIssuer tokens = TokenIssuer.local();
		String token = tokens.sign(tokens.claims(new Caller("national-officer", Role.NATIONAL_OFFICER, null, null, null),
				Instant.now(), Duration.ofDays(3 * 365)).build());
		MvcTestResult result = job.mvc()
			.post()
			.uri("/console/login")
			.param("token", token)
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

	private static MvcTestResult restartInTheConsole(MockHttpSession console, long id) {
		MvcTestResult result = job.mvc()
			.post()
			.uri("/console/jobs/executions/{id}/restart", id)
			.param("confirmed", "true")
			.session(console)
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/console/jobs");
		return result;
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

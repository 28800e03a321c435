package etax.batch.interest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.JobExecutionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * A batch-processor killed with SIGKILL in the middle of a day's interest run, in a JVM of its own on the same
 * PostgreSQL and Kafka ({@link InterestProcess}): the day's execution is left {@code STARTED}, part of the day
 * written, and the day's lock free with the process's sessions gone. This process's next catch-up, or an officer's
 * restart of the execution, recovers it ({@code FAILED}, saying so) and completes the day in the same instance: each
 * item assessed exactly once, the day's total as counted by hand. While the process lives, a restart is refused.
 *
 * <p>
 * The kill point: the killed process writes the day in chunks of two, on two partitions, and every chunk adds to the
 * day's totals row (one tax sub-item here). Once a chunk has committed, the test takes that row's lock; each partition
 * then waits for it in the middle of its next chunk, which the database shows ({@code pg_stat_activity}), and the
 * kill finds the day part written, with a chunk's transaction open on each partition. No pause decides it.
 * Days 2026-03-01 to 2026-03-20 and taxpayers 01000004xx are this class's (days before the real today, which the
 * other process's clock is).
 */
@BatchProcessorIntegrationTest
class InterestCrashIntegrationTests {

	private static final int ITEMS = 1200;

	/**
	 * Interest and items: half the items owe 1,000,000 due the day before the day assessed, one day at 0.03 %, 300;
	 * the other half 2,500,000 due three days before, three days of 750, 2,250, all in their first assessment.
	 */
	private static final String[] ITEMS_BY_INTEREST = { "300 x 600", "2250 x 600" };

	/** 600 × 300 + 600 × 2,250. */
	private static final long DAY_TOTAL = 1_530_000;

	private static final int PARTITIONS = 2;

	@RegisterExtension
	static final InterestJobFixture job = new InterestJobFixture();

	@Autowired
	DataSource dataSource;

	@Test
	void aDayKilledInTheMiddleOfItsChunksIsRecoveredByTheNextCatchUpAndEachItemAssessedOnce() throws Exception {
		LocalDate day = LocalDate.of(2026, 3, 10);
		book(day);
		JobExecutionSummary dead;
		try (InterestProcess process = InterestProcess.start("interest-crash-catch-up")) {
			dead = killedInTheMiddle(process, day, () -> {
			});
		}
		job.clock().set(Instant.parse("2026-03-12T01:00:00Z")); // the schedule assesses through 10 March

		MvcTestResult caughtUp = job.catchUp();

		assertThat(caughtUp).hasStatusOk();
		List<JobExecutionSummary> executions = List.of(job.read(caughtUp, JobExecutionSummary[].class));
		assertThat(executions).singleElement().satisfies((execution) -> {
			assertThat(execution.parameters()).containsEntry("assessedFor", day.toString());
			assertThat(execution.status()).isEqualTo("COMPLETED");
			assertThat(execution.jobInstanceId()).as("the day's instance, run again").isEqualTo(dead.jobInstanceId());
		});
		assertRecoveredAndAssessedOnce(day, dead);
	}

	@Test
	void anOfficersRestartIsRefusedWhileTheProcessLivesAndRecoversTheDayOnceItIsKilled() throws Exception {
		LocalDate day = LocalDate.of(2026, 3, 16);
		book(day);
		job.clock().set(Instant.parse("2026-03-18T01:00:00Z"));
		JobExecutionSummary dead;
		try (InterestProcess process = InterestProcess.start("interest-crash-restart")) {
			dead = killedInTheMiddle(process, day, () -> {
				long running = execution(day).id();
				assertThat(restart(running)).as("a live process runs it, holding the day's lock")
					.hasStatus(HttpStatus.CONFLICT)
					.bodyJson()
					.extractingPath("$.type")
					.isEqualTo("https://etax.example/problems/job-execution-not-restartable");
				assertThat(execution(day).status()).isEqualTo("STARTED");
			});
		}

		MvcTestResult restarted = restart(dead.id());

		assertThat(restarted).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary execution = job.read(restarted, JobExecutionSummary.class);
		assertThat(execution.status()).isEqualTo("COMPLETED");
		assertThat(execution.jobInstanceId()).as("the day's instance, run again").isEqualTo(dead.jobInstanceId());
		assertRecoveredAndAssessedOnce(day, dead);
	}

	/**
	 * Runs the day in the other process, stops it in the middle of its chunks (see the class), runs {@code whileItLives}
	 * and kills it; returns once the database has ended its sessions, with the execution it left.
	 */
	private JobExecutionSummary killedInTheMiddle(InterestProcess process, LocalDate day, Runnable whileItLives)
			throws Exception {
		CompletableFuture<HttpResponse<String>> launched = process.launch(day);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> {
			if (launched.isDone()) {
				fail("The run ended before it was stopped: " + launched.get().statusCode() + " " + launched.get().body());
			}
			return written(day) > 0;
		});
		long written;
		try (Connection totals = this.dataSource.getConnection()) {
			totals.setAutoCommit(false);
			assertThat(lockTotals(totals, day)).as("the day's totals row, one tax sub-item").isOne();
			await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> sessions(process, " AND wait_event_type = 'Lock'") == PARTITIONS);
			written = written(day);
			whileItLives.run();
			process.kill();
			totals.rollback();
		}
		// the killed process's sessions end, its lock and open chunks with them
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> sessions(process, "") == 0);

		assertThat(written).as("killed in the middle of the day").isPositive().isLessThan(ITEMS);
		assertThat(written(day)).as("the chunks it had not committed rolled back").isEqualTo(written);
		JobExecutionSummary dead = execution(day);
		assertThat(dead.status()).as("left as a process that died leaves it").isEqualTo("STARTED");
		return dead;
	}

	private void assertRecoveredAndAssessedOnce(LocalDate day, JobExecutionSummary dead) {
		assertThat(job.jdbc()
			.sql("SELECT status || ' ' || exit_code FROM batch.batch_job_execution WHERE job_instance_id = ?"
					+ " ORDER BY job_execution_id")
			.param(dead.jobInstanceId())
			.query(String.class)
			.list()).as("the dead execution recovered, then restarted").containsExactly("FAILED FAILED", "COMPLETED COMPLETED");
		assertThat(job.jdbc()
			.sql("SELECT exit_message FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(dead.id())
			.query(String.class)
			.single()).startsWith("Recovered: left STARTED by a process that died");
		assertThat(job.jdbc()
			.sql("SELECT count(*) FROM batch.batch_step_execution WHERE job_execution_id = ? AND status <> 'COMPLETED'"
					+ " AND (status <> 'FAILED' OR exit_message NOT LIKE 'Recovered:%')")
			.param(dead.id())
			.query(Long.class)
			.single()).as("its steps ended: completed, or recovered").isZero();

		assertThat(job.jdbc().sql("""
				SELECT count(*) FROM payment.interest_basis_v1 b
				LEFT JOIN (SELECT payable_item_id, count(*) AS assessments FROM batch.interest_assessment
					WHERE assessed_for = ? GROUP BY payable_item_id) a USING (payable_item_id)
				WHERE coalesce(a.assessments, 0) <> 1""").param(day).query(Long.class).single())
			.as("items not assessed exactly once, by the killed process or after it")
			.isZero();
		assertThat(job.jdbc()
			.sql("SELECT amount || ' x ' || count(*) FROM batch.interest_assessment WHERE assessed_for = ? GROUP BY amount")
			.param(day)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(ITEMS_BY_INTEREST);
		InterestRun run = job.read(job.mvc().get().uri("/api/v1/assessments/runs/" + day).with(officer()).exchange(),
				InterestRun.class);
		assertThat(run.itemsAssessed()).isEqualTo(ITEMS);
		assertThat(run.totalInterest()).as("the day's total, counted by hand").isEqualTo(DAY_TOTAL);
		assertThat(job.published()
			.stream()
			.filter((event) -> day.toString().equals(event.path("assessedFor").asString()))
			.map((event) -> event.path("eventId").asString())
			.distinct()
			.count()).as("an event for each item, also those the killed process wrote").isEqualTo(ITEMS);
	}

	/**
	 * Books the day's items in the gateway's view (its stand-in), the two kinds in turn, for 100 taxpayers
	 * 0100000400 to 0100000499.
	 */
	private static void book(LocalDate day) {
		job.jdbc().sql("""
				INSERT INTO payment.interest_basis_v1
				SELECT gen_random_uuid()::text, '01000004' || lpad((i % 100)::text, 2, '0'), '754', '1701', '00/Q4/2025',
					a.amount, a.due_date, a.amount, '{}', '{}', now()
				FROM generate_series(0, :items - 1) AS i,
					LATERAL (SELECT CASE WHEN i % 2 = 0 THEN 1000000 ELSE 2500000 END AS amount,
						CASE WHEN i % 2 = 0 THEN CAST(:day AS date) - 1 ELSE CAST(:day AS date) - 3 END AS due_date) a
				""").param("items", ITEMS).param("day", day).update();
	}

	/** Takes the lock of the day's totals rows in the connection's open transaction; how many there are. */
	private static int lockTotals(Connection connection, LocalDate day) throws Exception {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM batch.interest_run_total WHERE assessed_for = ?"
					+ " FOR UPDATE) locked")) {
			statement.setObject(1, day);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	/** The day's assessments committed so far. */
	private static long written(LocalDate day) {
		return job.jdbc()
			.sql("SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = ?")
			.param(day)
			.query(Long.class)
			.single();
	}

	private static long sessions(InterestProcess process, String condition) {
		return job.jdbc()
			.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?" + condition)
			.param(process.applicationName())
			.query(Long.class)
			.single();
	}

	/** The day's only execution. */
	private static JobExecutionSummary execution(LocalDate day) {
		long id = job.jdbc().sql("""
				SELECT e.job_execution_id FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE i.job_name = 'interestAssessmentJob' AND p.parameter_name = 'assessedFor' AND p.parameter_value = ?
				""").param(day.toString()).query(Long.class).single();
		return job.read(job.mvc().get().uri("/api/v1/jobs/executions/{id}", id).with(officer()).exchange(),
				JobExecutionSummary.class);
	}

	private static MvcTestResult restart(long id) {
		return job.mvc().post().uri("/api/v1/jobs/executions/{id}:restart", id).with(officer()).exchange();
	}

}

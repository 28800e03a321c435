package etax.batch.interest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.JobExecutionSummary;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.interest.InterestJobFixture.TOPIC;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code interestAssessmentJob} on the real job repository, PostgreSQL and Kafka, launched and reported
 * over HTTP, against hand-computed interest (VN-ETAX §5.6). The gateway's views are stand-ins with their
 * columns ({@link LedgerViewFixture}); days 2026-02-10, 2026-04-30 to 2026-08-24 and 2026-11-01 to 2026-11-30 and
 * taxpayers 01000001xx are this class's.
 */
@BatchProcessorIntegrationTest
class InterestAssessmentJobIntegrationTests {

	@RegisterExtension
	static final InterestJobFixture job = new InterestJobFixture();

	@Test
	void assessesEachOverdueDayOnceCatchingUpTheDaysMissed() {
		String worked = job.ledger().item("0100000111", "1701", 22_000_000, "2026-05-04"); // 30 April, moved by holidays
		job.ledger().pay(worked, "2026-05-20", 22_000_000);
		String partial = job.ledger().item("0100000112", "1701", 10_000_000, "2026-05-04");
		job.ledger().pay(partial, "2026-05-10", 4_000_000);
		job.ledger().pay(partial, "2026-05-15", 6_000_000);
		job.ledger().item("0100000113", "2862", 1_000_000, "2026-01-30"); // licence fee: no interest sub-item yet

		job.clock().set(Instant.parse("2026-05-01T01:00:00Z"));
		assertThat(job.launch("2026-04-30")).hasStatus(HttpStatus.CREATED);
		job.clock().set(Instant.parse("2026-05-22T01:00:00Z")); // the schedule assesses through 20 May
		MvcTestResult caughtUp = job.catchUp();

		assertThat(caughtUp).hasStatusOk();
		List<JobExecutionSummary> executions = List.of(job.read(caughtUp, JobExecutionSummary[].class));
		assertThat(executions).extracting((e) -> e.parameters().get("assessedFor"))
			.containsExactlyElementsOf(days("2026-05-01", "2026-05-20").keySet().stream().map(LocalDate::toString).toList());
		assertThat(executions).extracting(JobExecutionSummary::status).containsOnly("COMPLETED");
		assertThat(executions.get(11)).as("12 May: the three items read once over the partitions, one left out")
			.extracting(JobExecutionSummary::readCount, JobExecutionSummary::writeCount)
			.containsExactly(3L, 2L);

		assertThat(assessed(worked)).as("the worked example: 5 to 19 May, 99,000 in all")
			.isEqualTo(days("2026-05-05", "2026-05-19", 6_600));
		Map<LocalDate, Long> partly = days("2026-05-05", "2026-05-09", 3_000);
		partly.putAll(days("2026-05-10", "2026-05-14", 1_800));
		assertThat(assessed(partial)).as("on 10,000,000, then on 6,000,000 after the first payment").isEqualTo(partly);

		List<ConsumerRecord<String, String>> published = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				TOPIC, (r) -> "0100000111".equals(r.key()), 15, Duration.ofSeconds(30));
		assertThat(published).hasSize(15).allSatisfy((record) -> {
			JsonNode event = job.json().readTree(record.value());
			assertThat(event.path("type").asString()).isEqualTo("InterestAssessed");
			assertThat(event.path("version").asInt()).isEqualTo(1);
			assertThat(event.path("payableItemId").asString()).isEqualTo(worked);
			assertThat(event.path("subItem").asString()).isEqualTo("4931");
			assertThat(event.path("amount").asLong()).isEqualTo(6_600);
			assertThat(event.path("dueDate").asString()).isEqualTo(event.path("assessedFor").asString());
			assertThat(event.path("eventId").asString())
				.isEqualTo(eventId(worked, event.path("assessedFor").asString()).toString());
		});
		assertThat(published).extracting((r) -> job.json().readTree(r.value()).path("eventId").asString())
			.doesNotHaveDuplicates();

		MvcTestResult twelfth = job.mvc().get().uri("/api/v1/assessments/runs/2026-05-12").with(officer()).exchange();
		assertThat(twelfth).hasStatusOk();
		InterestRun run = job.read(twelfth, InterestRun.class);
		assertThat(run.itemsAssessed()).isEqualTo(2);
		assertThat(run.totalInterest()).isEqualTo(6_600 + 1_800);
		assertThat(run.itemsNotAssessable()).as("the licence fee").isEqualTo(1);
		assertThat(run.byTaxType()).extracting(InterestRun.TaxTypeTotal::taxType, InterestRun.TaxTypeTotal::taxSubItem,
				InterestRun.TaxTypeTotal::interestSubItem, InterestRun.TaxTypeTotal::items, InterestRun.TaxTypeTotal::interest)
			.containsExactly(tuple("GTGT", "1701", "4931", 2L, 8_400L));
		InterestRunPage runs = job.read(job.mvc().get().uri("/api/v1/assessments/runs?size=100").with(officer()).exchange(),
				InterestRunPage.class);
		assertThat(runs.totalItems()).isEqualTo(21);
		assertThat(runs.items().get(0).assessedFor()).isEqualTo(LocalDate.of(2026, 5, 20));
		assertThat(runs.items()).extracting(InterestRun::totalInterest).contains(0L, 6_600L + 3_000L);
	}

	@Test
	void aSupplementsIncreaseAccruesFromTheOriginalDeadlineOnceItReachesTheLedger() {
		String original = job.ledger().item("0100000121", "1701", 20_000_000, "2026-05-04");
		job.ledger().pay(original, "2026-05-04", 20_000_000);
		job.clock().set(Instant.parse("2026-06-11T01:00:00Z"));
		assertThat(job.launch("2026-06-09")).hasStatus(HttpStatus.CREATED);

		// filed on 10 June: the 3,000,000 it adds was due with the original return
		String increase = job.ledger().item("0100000121", "1701", 3_000_000, "2026-05-04");
		job.clock().set(Instant.parse("2026-06-12T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();
		job.ledger().pay(increase, "2026-06-12", 3_000_000);
		job.clock().set(Instant.parse("2026-06-14T01:00:00Z"));
		assertThat(job.catchUp()).hasStatusOk();

		assertThat(assessed(increase)).as("5 May to 10 June with the first run that sees it, then 11 June")
			.isEqualTo(Map.of(LocalDate.of(2026, 6, 10), 33_300L, LocalDate.of(2026, 6, 11), 900L));
		assertThat(assessed(original)).isEmpty();
		assertThat(job.jdbc().sql("SELECT assessed_for FROM batch.interest_run ORDER BY assessed_for")
			.query(LocalDate.class)
			.list()).containsExactly(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 11),
					LocalDate.of(2026, 6, 12));
	}

	@Test
	void aFailedDayIsRestartedByTheNextCatchUpAndASecondRunChangesNothing() {
		List<String> items = List.of(job.ledger().item("0100000131", "1701", 1_000_000, "2026-07-20"),
				job.ledger().item("0100000132", "1701", 2_000_000, "2026-07-20"),
				job.ledger().item("0100000133", "1052", 3_000_000, "2026-07-20"),
				job.ledger().item("0100000134", "1701", 4_000_000, "2026-07-20"));
		job.ledger().item("0100000135", "2862", 1_000_000, "2026-07-20");
		job.clock().set(Instant.parse("2026-07-23T01:00:00Z")); // the schedule assesses through 21 July
		assertThat(job.launch("2026-07-20")).hasStatus(HttpStatus.CREATED);

		job.jdbc().sql("ALTER TABLE batch.interest_accrual ADD CONSTRAINT interest_restart_test CHECK (payable_item_id <> '"
				+ items.get(3) + "')").update();
		JobExecutionSummary failed;
		try {
			failed = job.read(job.launch("2026-07-21"), JobExecutionSummary.class);
		}
		finally {
			job.jdbc().sql("ALTER TABLE batch.interest_accrual DROP CONSTRAINT interest_restart_test").update();
		}
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(count("SELECT count(*) FROM batch.interest_run WHERE assessed_for = DATE '2026-07-21'")).isZero();

		MvcTestResult caughtUp = job.catchUp();
		assertThat(caughtUp).hasStatusOk();
		JobExecutionSummary restarted = job.read(caughtUp, JobExecutionSummary[].class)[0];
		assertThat(restarted.parameters()).containsEntry("assessedFor", "2026-07-21");
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(restarted.jobInstanceId()).as("the same day's instance, run again").isEqualTo(failed.jobInstanceId());
		Map<String, Long> expected = Map.of(items.get(0), 300L, items.get(1), 600L, items.get(2), 900L, items.get(3), 1_200L);
		assertThat(assessedOn("2026-07-21")).isEqualTo(expected);
		assertThat(published(items)).isEqualTo(4);

		assertThat(job.launch("2026-07-21")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-instance-complete");
		assertThat(assessedOn("2026-07-21")).isEqualTo(expected);
		assertThat(published(items)).as("nothing published twice").isEqualTo(4);
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), TOPIC,
				(r) -> Set.of("0100000131", "0100000132", "0100000133", "0100000134").contains(r.key()), 4,
				Duration.ofSeconds(30)))
			.hasSize(4);
		InterestRun run = job.read(job.mvc().get().uri("/api/v1/assessments/runs/2026-07-21").with(officer()).exchange(),
				InterestRun.class);
		assertThat(run.itemsAssessed()).isEqualTo(4);
		assertThat(run.totalInterest()).isEqualTo(3_000);
		assertThat(run.itemsNotAssessable()).as("counted once over the partitions and the restart").isOne();
		assertThat(run.byTaxType()).extracting(InterestRun.TaxTypeTotal::taxType, InterestRun.TaxTypeTotal::items)
			.containsExactly(tuple("GTGT", 3L), tuple("TNDN", 1L));

		// the retention job removes the day's job metadata once it is old enough: the day stays assessed
		forgetJobInstance(restarted.jobInstanceId());
		assertThat(job.launch("2026-07-21")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-instance-complete");
		assertThat(job.read(job.mvc().get().uri("/api/v1/assessments/runs/2026-07-21").with(officer()).exchange(),
				InterestRun.class).totalInterest()).isEqualTo(3_000);
	}

	/** What the retention job deletes of a job instance. */
	private static void forgetJobInstance(long instanceId) {
		String executions = "(SELECT job_execution_id FROM batch.batch_job_execution WHERE job_instance_id = "
				+ instanceId + ")";
		String steps = "(SELECT step_execution_id FROM batch.batch_step_execution WHERE job_execution_id IN "
				+ executions + ")";
		for (String delete : List.of(
				"DELETE FROM batch.batch_step_execution_context WHERE step_execution_id IN " + steps,
				"DELETE FROM batch.batch_step_execution WHERE job_execution_id IN " + executions,
				"DELETE FROM batch.batch_job_execution_context WHERE job_execution_id IN " + executions,
				"DELETE FROM batch.batch_job_execution_params WHERE job_execution_id IN " + executions,
				"DELETE FROM batch.batch_job_execution WHERE job_instance_id = " + instanceId,
				"DELETE FROM batch.batch_job_instance WHERE job_instance_id = " + instanceId)) {
			job.jdbc().sql(delete).update();
		}
	}

	@Test
	void aRunWhosePublicationFailedSendsTheDayWhenRestarted() {
		List<String> items = List.of(job.ledger().item("0100000141", "1701", 1_000_000, "2026-08-20"),
				job.ledger().item("0100000142", "1701", 2_000_000, "2026-08-20"));
		job.clock().set(Instant.parse("2026-08-24T01:00:00Z")); // the schedule assesses through 22 August
		assertThat(job.launch("2026-08-21")).hasStatus(HttpStatus.CREATED);

		JobExecutionSummary failed;
		unreadableAssessments(true);
		try {
			failed = job.read(job.launch("2026-08-22"), JobExecutionSummary.class);
		}
		finally {
			unreadableAssessments(false);
		}
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(assessedOn("2026-08-22")).as("assessed and recorded, not yet sent").isEmpty();
		assertThat(count("SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = DATE '2026-08-22'"))
			.isEqualTo(2);

		MvcTestResult caughtUp = job.catchUp();
		assertThat(caughtUp).hasStatusOk();
		JobExecutionSummary restarted = job.read(caughtUp, JobExecutionSummary[].class)[0];
		assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
		assertThat(restarted.status()).isEqualTo("COMPLETED");
		assertThat(assessedOn("2026-08-22")).isEqualTo(Map.of(items.get(0), 300L, items.get(1), 600L));
		assertThat(job.read(job.mvc().get().uri("/api/v1/assessments/runs/2026-08-22").with(officer()).exchange(),
				InterestRun.class).totalInterest()).isEqualTo(900);
	}

	@Test
	void aDayWhosePublicationFailedIsSentBeforeTheLaterDayAnOfficerLaunches() {
		List<String> items = List.of(job.ledger().item("0100000151", "1701", 1_000_000, "2026-11-02"),
				job.ledger().item("0100000152", "1701", 2_000_000, "2026-11-02"));
		job.clock().set(Instant.parse("2026-11-05T01:00:00Z")); // the schedule assesses through 3 November
		JobExecutionSummary failed;
		unreadableAssessments(true);
		try {
			failed = job.read(job.catchUp(), JobExecutionSummary[].class)[0];
		}
		finally {
			unreadableAssessments(false);
		}
		assertThat(failed.status()).as("the broker timed out, say").isEqualTo("FAILED");
		assertThat(failed.parameters()).containsEntry("assessedFor", "2026-11-03");

		job.clock().set(Instant.parse("2026-11-06T01:00:00Z"));
		MvcTestResult byDefault = job.mvc()
			.post()
			.uri("/api/v1/jobs/interest-assessment/executions")
			.with(officer())
			.exchange();

		assertThat(byDefault).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary later = job.read(byDefault, JobExecutionSummary.class);
		assertThat(later.parameters()).containsEntry("assessedFor", "2026-11-04");
		assertThat(later.status()).isEqualTo("COMPLETED");
		assertThat(assessedOn("2026-11-03")).as("the failed day, sent first")
			.isEqualTo(Map.of(items.get(0), 300L, items.get(1), 600L));
		assertThat(assessedOn("2026-11-04")).isEqualTo(Map.of(items.get(0), 300L, items.get(1), 600L));
		assertThat(job.jdbc().sql("SELECT assessed_for || ' ' || total_interest FROM batch.interest_run ORDER BY 1")
			.query(String.class)
			.list()).containsExactly("2026-11-03 900", "2026-11-04 900");
		assertThat(count("""
				SELECT count(*) FROM batch.batch_job_execution e
				JOIN batch.interest_run r ON r.job_execution_id = e.job_execution_id
				WHERE r.assessed_for = DATE '2026-11-03'
					AND e.job_instance_id = %d""".formatted(failed.jobInstanceId())))
			.as("the failed day's instance, run again")
			.isOne();
	}

	@Test
	void anEarlierDayLeftUnsentBehindACompletedDayIsSentFirstAndHoldsBackTheDaysAfterUntilItIs() {
		String first = job.ledger().item("0100000161", "1701", 1_000_000, "2026-11-08");
		job.clock().set(Instant.parse("2026-11-13T01:00:00Z")); // the schedule assesses through 11 November
		assertThat(job.launch("2026-11-10")).as("a later day launched by hand first").hasStatus(HttpStatus.CREATED);
		String late = job.ledger().item("0100000162", "1701", 1_000_000, "2026-11-08");
		JobExecutionSummary failed;
		unreadableAssessments(true);
		try {
			failed = job.read(job.launch("2026-11-09"), JobExecutionSummary.class);
			assertThat(failed.status()).isEqualTo("FAILED");
			assertThat(job.launch("2026-11-11")).as("its run tried again first, and failed again")
				.hasStatus(HttpStatus.CONFLICT)
				.bodyJson()
				.satisfies((problem) -> {
					assertThat(problem).extractingPath("$.type")
						.isEqualTo("https://etax.example/problems/interest-earlier-day-not-sent");
					assertThat(problem).extractingPath("$.earlierDay").isEqualTo("2026-11-09");
				});
		}
		finally {
			unreadableAssessments(false);
		}
		assertThat(count("SELECT count(*) FROM batch.interest_run_total WHERE assessed_for = DATE '2026-11-11'"))
			.as("the later day not run")
			.isZero();

		MvcTestResult caughtUp = job.catchUp();

		assertThat(caughtUp).hasStatusOk();
		List<JobExecutionSummary> executions = List.of(job.read(caughtUp, JobExecutionSummary[].class));
		assertThat(executions).extracting((e) -> e.parameters().get("assessedFor"), JobExecutionSummary::status)
			.containsExactly(tuple("2026-11-09", "COMPLETED"), tuple("2026-11-11", "COMPLETED"));
		assertThat(executions.get(0).jobInstanceId()).isEqualTo(failed.jobInstanceId());
		assertThat(assessed(late)).as("9 November, sent; 10 and 11 November with the 11th")
			.isEqualTo(Map.of(LocalDate.of(2026, 11, 9), 300L, LocalDate.of(2026, 11, 11), 600L));
		assertThat(assessed(first))
			.isEqualTo(Map.of(LocalDate.of(2026, 11, 10), 600L, LocalDate.of(2026, 11, 11), 300L));
	}

	@Test
	void answersProblemsForADayNotAssessedOrNotEnded() {
		assertThat(job.mvc().get().uri("/api/v1/assessments/runs/2026-01-01").with(officer()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/interest-run-not-found");
		assertThat(job.mvc().get().uri("/api/v1/assessments/runs/yesterday").with(officer()).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
		for (String day : new String[] { "-5000-01-01", "+5874898-01-01", "1999-12-31" }) {
			assertThat(job.mvc().get().uri("/api/v1/assessments/runs/" + day).with(officer()).exchange()).as(day)
				.hasStatus(HttpStatus.NOT_FOUND)
				.bodyJson()
				.extractingPath("$.type")
				.isEqualTo("https://etax.example/problems/interest-run-not-found");
		}
		assertThat(job.launch("2025-04-01")).as("today has not ended")
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-parameters-rejected");
		for (String outOfBounds : new String[] { "2020-06-30", "-5000-01-01" }) {
			assertThat(job.launch(outOfBounds)).as("before the law's first day: " + outOfBounds)
				.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyJson()
				.extractingPath("$.type")
				.isEqualTo("https://etax.example/problems/job-parameters-rejected");
		}
		MvcTestResult byDefault = job.mvc().post().uri("/api/v1/jobs/interest-assessment/executions").with(officer()).exchange();
		assertThat(byDefault).hasStatus(HttpStatus.CREATED);
		assertThat(job.read(byDefault, JobExecutionSummary.class).parameters()).as("the day before yesterday")
			.containsEntry("assessedFor", "2025-03-30");
	}

	/** What was published on the item, by day. */
	@Test
	void theShortfallOfTheProvisionalCorporateIncomeTaxAccruesFromTheThirdQuartersDeadlineUntilPaidOff() {
		// 03/TNDN for 2025 announced before the ledger carried the year's rule, so judged by the first: 75 % of
		// 400,000,000 is 300,000,000, the first three quarters paid 240,000,000 by 30 October
		String shortfall = job.ledger().shortfall("0100000141", 2025, 60_000_000, "2025-10-30");
		job.ledger().pay(shortfall, "2025-11-10", 20_000_000); // the third quarter topped up late
		job.ledger().pay(shortfall, "2026-01-29", 40_000_000); // the fourth quarter's payment, the rest of it

		job.clock().set(Instant.parse("2026-02-11T01:00:00Z"));
		assertThat(job.launch("2026-02-10")).hasStatus(HttpStatus.CREATED);

		assertThat(assessed(shortfall)).as("31 October to 9 November on 60,000,000, then to 28 January on 40,000,000: "
				+ "10 × 18,000 + 80 × 12,000, with the first run that sees it")
			.isEqualTo(Map.of(LocalDate.of(2026, 2, 10), 1_140_000L));
		assertThat(job.published()).filteredOn((event) -> shortfall.equals(event.path("payableItemId").asString()))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.path("subItem").asString()).as("CIT interest").isEqualTo("4918");
				assertThat(event.path("taxPeriod").asString()).isEqualTo("00/CN/2025");
			});
		InterestRun run = job.read(job.mvc().get().uri("/api/v1/assessments/runs/2026-02-10").with(officer()).exchange(),
				InterestRun.class);
		assertThat(run.byTaxType()).extracting(InterestRun.TaxTypeTotal::taxType, InterestRun.TaxTypeTotal::items,
				InterestRun.TaxTypeTotal::interest)
			.containsExactly(tuple("TNDN", 1L, 1_140_000L));
	}

	private Map<LocalDate, Long> assessed(String item) {
		Map<LocalDate, Long> amounts = new TreeMap<>();
		job.published().stream()
			.filter((event) -> item.equals(event.path("payableItemId").asString()))
			.forEach((event) -> amounts.put(LocalDate.parse(event.path("assessedFor").asString()),
					event.path("amount").asLong()));
		return amounts;
	}

	private Map<String, Long> assessedOn(String day) {
		Map<String, Long> amounts = new LinkedHashMap<>();
		job.published().stream()
			.filter((event) -> day.equals(event.path("assessedFor").asString()))
			.forEach((event) -> amounts.put(event.path("payableItemId").asString(), event.path("amount").asLong()));
		return amounts;
	}

	private long published(List<String> items) {
		return job.published().stream()
			.filter((event) -> items.contains(event.path("payableItemId").asString()))
			.count();
	}

	/**
	 * Puts a view in the table's place that takes the rows the job records but fails whenever they are
	 * read, as a broken publication would; or puts the table back with what was recorded.
	 */
	private void unreadableAssessments(boolean unreadable) {
		if (unreadable) {
			job.jdbc().sql("""
					ALTER TABLE batch.interest_assessment RENAME TO interest_assessment_kept;
					CREATE VIEW batch.interest_assessment AS
						SELECT assessed_for, payable_item_id, (amount / 0)::text AS mst, chapter, interest_sub_item, tax_period,
							amount, assessed_at, kind
						FROM batch.interest_assessment_kept;
					CREATE FUNCTION batch.interest_assessment_keep() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
						INSERT INTO batch.interest_assessment_kept VALUES (NEW.*);
						RETURN NEW;
					END $$;
					CREATE TRIGGER interest_assessment_keep INSTEAD OF INSERT ON batch.interest_assessment
						FOR EACH ROW EXECUTE FUNCTION batch.interest_assessment_keep();
					""").update();
		}
		else {
			job.jdbc().sql("""
					DROP VIEW batch.interest_assessment;
					DROP FUNCTION batch.interest_assessment_keep();
					ALTER TABLE batch.interest_assessment_kept RENAME TO interest_assessment;
					""").update();
		}
	}

	private long count(String sql) {
		return job.jdbc().sql(sql).query(Long.class).single();
	}

	private static Map<LocalDate, Long> days(String from, String through) {
		return days(from, through, 0);
	}

	private static Map<LocalDate, Long> days(String from, String through, long amount) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(through)); day = day.plusDays(1)) {
			days.put(day, amount);
		}
		return days;
	}

	private static UUID eventId(String item, String day) {
		return UUID.nameUUIDFromBytes(("etax.batch.interest\u001F" + item + "\u001F" + day).getBytes(StandardCharsets.UTF_8));
	}
}

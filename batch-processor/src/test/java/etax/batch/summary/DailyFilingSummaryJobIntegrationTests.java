package etax.batch.summary;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionPage;
import etax.batch.jobs.JobExecutionSummary;
import io.micrometer.core.instrument.MeterRegistry;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * From events on the real topic to the summary, through the HTTP API, on the real job repository. Works
 * on business days 2025-03-10 and 2025-03-31 (yesterday for the test clock), taxpayer 0100000010.
 */
@BatchProcessorIntegrationTest
class DailyFilingSummaryJobIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 10);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JsonMapper json;

	@Autowired
	private DailyFilingSummaries summaries;

	@Test
	void summarisesADayOfPublishedEventsCountingARedeliveredEventOnce() {
		ReturnEvents events = new ReturnEvents(this.kafka, "0100000010");
		double duplicatesBefore = duplicates();
		UUID twice = UUID.randomUUID();
		events.publish(twice, "ReturnAccepted", "01/GTGT", "2025-03-10T02:00:00Z");
		events.publish(twice, "ReturnAccepted", "01/GTGT", "2025-03-10T02:00:00Z");
		events.accepted("01/GTGT", "2025-03-09T17:10:00Z"); // 00:10 on the 10th in Vietnam
		events.accepted("03/TNDN", "2025-03-10T09:00:00Z");
		events.rejected("01/GTGT", "2025-03-10T16:59:00Z"); // 23:59 on the 10th
		events.accepted("01/GTGT", "2025-03-10T17:00:00Z"); // 00:00 on the 11th: not this day
		events.send("{\"type\":\"ReturnAccepted\",\"eventId\":"); // unreadable: skipped
		events.send("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"PayableItemCreated\",\"version\":1}");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(filedReturns(DAY)).isEqualTo(4);
			assertThat(duplicates()).isGreaterThanOrEqualTo(duplicatesBefore + 1);
		});

		MvcTestResult launched = this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"2025-03-10\"}")
			.exchange();
		assertThat(launched).hasStatus(HttpStatus.CREATED);
		assertThat(launched).bodyJson()
			.extractingPath("$.startTime")
			.asString()
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
		JobExecutionSummary execution = read(launched, JobExecutionSummary.class);
		assertThat(launched).headers().hasValue("Location", "/api/v1/jobs/executions/" + execution.id());
		assertThat(execution.jobName()).isEqualTo("dailyFilingSummaryJob");
		assertThat(execution.parameters()).containsEntry("businessDay", "2025-03-10");
		assertThat(execution.status()).isEqualTo("COMPLETED");
		assertThat(execution.exitCode()).isEqualTo("COMPLETED");
		assertThat(execution.startTime()).isNotNull();
		assertThat(execution.endTime()).isNotNull();
		assertThat(execution.readCount()).isEqualTo(3);
		assertThat(execution.writeCount()).isEqualTo(3);
		assertThat(execution.skipCount()).isZero();

		MvcTestResult summary = this.mvc.get()
			.uri("/api/v1/summaries/daily-filing?businessDay=2025-03-10")
			.with(officer())
			.exchange();
		assertThat(summary).hasStatusOk();
		assertThat(read(summary, DailyFilingSummaryRow[].class)).extracting(DailyFilingSummaryRow::formCode,
				DailyFilingSummaryRow::status, DailyFilingSummaryRow::returns, DailyFilingSummaryRow::jobExecutionId)
			.containsExactly(tuple("01/GTGT", "ACCEPTED", 2L, execution.id()),
					tuple("01/GTGT", "NOT_ACCEPTED", 1L, execution.id()),
					tuple("03/TNDN", "ACCEPTED", 1L, execution.id()));

		MvcTestResult listed = this.mvc.get().uri("/api/v1/jobs?page=0&size=100").with(officer()).exchange();
		assertThat(listed).hasStatusOk();
		JobExecutionPage page = read(listed, JobExecutionPage.class);
		assertThat(page.totalItems()).isGreaterThanOrEqualTo(1);
		assertThat(page.items()).filteredOn((item) -> item.id() == execution.id())
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.status()).isEqualTo("COMPLETED");
				assertThat(item.exitCode()).isEqualTo("COMPLETED");
				assertThat(item.parameters()).containsEntry("businessDay", "2025-03-10");
				assertThat(item.readCount()).isEqualTo(3);
				assertThat(item.writeCount()).isEqualTo(3);
				assertThat(item.skipCount()).isZero();
				assertThat(item.startTime()).isNotNull();
				assertThat(item.endTime()).isNotNull();
			});
		assertThat(page.items()).extracting(JobExecutionSummary::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));

		assertThat(this.mvc.get().uri("/actuator/prometheus").with(officer()).exchange()).bodyText()
			.contains("spring_batch_job_seconds_count{", "spring_batch_step_seconds_count{",
					"etax_batch_filed_returns_recorded_total{outcome=\"duplicate\"");

		MvcTestResult one = this.mvc.get()
			.uri("/api/v1/jobs/executions/{id}", execution.id())
			.with(officer())
			.exchange();
		assertThat(read(one, JobExecutionSummary.class)).isEqualTo(execution);
	}

	@Test
	void refusesADayThatIsABareNumberInsteadOfReadingItAsDaysSince1970() {
		for (String launch : List.of("/api/v1/jobs/daily-filing-summary/executions:businessDay",
				"/api/v1/jobs/interest-assessment/executions:assessedFor",
				"/api/v1/jobs/reconciliation/executions:businessDay")) {
			String[] uriAndField = launch.split(":");
			MvcTestResult refused = this.mvc.post()
				.uri(uriAndField[0])
				.with(officer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"" + uriAndField[1] + "\":20260101}")
				.exchange();
			assertThat(refused).as(launch).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("https://etax.example/problems/bad-request");
		}
	}

	@Test
	void launchesForYesterdayInVietnamWithoutABody() {
		MvcTestResult launched = this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.exchange();
		assertThat(launched).hasStatus(HttpStatus.CREATED);
		JobExecutionSummary execution = read(launched, JobExecutionSummary.class);
		assertThat(execution.parameters()).containsEntry("businessDay", "2025-03-31");
		assertThat(execution.status()).isEqualTo("COMPLETED");
	}

	@Test
	void refusesAFutureDayAndComputesADayAgainOnRequest() {
		assertThat(launch("2025-04-02")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-parameters-rejected");
		assertThat(launch("2025-04-01")).as("today, provisionally").hasStatus(HttpStatus.CREATED);

		MvcTestResult first = launch("2025-03-11");
		assertThat(first).hasStatus(HttpStatus.CREATED);
		MvcTestResult again = launch("2025-03-11");
		assertThat(again).hasStatus(HttpStatus.CREATED);
		assertThat(read(again, JobExecutionSummary.class).id()).isNotEqualTo(read(first, JobExecutionSummary.class).id());
		assertThat(read(again, JobExecutionSummary.class).status()).isEqualTo("COMPLETED");

		long completed = read(first, JobExecutionSummary.class).id();
		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", completed)
			.with(officer())
			.exchange()).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-execution-not-restartable");
	}

	/**
	 * A day of a year the service cannot hold is refused before its lock is taken: the lock's key is the day's number
	 * (one past +5881580-07-11 overflowed it, a 500), and the run failed on a day PostgreSQL cannot read (-5000, 201
	 * with a FAILED execution left behind).
	 */
	@Test
	void refusesADayOfAYearTheServiceCannotHoldWithoutRunningIt() {
		for (String day : List.of("+9999999-01-01", "+5880000-01-01", "-5000-01-01", "0000-12-31")) {
			assertThat(launch(day)).as(day)
				.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
				.bodyJson()
				.satisfies((problem) -> {
					assertThat(problem).extractingPath("$.type")
						.isEqualTo("https://etax.example/problems/job-parameters-rejected");
					assertThat(problem).extractingPath("$.detail").asString().contains(day);
				});
		}
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM batch.batch_job_execution_params
				WHERE parameter_name = 'businessDay' AND parameter_value IN ('+9999999-01-01', '+5880000-01-01',
				    '-5000-01-01', '0000-12-31')""").query(Long.class).single()).as("no execution of those days").isZero();
		assertThat(launch("0001-01-01")).as("the first day the service holds")
			.hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("COMPLETED");
	}

	/** A day of a year the service cannot hold has no summary, as a day not computed, without PostgreSQL asked. */
	@Test
	void aDayOfAYearTheServiceCannotHoldHasNoSummary() {
		for (String day : List.of("-5000-01-01", "+5874898-01-01", "0000-12-31", "+10000-01-01")) {
			assertThat(this.mvc.get()
				.uri("/api/v1/summaries/daily-filing?businessDay={day}", day)
				.with(officer())
				.exchange()).as(day).hasStatusOk().bodyJson().isEqualTo("[]");
		}
	}

	/**
	 * What keeps several instances of the service from computing the schedule's day each on a night; the next night
	 * computes it again.
	 */
	@Test
	void theSchedulesDayIsComputedOnceANightAndSeenDoneAfter() {
		LocalDate night = LocalDate.of(2025, 3, 13);
		assertThat(this.summaries.computeScheduled(LocalDate.of(2025, 3, 12), night).status()).isEqualTo("COMPLETED");

		assertThatExceptionOfType(JobExecutionConflictException.class)
			.isThrownBy(() -> this.summaries.computeScheduled(LocalDate.of(2025, 3, 12), night))
			.withMessageContaining("already completed");
		assertThat(this.summaries.computeScheduled(LocalDate.of(2025, 3, 12), night.plusDays(1)).status())
			.isEqualTo("COMPLETED");
	}

	@Test
	void answersProblemsForAnUnknownExecutionAndAPageTooLarge() {
		assertThat(this.mvc.get().uri("/api/v1/jobs/executions/{id}", Long.MAX_VALUE).with(officer()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://etax.example/problems/job-execution-not-found");
		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/executions/{id}:restart", Long.MAX_VALUE)
			.with(officer())
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/jobs?size=1000").with(officer()).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	private MvcTestResult launch(String businessDay) {
		return this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + businessDay + "\"}")
			.exchange();
	}

	private long filedReturns(LocalDate day) {
		return this.jdbc.sql("SELECT count(*) FROM batch.filed_return WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single();
	}

	private double duplicates() {
		return this.meters.get("etax.batch.filed-returns.recorded").tag("outcome", "duplicate").counter().count();
	}

	private <T> T read(MvcTestResult result, Class<T> type) {
		return this.json.readValue(result.getResponse().getContentAsByteArray(), type);
	}

}

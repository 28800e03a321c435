package etax.batch.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches at the same moment on the real job repository (docs/adr/0004): under SERIALIZABLE creation
 * PostgreSQL failed some of them with serialization errors (500); now each launch of a new instance
 * runs, and launches of one instance run it once and are answered as running or completed, never 500.
 */
@BatchProcessorIntegrationTest
class JobLaunchConcurrencyIntegrationTests {

	private static final int PARALLEL = 8;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JobExecutions jobExecutions;

	@Autowired
	@Qualifier("dailyFilingSummaryJob")
	Job dailyFilingSummaryJob;

	@Test
	void parallelLaunchesOfDifferentDaysAllRun() throws Exception {
		LocalDate first = someDay();
		List<Integer> statuses = inParallel((i) -> launch(first.plusDays(i)).getResponse().getStatus());

		assertThat(statuses).containsOnly(201);
	}

	@Test
	void parallelLaunchesOfOneDayAllRunEachAsItsOwnInstance() throws Exception {
		LocalDate day = someDay();
		List<Integer> statuses = inParallel((i) -> launch(day).getResponse().getStatus());

		assertThat(statuses).containsOnly(201);
	}

	@Test
	void parallelLaunchesOfOneInstanceRunItOnceAndAnswerTheOthersWithAConflict() throws Exception {
		JobParameters parameters = new JobParametersBuilder().addLocalDate("businessDay", someDay())
			.addString("launchId", UUID.randomUUID().toString())
			.toJobParameters();

		List<String> outcomes = inParallel((i) -> {
			try {
				return this.jobExecutions.start(this.dailyFilingSummaryJob, parameters).status();
			}
			catch (JobExecutionConflictException ex) {
				return ex.reason().name();
			}
		});

		assertThat(outcomes).containsOnlyOnce("COMPLETED")
			.hasSize(PARALLEL)
			.allSatisfy((outcome) -> assertThat(outcome).isIn("COMPLETED", "INSTANCE_COMPLETE", "ALREADY_RUNNING"));
	}

	private MvcTestResult launch(LocalDate day) {
		return this.mvc.post()
			.uri("/api/v1/jobs/daily-filing-summary/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange();
	}

	/** A run of days no other test uses (each day's summary completes once in a database). */
	private static LocalDate someDay() {
		return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(6000));
	}

	private static <T> List<T> inParallel(Function<Integer, T> launch) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				int n = i;
				futures.add(threads.submit(() -> {
					start.await();
					return launch.apply(n);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}

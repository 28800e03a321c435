package etax.declaration.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How single filings are grouped into transactions, and how a group that fails is filed again one
 * return at a time; the transaction itself is replaced by a recording stand-in (what it decides is
 * tested on PostgreSQL by the integration tests).
 */
class GroupCommitTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aGroupWhoseTransactionFailsIsFiledAgainOneReturnAtATime() {
		RecordingFiling filing = new RecordingFiling();
		GroupCommit groupCommit = new GroupCommit(filing, settings(1), this.meters);

		List<GroupCommit.Result> results = groupCommit.fileTogether(List.of(candidate("a"), candidate("bad"), candidate("c")));

		assertThat(filing.groups).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
		assertThat(results.get(0).filed()).isEqualTo(filing.outcomeOf("a"));
		assertThat(results.get(1).failure()).hasMessage("cannot file bad");
		assertThat(results.get(2).filed()).isEqualTo(filing.outcomeOf("c"));
	}

	/**
	 * A group whose commit may have happened (the connection broke, the commit failed) is not filed again: a return
	 * without a key would be stored twice. Each filer hears that the service is unavailable, and retries.
	 */
	@Test
	void aGroupWhoseCommitMayHaveHappenedIsNotFiledAgain() {
		RecordingFiling filing = new RecordingFiling();
		GroupCommit groupCommit = new GroupCommit(filing, settings(1), this.meters);

		List<GroupCommit.Result> results = groupCommit.fileTogether(
				List.of(candidate("a"), candidate("commit-lost"), candidate("c")));

		assertThat(filing.groups).containsExactly(List.of("a", "commit-lost", "c"));
		assertThat(results).allSatisfy((result) -> assertThat(FilingUnavailable.is(result.failure())).isTrue());
	}

	@Test
	void filingsThatArriveWhileAGroupIsBeingFiledShareTheNextOne() throws Exception {
		RecordingFiling filing = new RecordingFiling();
		filing.holdFirstGroup = new CountDownLatch(1);
		GroupCommit groupCommit = new GroupCommit(filing, settings(1), this.meters);
		groupCommit.start();
		ExecutorService filers = Executors.newFixedThreadPool(4);
		try {
			Future<ReturnFiling.Filed> first = filers.submit(() -> groupCommit.file(candidate("first")));
			await().atMost(10, TimeUnit.SECONDS).until(() -> filing.groups.size() == 1);
			List<Future<ReturnFiling.Filed>> later = new ArrayList<>();
			for (String key : List.of("x", "y", "z")) {
				later.add(filers.submit(() -> groupCommit.file(candidate(key))));
			}
			await().atMost(10, TimeUnit.SECONDS).until(() -> groupCommit.queued() == 3);
			filing.holdFirstGroup.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(filing.outcomeOf("first"));
			for (int i = 0; i < later.size(); i++) {
				assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(filing.outcomeOf(List.of("x", "y", "z").get(i)));
			}
			assertThat(filing.groups).hasSize(2);
			assertThat(filing.groups.get(0)).containsExactly("first");
			assertThat(filing.groups.get(1)).as("in whatever order they were queued").containsExactlyInAnyOrder("x", "y", "z");
			assertThat(this.meters.get("etax.declaration.group-commit.size").summary().max()).isEqualTo(3);
		}
		finally {
			filers.shutdownNow();
			groupCommit.stop();
		}
	}

	/** An Error filing a group fails that group's filings; the committer lives on for the next ones. */
	@Test
	void aCommitterOutlivesAnErrorFilingAGroup() throws Exception {
		RecordingFiling filing = new RecordingFiling();
		GroupCommit groupCommit = new GroupCommit(filing, settings(1), this.meters);
		groupCommit.start();
		ExecutorService filers = Executors.newFixedThreadPool(1);
		try {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> groupCommit.file(candidate("out-of-memory")))
				.withCauseInstanceOf(OutOfMemoryError.class);

			Future<ReturnFiling.Filed> next = filers.submit(() -> groupCommit.file(candidate("next")));
			assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(filing.outcomeOf("next"));
		}
		finally {
			filers.shutdownNow();
			groupCommit.stop();
		}
	}

	@Test
	void nothingIsTakenOnceStopped() {
		GroupCommit groupCommit = new GroupCommit(new RecordingFiling(), settings(1), this.meters);
		groupCommit.start();
		groupCommit.stop();

		assertThatExceptionOfType(FilingUnavailable.Stopping.class).isThrownBy(() -> groupCommit.file(candidate("late")))
			.withMessageContaining("not running");
	}

	private static SubmissionProperties settings(int committers) {
		return new SubmissionProperties("108", DataSize.ofMegabytes(5),
				new SubmissionProperties.Batch(500, DataSize.ofMegabytes(64), List.of("batch-processor")),
				new SubmissionProperties.GroupCommit(committers, 64));
	}

	private static ReturnFiling.Candidate candidate(String key) {
		return new ReturnFiling.Candidate("tvan-test", "TVAN", null, List.of(), Optional.empty(), key, Instant.now(), null,
				List.of());
	}

	/** Records the groups it is given; refuses any group of more than one and the return keyed "bad". */
	private static final class RecordingFiling extends ReturnFiling {

		final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

		private final Map<String, Filed> outcomes = new ConcurrentHashMap<>();

		volatile CountDownLatch holdFirstGroup;

		RecordingFiling() {
			super(null, null, null, null, null, null, null);
		}

		@Override
		List<Filed> file(List<Candidate> candidates) {
			List<String> keys = candidates.stream().map(Candidate::idempotencyKey).toList();
			this.groups.add(keys);
			if (this.holdFirstGroup != null && this.groups.size() == 1) {
				try {
					this.holdFirstGroup.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (keys.contains("out-of-memory")) {
				throw new OutOfMemoryError("Java heap space");
			}
			if (keys.contains("commit-lost")) {
				throw new TransactionSystemException("the connection broke during the commit");
			}
			if (keys.contains("bad") && keys.size() == 1) {
				throw new IllegalStateException("cannot file bad");
			}
			if (keys.contains("bad")) {
				throw new IllegalStateException("the group's transaction failed");
			}
			return keys.stream().map(this::outcomeOf).toList();
		}

		Filed outcomeOf(String key) {
			return this.outcomes.computeIfAbsent(key, (k) -> new Filed.Replayed(UUID.randomUUID()));
		}

	}

}

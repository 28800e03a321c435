package etax.declaration.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit (docs/adr/0016-group-commit.md): single filings that arrive while others are being
 * filed wait for the next transaction and share it, as the items of a batch request do. A group costs
 * the database a fixed number of statements and one commit, so under load the cost per return falls;
 * alone, a filing is a group of one and waits for nothing. Nothing is answered before its transaction
 * has committed. Should a group's transaction fail, each of its returns is filed again in its own, so
 * that no return's failure is another's. Metrics: {@code etax.declaration.group-commit.waiting} (filings
 * queued) and {@code etax.declaration.group-commit.size} (filings per group).
 */
@Component
class GroupCommit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private final ReturnFiling filing;

	private final SubmissionProperties.GroupCommit settings;

	private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();

	private final List<Thread> committers = new ArrayList<>();

	private final DistributionSummary groupSizes;

	private volatile boolean running;

	GroupCommit(ReturnFiling filing, SubmissionProperties properties, MeterRegistry meters) {
		this.filing = filing;
		this.settings = properties.groupCommit();
		Gauge.builder("etax.declaration.group-commit.waiting", this.waiting, BlockingQueue::size)
			.description("Single filings waiting for the next group")
			.register(meters);
		this.groupSizes = DistributionSummary.builder("etax.declaration.group-commit.size")
			.description("Single filings per group transaction")
			.register(meters);
	}

	/**
	 * Files a return in the next group and waits until that group has committed.
	 * @param candidate the return
	 * @return its outcome
	 */
	ReturnFiling.Filed file(ReturnFiling.Candidate candidate) {
		Waiting filing = new Waiting(candidate, new CompletableFuture<>());
		this.waiting.add(filing);
		if (!this.running && this.waiting.remove(filing)) {
			throw new FilingUnavailable.Stopping();
		}
		try {
			return filing.outcome().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the return was being filed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException refusal) {
				throw refusal;
			}
			throw new IllegalStateException("The return could not be filed", ex.getCause());
		}
	}

	/** How many filings wait for the next group. */
	int queued() {
		return this.waiting.size();
	}

	/**
	 * Files returns in one transaction; should it fail in a way that rolled it back, each in its own.
	 * @param candidates the returns, in the order to decide them
	 * @return what became of each, in order
	 */
	List<Result> fileTogether(List<ReturnFiling.Candidate> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		try {
			return this.filing.file(candidates).stream().map(Result::filed).toList();
		}
		catch (RuntimeException ex) {
			if (candidates.size() == 1 || FilingUnavailable.outcomeUnknown(ex)) {
				// a group whose commit may have happened is not filed again one by one: a return without an
				// idempotency key would be stored twice; each filer hears 503 and retries (with its key, a replay)
				return candidates.stream().map((candidate) -> Result.failed(ex)).toList();
			}
			// the class only: a database error's detail can quote a taxpayer's values
			log.warn("Filing {} returns in one transaction failed, filing each alone: {}", candidates.size(),
					ex.getClass().getName());
			return candidates.stream().map((candidate) -> fileTogether(List.of(candidate)).get(0)).toList();
		}
	}

	private void commit() {
		List<Waiting> group = new ArrayList<>();
		while (this.running) {
			try {
				group.add(this.waiting.take());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			this.waiting.drainTo(group, this.settings.maxReturns() - 1);
			this.groupSizes.record(group.size());
			try {
				List<Result> results = fileTogether(group.stream().map(Waiting::candidate).toList());
				for (int i = 0; i < group.size(); i++) {
					results.get(i).completeIn(group.get(i).outcome());
				}
			}
			catch (Throwable ex) {
				// an Error too (out of memory on a group of large returns): its filers hear of it and the committer
				// stays, or the filings queued after it would wait for good with none left to take them
				group.forEach((filing) -> filing.outcome().completeExceptionally(ex));
				log.error("Filing a group of {} returns failed: {}", group.size(), ex.getClass().getName());
			}
			group.clear();
		}
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.settings.committers(); i++) {
			Thread committer = new Thread(this::commit, "filing-committer-" + i);
			committer.setDaemon(true);
			committer.start();
			this.committers.add(committer);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.committers.forEach(Thread::interrupt);
		for (Thread committer : this.committers) {
			try {
				committer.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.committers.clear();
		List<Waiting> left = new ArrayList<>();
		this.waiting.drainTo(left);
		left.forEach((filing) -> filing.outcome()
			.completeExceptionally(new FilingUnavailable.Stopping()));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the web server: it stops taking requests and lets those under way finish, then the committers stop. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Waiting(ReturnFiling.Candidate candidate, CompletableFuture<ReturnFiling.Filed> outcome) {

	}

	/**
	 * What became of a return filed with others.
	 * @param filed its outcome, when its transaction committed
	 * @param failure why it could not be filed, otherwise
	 */
	record Result(ReturnFiling.@Nullable Filed filed, @Nullable RuntimeException failure) {

		static Result filed(ReturnFiling.Filed filed) {
			return new Result(filed, null);
		}

		static Result failed(RuntimeException failure) {
			return new Result(null, failure);
		}

		void completeIn(CompletableFuture<ReturnFiling.Filed> outcome) {
			if (this.filed != null) {
				outcome.complete(this.filed);
			}
			else {
				outcome.completeExceptionally(this.failure);
			}
		}

	}

}

package etax.benchmarks.filing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Predicate;

import etax.benchmarks.filing.FilingWorkload.Document;

/**
 * A closed loop of concurrent clients, each sending the next return as soon as it has checked the answer
 * to its previous one, for a fixed time or until the returns run out. Every answer is checked; those that
 * are not what the run expects are counted by reason, never taken for successes.
 */
public final class LoadRun {

	private LoadRun() {
	}

	/**
	 * @param innerSeconds expected answers per second of the run, its first (ramp-up) and last (tail) second
	 * left out
	 * @param latenciesMicros the latency of every expected answer
	 * @param unexpected answers that were not as expected, by status and reason
	 * @param seconds the length of the run
	 */
	public record Result(long[] innerSeconds, long[] latenciesMicros, Map<String, Integer> unexpected, double seconds) {

		/**
		 * Several runs as one, e.g. the segments of a path measured in turns with another.
		 * @param runs the runs
		 * @return their answers, seconds and lengths together
		 */
		public static Result of(List<Result> runs) {
			Map<String, Integer> unexpected = new TreeMap<>();
			runs.forEach((run) -> run.unexpected().forEach((reason, count) -> unexpected.merge(reason, count, Integer::sum)));
			return new Result(runs.stream().flatMapToLong((run) -> Arrays.stream(run.innerSeconds())).toArray(),
					runs.stream().flatMapToLong((run) -> Arrays.stream(run.latenciesMicros())).toArray(), unexpected,
					runs.stream().mapToDouble(Result::seconds).sum());
		}

		public long count() {
			return this.latenciesMicros.length;
		}

		/** How many returns were sent: every one got an answer, expected or not. */
		public long sent() {
			return count() + this.unexpected.values().stream().mapToLong(Integer::longValue).sum();
		}

		public double perSecond() {
			return count() / this.seconds;
		}

		/** The lowest per-second count, the first and last second of each run left out (ramp-up and tail). */
		public long worstSecond() {
			return Arrays.stream(this.innerSeconds).min().orElse(0);
		}

		public long percentileMillis(double quantile) {
			if (this.latenciesMicros.length == 0) {
				return -1;
			}
			long[] sorted = this.latenciesMicros.clone();
			Arrays.sort(sorted);
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000;
		}

	}

	public static Result run(String url, String authorization, List<Document> documents, int clients, Duration length,
			Predicate<HttpResponse<String>> expected, Function<HttpResponse<String>, String> reason)
			throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicInteger next = new AtomicInteger();
		int seconds = (int) length.toSeconds();
		AtomicLongArray perSecond = new AtomicLongArray(seconds + 2);
		Map<String, Integer> unexpected = new ConcurrentHashMap<>();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		long end = start + length.toNanos();
		for (int c = 0; c < clients; c++) {
			long[] mine = new long[documents.size() + 1];
			int[] used = new int[1];
			latencies.add(mine);
			Thread client = new Thread(() -> {
				int n;
				while (System.nanoTime() < end && (n = next.getAndIncrement()) < documents.size()) {
					HttpRequest request = HttpRequest.newBuilder(URI.create(url))
						.header("Content-Type", "application/xml")
						.header("Authorization", authorization)
						.POST(HttpRequest.BodyPublishers.ofByteArray(documents.get(n).xml()))
						.build();
					long sent = System.nanoTime();
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						long now = System.nanoTime();
						if (expected.test(response)) {
							mine[used[0]++] = (now - sent) / 1000;
							perSecond.incrementAndGet((int) Math.min(seconds + 1, (now - start) / 1_000_000_000L));
						}
						else {
							unexpected.merge(reason.apply(response), 1, Integer::sum);
						}
					}
					catch (Exception ex) {
						unexpected.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
					}
				}
				mine[mine.length - 1] = used[0];
			}, "client-" + c);
			client.start();
			threads.add(client);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream()
			.flatMapToLong((mine) -> Arrays.stream(mine, 0, (int) mine[mine.length - 1]))
			.toArray();
		long[] timeline = new long[(int) Math.min(seconds + 1, Math.ceil(elapsed))];
		for (int i = 0; i < timeline.length; i++) {
			timeline[i] = perSecond.get(i);
		}
		long[] inner = (timeline.length < 3) ? timeline : Arrays.copyOfRange(timeline, 1, timeline.length - 1);
		return new Result(inner, all, unexpected, elapsed);
	}

}

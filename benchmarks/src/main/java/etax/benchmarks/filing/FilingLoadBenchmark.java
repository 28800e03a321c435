package etax.benchmarks.filing;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.benchmarks.CpuTime;
import etax.benchmarks.RunOptions;
import etax.benchmarks.filing.FilingWorkload.Document;
import etax.benchmarks.filing.FilingWorkload.Taxpayer;
import etax.benchmarks.filing.FilingWorkload.Template;
import etax.devstack.DevTokens;
import etax.devstack.TokenIssuer;

/**
 * Filing under load on the running local stack ({@code ./etax up}: durable PostgreSQL, declaration-api
 * with signatures required), with the bare ceiling in the same run.
 *
 * <ol>
 * <li>Prints the JVM, the cores and {@code SHOW fsync, synchronous_commit, default_toast_compression}.</li>
 * <li>Registers the taxpayers (quarterly filers) through the officer API and gives each a certificate of
 * the local CA; builds a mix of form versions from the catalog (01/GTGT first, then forms that create tax
 * to pay), tables filled to the target size; every taxpayer files each form once, so that every return
 * is a unique original that can be accepted; signs them all before anything is timed.</li>
 * <li>Ceiling: the same returns, {@code clients} at a time, to a bare JDK HTTP server that validates each
 * against its cached XSD and inserts it with a durable commit ({@link BareFilingServer}).</li>
 * <li>The service: the same returns to {@code POST /api/v1/returns} as a T-VAN, {@code clients} at a
 * time: each answer must be 201 with status ACCEPTED; anything else is counted by reason (status and the
 * rule ids that rejected it).</li>
 * <li>Both paths are warmed up first, then timed in {@code turns} alternating turns of {@code seconds} /
 * {@code turns} each (ceiling, service, ceiling, …), so that a change in the machine's speed during the
 * run weighs on both; each path's figures are those of its turns together, with each turn's ratio.</li>
 * <li>With {@code --webhook=true}, the filer has a webhook ({@link NoticeReceiver}): the notices of the
 * timed returns are awaited (a minute at most) and the time from each return's postmark to its notice's
 * arrival reported, with any notice missing, repeated or wrongly signed.</li>
 * </ol>
 *
 * Options ({@code --name=value}): {@code sizes} (5000,50000 bytes), {@code returns} (40000,8000: one count per
 * size, so a single size needs {@code --sizes} too; the first {@code warmup-returns} (6000, at most half) of each size sent to both paths untimed first, so that
 * the figures are of compiled code), {@code taxpayers} (4000; each files each form once, so at least the returns of all sizes divided by the forms; the run
 * fails at the start when the counts do not match the sizes or the taxpayers are too few), {@code forms} (12), {@code clients} (16), {@code seconds} (60, per path), {@code turns} (4), {@code webhook} (false),
 * {@code api} (from {@code target/dev-stack/stack.properties}), {@code jdbc}, {@code db-user}, {@code db-password}.
 */
public final class FilingLoadBenchmark {

	private static final Pattern REJECTING = Pattern
		.compile("\"ruleId\":\"([^\"]+)\",\"category\":\"[^\"]+\",\"severity\":\"REJECT");

	private final RunOptions options;

	private FilingLoadBenchmark(RunOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		// before any JDK server is made (the webhook's receiver is made before the ceiling's): the JDK reads it once
		BareFilingServer.noDelay();
		new FilingLoadBenchmark(RunOptions.parse(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path root = Path.of(".");
		String api = option("api", this.options.stack("declaration-api.url", "http://localhost:8081"));
		String jdbc = option("jdbc", "jdbc:postgresql://localhost:15432/etax");
		Properties credentials = this.options.credentials();
		List<Integer> sizes = List.of(option("sizes", "5000,50000").split(",")).stream().map(Integer::parseInt).toList();
		List<Integer> counts = List.of(option("returns", "40000,8000").split(",")).stream().map(Integer::parseInt).toList();
		int clients = Integer.parseInt(option("clients", "16"));
		Duration length = Duration.ofSeconds(Long.parseLong(option("seconds", "60")));
		int turns = Integer.parseInt(option("turns", "4"));
		int taxpayerCount = Integer.parseInt(option("taxpayers", "4000"));
		int forms = Integer.parseInt(option("forms", "12"));
		TokenIssuer tokens = DevTokens.issuer(root);
		List<List<Template>> mixes = mixes(sizes, counts, taxpayerCount, forms);

		System.out.printf("filing load benchmark: JVM %s, %d cores, %d clients, %s per run; service %s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), clients, length, api);
		this.options.database(jdbc).close();
		long started = System.nanoTime();
		List<Taxpayer> taxpayers = FilingWorkload.taxpayers(root, taxpayerCount);
		FilingWorkload.register(api, "Bearer " + tokens.nationalOfficer(), taxpayers);
		System.out.printf("registered %d taxpayers with certificates in %.1f s (not timed)%n", taxpayers.size(),
				(System.nanoTime() - started) / 1e9);

		int used = 0;
		NoticeReceiver receiver = null;
		for (int i = 0; i < sizes.size(); i++) {
			List<Template> templates = mixes.get(i);
			long signing = System.nanoTime();
			// each size files for taxpayers of its own: a taxpayer files each form once, or it would be a second original
			List<Taxpayer> fresh = taxpayers.subList(Math.min(used, taxpayers.size()), taxpayers.size());
			List<Document> documents = FilingWorkload.documents(fresh, templates, counts.get(i));
			used += (documents.size() + templates.size() - 1) / templates.size();
			IntSummaryStatistics bytes = documents.stream().mapToInt((document) -> document.xml().length).summaryStatistics();
			System.out.printf("%n== target %,d bytes: %,d signed returns of %d forms %s, %,d to %,d bytes (mean %,.0f), "
					+ "made in %.1f s (not timed)%n", sizes.get(i), documents.size(), templates.size(),
					templates.stream().map((t) -> t.form().formCode()).toList(), bytes.getMin(), bytes.getMax(),
					bytes.getAverage(), (System.nanoTime() - signing) / 1e9);

			// the first returns warm both paths up (the JIT compiles the hot code), answers checked, not timed
			int warmup = Math.min(documents.size() / 2, Integer.parseInt(option("warmup-returns", "6000")));
			List<Document> warming = documents.subList(0, warmup);
			List<Document> timed = documents.subList(warmup, documents.size());
			String tvan = "Bearer " + tokens.tvan("load-generator");
			NoticeReceiver notices = (receiver == null && Boolean.parseBoolean(option("webhook", "false")))
					? NoticeReceiver.register(api, tvan) : receiver;
			receiver = notices;
			try (BareFilingServer bare = BareFilingServer.start(jdbc, credentials, clients)) {
				report("ceiling warm-up (not timed)", LoadRun.run(bare.url(), "none", warming, clients, length.multipliedBy(10),
						FilingLoadBenchmark::stored, FilingLoadBenchmark::status));
				report("declaration-api warm-up (not timed)", LoadRun.run(api + "/api/v1/returns", tvan, warming, clients,
						length.multipliedBy(10), FilingLoadBenchmark::accepted, FilingLoadBenchmark::reason));
				if (notices != null) {
					awaitNotices(notices, warming.size());
					notices.reset();
				}
				// the paths take turns, so that the machine's speed, which drifts by a third within half an hour here,
				// weighs on both alike; the ceiling may file the same returns again, declaration-api only new ones
				Turns ceiling = new Turns();
				Turns service = new Turns();
				Duration turn = length.dividedBy(turns);
				for (int number = 1; number <= turns; number++) {
					LoadRun.Result bareTurn = ceiling.take(() -> LoadRun.run(bare.url(), "none", timed, clients, turn,
							FilingLoadBenchmark::stored, FilingLoadBenchmark::status));
					LoadRun.Result serviceTurn = service.take(() -> LoadRun.run(api + "/api/v1/returns", tvan,
							timed.subList(service.sent(), timed.size()), clients, turn, FilingLoadBenchmark::accepted,
							FilingLoadBenchmark::reason));
					System.out.printf("  turn %d of %d: ceiling %,.0f/s, declaration-api %,.0f/s, ratio %.2f%n", number, turns,
							bareTurn.perSecond(), serviceTurn.perSecond(), serviceTurn.perSecond() / bareTurn.perSecond());
				}
				report("ceiling (JDK HTTP + cached XSD + durable INSERT)", ceiling.result(), ceiling.cpu());
				report("declaration-api (XSD, rules, context rules, signature, durable commit, outbox)", service.result(),
						service.cpu());
				if (notices != null) {
					awaitNotices(notices, service.result().count());
					System.out.printf("  notices pushed to the filer's webhook: %,d of %,d returns, postmark to arrival p50 %d ms, "
							+ "p99 %d ms; %d repeated, %d with a bad signature%n", notices.returns(), service.result().count(),
							notices.percentileMillis(0.50), notices.percentileMillis(0.99), notices.repeated(),
							notices.badSignatures());
					// the next size's warm-up notices are awaited from none, not counted among this size's
					notices.reset();
				}
				System.out.printf("ratio to the ceiling: %.2f%n", service.result().perSecond() / ceiling.result().perSecond());
			}
		}
	}

	/**
	 * The form mix of each size, built before anything else so that a run that cannot send what it was asked
	 * fails at once rather than after registering the taxpayers or timing the first size: {@code --returns}
	 * must give one count per size (the sizes default to two), and each size files for taxpayers of its own,
	 * each filing each form of the size's mix once, so the taxpayers the earlier sizes left must be at least
	 * its count divided by its forms; fewer would silently send fewer returns than asked.
	 * @param sizes the target sizes, in bytes
	 * @param counts the returns asked for each size
	 * @param taxpayers the taxpayers to register
	 * @param forms the most forms a mix may hold
	 * @return the templates of each size, in the order of {@code sizes}
	 */
	private static List<List<Template>> mixes(List<Integer> sizes, List<Integer> counts, int taxpayers, int forms) {
		if (sizes.size() != counts.size()) {
			throw new IllegalArgumentException("--sizes lists " + sizes.size() + " sizes " + sizes + " but --returns "
					+ counts.size() + " counts " + counts + ": give one count per size, e.g. --sizes=5000 --returns=40000");
		}
		List<List<Template>> mixes = new ArrayList<>();
		int left = taxpayers;
		for (int i = 0; i < sizes.size(); i++) {
			List<Template> templates = FilingWorkload.templates(forms, sizes.get(i));
			if (templates.isEmpty()) {
				throw new IllegalArgumentException("No form makes returns of " + sizes.get(i) + " bytes");
			}
			int needed = (counts.get(i) + templates.size() - 1) / templates.size();
			if (needed > left) {
				throw new IllegalArgumentException(String.format("%,d returns of %,d bytes in %d forms need %,d taxpayers "
						+ "(each files each form once), but only %,d of the %,d are left after the sizes before it: "
						+ "raise --taxpayers or lower --returns", counts.get(i), sizes.get(i), templates.size(),
						needed, left, taxpayers));
			}
			left -= needed;
			mixes.add(templates);
		}
		return mixes;
	}

	/** The timed turns of one path: their answers, and the CPU time each part of the stack used during them. */
	private static final class Turns {

		private final List<LoadRun.Result> results = new ArrayList<>();

		private CpuTime cpu = CpuTime.none();

		LoadRun.Result take(Run run) throws InterruptedException {
			CpuTime start = CpuTime.now();
			LoadRun.Result result = run.run();
			this.cpu = this.cpu.plus(CpuTime.now().minus(start));
			this.results.add(result);
			return result;
		}

		int sent() {
			return (int) this.results.stream().mapToLong(LoadRun.Result::sent).sum();
		}

		LoadRun.Result result() {
			return LoadRun.Result.of(this.results);
		}

		CpuTime cpu() {
			return this.cpu;
		}

	}

	private interface Run {

		LoadRun.Result run() throws InterruptedException;

	}

	/** Waits until the notices of that many returns have arrived, or for at most a minute. */
	private static void awaitNotices(NoticeReceiver notices, long returns) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (notices.returns() < returns && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/** Prints a timed run's figures and the CPU time each part of the stack used during it. */
	private static void report(String what, LoadRun.Result result, CpuTime used) {
		report(what, result);
		System.out.printf("  %s%n", used.per(result.count(), "answers"));
	}

	private static void report(String what, LoadRun.Result result) {
		System.out.printf("%s: %,d answers in %.1f s = %,.0f/s (lowest full second %,d/s); latency p50 %d ms, p99 %d ms;"
				+ " unexpected %s%n", what, result.count(), result.seconds(), result.perSecond(), result.worstSecond(),
				result.percentileMillis(0.50), result.percentileMillis(0.99), result.unexpected());
	}

	private static boolean stored(HttpResponse<String> response) {
		return response.statusCode() == 201;
	}

	private static String status(HttpResponse<String> response) {
		return "HTTP " + response.statusCode();
	}

	private static boolean accepted(HttpResponse<String> response) {
		return response.statusCode() == 201 && response.body().contains("\"status\":\"ACCEPTED\"");
	}

	private static String reason(HttpResponse<String> response) {
		Matcher rules = REJECTING.matcher(response.body());
		StringBuilder reason = new StringBuilder("HTTP ").append(response.statusCode());
		while (rules.find()) {
			reason.append(' ').append(rules.group(1));
		}
		return reason.toString();
	}

	private String option(String name, String fallback) {
		return this.options.get(name, fallback);
	}

}

package etax.benchmarks.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import etax.benchmarks.CpuTime;
import etax.benchmarks.RunOptions;
import etax.benchmarks.filing.FilingWorkload;
import etax.benchmarks.filing.FilingWorkload.Document;
import etax.benchmarks.filing.FilingWorkload.Taxpayer;
import etax.benchmarks.filing.FilingWorkload.Template;
import etax.benchmarks.filing.LoadRun;
import etax.devstack.DevTokens;
import etax.devstack.TokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk filing on the running local stack ({@code ./etax up}: durable PostgreSQL, declaration-api with
 * signatures required, batch-processor filing through it), with the single-return API path and the bare
 * ceiling measured in the same run on returns of the same mix.
 *
 * <ol>
 * <li>Prints the JVM, the cores and the database settings.</li>
 * <li>Builds the returns as the filing load benchmark does ({@link FilingWorkload}: a mix of form versions
 * from the catalog, every taxpayer filing each form once, so every return is a unique original that can be
 * accepted), twice as many as one batch holds and as many again for the warm-up, signed with certificates of
 * the local CA; registers the taxpayers through the officer API. Nothing of this is timed.</li>
 * <li>Ceiling: the first half validated against their cached XSDs and inserted in JDBC batches
 * ({@link BulkCeiling}).</li>
 * <li>Warm-up: a batch of {@code warmup-returns} other returns, then as many single ones, answers checked and
 * not timed, so that both timed paths run compiled code.</li>
 * <li>Bulk: the same first half in one zip, {@code POST /api/v1/batches} as a T-VAN, timed from the upload to
 * the batch's {@code COMPLETED}; every item must be ACCEPTED, others are listed by reason. With it, the CPU
 * time each part of the stack used meanwhile, per 1,000 returns ({@link CpuTime}).</li>
 * <li>Single: the second half (other taxpayers: each return is still an original) to
 * {@code POST /api/v1/returns} as a T-VAN, {@code clients} at a time, until they run out.</li>
 * </ol>
 *
 * Options ({@code --name=value}): {@code returns} (10000 per batch, the batch limit), {@code warmup-returns}
 * (4000), {@code size} (5000 bytes), {@code forms} (12), {@code clients} (16), {@code ceiling-threads} (the cores), {@code ceiling-batch}
 * (100), {@code timeout-minutes} (30), {@code api} and {@code batch} (from
 * {@code target/dev-stack/stack.properties}), {@code jdbc} (the stack's database,
 * {@code jdbc:postgresql://localhost:15432/etax}), {@code db-user}, {@code db-password}.
 */
public final class BulkFilingBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RunOptions options;

	private BulkFilingBenchmark(RunOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new BulkFilingBenchmark(RunOptions.parse(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path root = Path.of(".");
		String api = option("api", this.options.stack("declaration-api.url", "http://localhost:8081"));
		String batchApi = option("batch", this.options.stack("batch-processor.url", "http://localhost:8083"));
		String jdbc = option("jdbc", "jdbc:postgresql://localhost:15432/etax?reWriteBatchedInserts=true");
		Properties credentials = this.options.credentials();
		int returns = Integer.parseInt(option("returns", "10000"));
		int clients = Integer.parseInt(option("clients", "16"));
		Duration timeout = Duration.ofMinutes(Long.parseLong(option("timeout-minutes", "30")));
		TokenIssuer tokens = DevTokens.issuer(root);

		System.out.printf("bulk filing benchmark: JVM %s, %d cores; batch-processor %s, declaration-api %s%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), batchApi, api);
		this.options.database(jdbc).close();
		long preparing = System.nanoTime();
		List<Template> templates = FilingWorkload.templates(Integer.parseInt(option("forms", "12")),
				Integer.parseInt(option("size", "5000")));
		int warmup = Integer.parseInt(option("warmup-returns", "4000"));
		int all = 2 * (returns + warmup);
		List<Taxpayer> taxpayers = FilingWorkload.taxpayers(root, (all + templates.size() - 1) / templates.size());
		FilingWorkload.register(api, "Bearer " + tokens.nationalOfficer(), taxpayers);
		List<Document> documents = FilingWorkload.documents(taxpayers, templates, all);
		List<Document> bulk = documents.subList(0, returns);
		List<Document> singles = documents.subList(returns, 2 * returns);
		List<Document> bulkWarmup = documents.subList(2 * returns, 2 * returns + warmup);
		List<Document> singleWarmup = documents.subList(2 * returns + warmup, all);
		byte[] zip = zip(bulk);
		IntSummaryStatistics bytes = bulk.stream().mapToInt((document) -> document.xml().length).summaryStatistics();
		System.out.printf("%,d signed returns per path of %d forms %s, %,d to %,d bytes (mean %,.0f), zip %,d bytes; "
				+ "%,d taxpayers registered; prepared in %.1f s (not timed)%n", returns, templates.size(),
				templates.stream().map((template) -> template.form().formCode()).toList(), bytes.getMin(), bytes.getMax(),
				bytes.getAverage(), zip.length, taxpayers.size(), (System.nanoTime() - preparing) / 1e9);

		BulkCeiling.Result ceiling = BulkCeiling.run(jdbc, credentials, bulk,
				Integer.parseInt(option("ceiling-threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
				Integer.parseInt(option("ceiling-batch", "100")));
		System.out.printf("ceiling (cached XSD, then JDBC batches of the same rows): %,d returns in %.1f s = %,.0f/s;"
				+ " invalid %d%n", ceiling.count(), ceiling.seconds(), ceiling.perSecond(), ceiling.invalid());

		if (warmup > 0) {
			// both paths run the same filing pipeline; each is warmed (the JIT compiles it) before either is timed
			System.out.printf("warm-up (not timed, answers checked): a batch of %,d and %,d single returns%n", warmup,
					warmup);
			bulk(batchApi, "Bearer " + tokens.tvan("bulk-benchmark"), zip(bulkWarmup), warmup, timeout);
			single(api, "Bearer " + tokens.tvan("bulk-benchmark-single"), singleWarmup, clients, timeout);
		}
		double bulkPerSecond = bulk(batchApi, "Bearer " + tokens.tvan("bulk-benchmark"), zip, returns, timeout);
		System.out.printf("bulk ratio to the ceiling: %.2f%n", bulkPerSecond / ceiling.perSecond());

		LoadRun.Result service = single(api, "Bearer " + tokens.tvan("bulk-benchmark-single"), singles, clients, timeout);
		System.out.printf("ratios: bulk/single %.2f, single/ceiling %.2f%n", bulkPerSecond / service.perSecond(),
				service.perSecond() / ceiling.perSecond());
	}

	/** Files the returns one request each, {@code clients} at a time; prints the figures. */
	private static LoadRun.Result single(String api, String authorization, List<Document> returns, int clients,
			Duration timeout) throws InterruptedException {
		LoadRun.Result service = LoadRun.run(api + "/api/v1/returns", authorization, returns, clients, timeout,
				(response) -> response.statusCode() == 201 && response.body().contains("\"status\":\"ACCEPTED\""),
				(response) -> "HTTP " + response.statusCode());
		System.out.printf("single-return API, %d clients: %,d accepted in %.1f s = %,.0f/s (p50 %d ms, p99 %d ms);"
				+ " unexpected %s%n", clients, service.count(), service.seconds(), service.perSecond(),
				service.percentileMillis(0.50), service.percentileMillis(0.99), service.unexpected());
		return service;
	}

	/**
	 * Uploads the batch and waits for it; prints and returns the returns filed per second, upload to completion.
	 * @throws IllegalStateException unless the batch completed with every return accepted (the warm-up's too)
	 */
	private static double bulk(String batchApi, String authorization, byte[] zip, int returns, Duration timeout)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		CpuTime cpu = CpuTime.now();
		long start = System.nanoTime();
		HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(batchApi + "/api/v1/batches"))
			.header("Content-Type", "application/zip")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofByteArray(zip))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (upload.statusCode() != 202) {
			throw new IllegalStateException("Upload answered " + upload.statusCode() + ": " + upload.body());
		}
		double stored = (System.nanoTime() - start) / 1e9;
		String id = JSON.readTree(upload.body()).get("id").asString();
		JsonNode batch = JSON.readTree(upload.body());
		long deadline = start + timeout.toNanos();
		while (!batch.get("status").asString().matches("COMPLETED|FAILED") && System.nanoTime() < deadline) {
			Thread.sleep(200);
			batch = get(http, batchApi + "/api/v1/batches/" + id, authorization);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String used = CpuTime.now().since(cpu, returns, "returns");
		JsonNode counts = batch.get("counts");
		System.out.printf("bulk (zip upload, partitioned job, declaration-api's batch endpoint): %,d returns %s in %.1f s"
				+ " (stored and answered 202 after %.1f s) = %,.0f/s; counts %s%n  %s%n", returns,
				batch.get("status").asString(), seconds, stored, returns / seconds, counts, used);
		if (counts.get("accepted").asInt() != returns) {
			for (String status : List.of("NOT_ACCEPTED", "NOT_RECEIVED", "FAILED")) {
				JsonNode items = get(http, batchApi + "/api/v1/batches/" + id + "/items?size=5&status=" + status,
						authorization);
				for (JsonNode item : items) {
					System.out.printf("  item %d %s: %s%n", item.get("itemNo").asInt(), status,
							item.has("problem") && !item.get("problem").isNull() ? item.at("/problem/type")
									: item.get("findings"));
				}
			}
			// a batch that failed, timed out or filed fewer than all its returns measured nothing of the pipeline
			throw new IllegalStateException("Bulk batch " + id + " ended " + batch.get("status").asString() + " with "
					+ counts + " of " + returns + " returns: no figure");
		}
		if (!"COMPLETED".equals(batch.get("status").asString())) {
			throw new IllegalStateException("Bulk batch " + id + " ended " + batch.get("status").asString() + ": no figure");
		}
		return returns / seconds;
	}

	private static JsonNode get(HttpClient http, String url, String authorization) throws IOException, InterruptedException {
		return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString()).body());
	}

	private static byte[] zip(List<Document> documents) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < documents.size(); i++) {
				zip.putNextEntry(new ZipEntry(String.format("%05d.xml", i + 1)));
				zip.write(documents.get(i).xml());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private String option(String name, String fallback) {
		return this.options.get(name, fallback);
	}

}

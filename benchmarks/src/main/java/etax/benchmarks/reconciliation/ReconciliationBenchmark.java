package etax.benchmarks.reconciliation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import etax.benchmarks.RunOptions;
import etax.benchmarks.reconciliation.DayOfPayments.Expected;
import etax.devstack.DevFileSignatures;
import etax.devstack.DevTokens;
import org.jspecify.annotations.Nullable;

/**
 * Measures the daily reconciliation on the running local stack ({@code ./etax up}), with its ceiling in
 * the same run.
 *
 * <ol>
 * <li>Prints the JVM and {@code SHOW fsync, synchronous_commit, default_toast_compression, ...}.</li>
 * <li>Seeds a day of voucher lines on the tax side straight into the gateway's tables with COPY (as if the
 * gateway had recorded them; pushing a million confirmations through Kafka is the payment benchmark's
 * job) and writes the bank's file and the treasury's statement of the same size to a temporary folder,
 * each signed: the bank's by a key registered for the benchmark's bank in the gateway's registry for the
 * run, the treasury's by the local run's dev treasury key. Nothing of this is timed; verifying the
 * signatures is part of the import.</li>
 * <li>Timed, the pipeline: {@code POST} the bank's file, {@code POST} the treasury's statement, run
 * {@code reconciliationJob} over HTTP (which answers when the job has ended): parse, COPY, checks,
 * classification of every line, totals, work items.</li>
 * <li>The ceiling, same data, same database: one plain SQL statement joining the three stored inputs
 * (the gateway's view, the bank's lines, the treasury's lines) with FULL OUTER JOINs and counting the
 * lines per class; the best of three runs.</li>
 * <li>Checks the day's totals against the classes the workload put in, and prints the ratio.</li>
 * </ol>
 *
 * Options ({@code --name=value}): {@code lines} (1000000), {@code day} (a day of the year that began nine
 * years ago, chosen by the run: within the ten years batch-processor reconciles by default, and before any
 * day the local run files or pays for), {@code batch} (from {@code target/dev-stack/stack.properties}), {@code jdbc}
 * ({@code jdbc:postgresql://localhost:15432/etax}), {@code db-user} (postgres), {@code db-password} (the stack file's).
 * The seeded rows stay (one day per run).
 */
public final class ReconciliationBenchmark {

	private static final String CEILING = """
			SELECT CASE
			    WHEN t.bank_code IS NULL AND b.bank_code IS NOT NULL THEN 'ONLY_BANK'
			    WHEN t.bank_code IS NULL THEN 'ONLY_TREASURY'
			    WHEN b.bank_code IS NULL THEN 'ONLY_TAX'
			    WHEN b.status <> 'DEBITED' OR s.posting_id IS NULL THEN 'STATUS_MISMATCH'
			    WHEN (t.chapter, t.sub_item, t.area_code, t.amount) IS DISTINCT FROM (b.chapter, b.sub_item, b.area_code, b.amount)
			        OR (t.chapter, t.sub_item, t.area_code, t.amount) IS DISTINCT FROM (s.chapter, s.sub_item, s.area_code, s.amount)
			        THEN 'CODING_MISMATCH'
			    ELSE 'MATCHED' END, count(*)
			FROM (SELECT * FROM payment.reconciliation_confirmation_lines_v1 WHERE payment_date = ? AND line_number IS NOT NULL) t
			FULL JOIN (SELECT * FROM reconciliation.bank_file_line WHERE business_day = ?) b
			    ON b.bank_code = t.bank_code AND b.bank_reference = t.bank_reference AND b.line_number = t.line_number
			FULL JOIN (SELECT * FROM reconciliation.treasury_statement_line WHERE business_day = ? AND replaced_by IS NULL) s
			    ON s.posting_id = t.posting_id
			GROUP BY 1""";

	private final RunOptions options;

	private ReconciliationBenchmark(RunOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new ReconciliationBenchmark(RunOptions.parse(args)).run();
		System.exit(0);
	}

	private void run() throws Exception {
		String runId = Long.toString(System.currentTimeMillis(), 36);
		int lines = Integer.parseInt(option("lines", "1000000"));
		LocalDate day = LocalDate.parse(option("day",
				LocalDate.now().minusYears(9).withDayOfYear(1).plusDays(System.currentTimeMillis() / 1000 % 365).toString()));
		String batch = option("batch", this.options.stack("batch-processor.url", "http://localhost:8083"));
		DayOfPayments workload = new DayOfPayments(runId, day, lines);
		System.out.printf("reconciliation benchmark run %s: %,d voucher lines on %s, batch-processor %s%n", runId,
				lines, day, batch);
		System.out.printf("JVM %s, %d cores%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
		Path folder = Files.createTempDirectory("etax-reconciliation-bench");
		try (Connection db = this.options.database("jdbc:postgresql://localhost:15432/etax")) {
			long setup = System.nanoTime();
			workload.seedTaxSide(db);
			Path bankFile = folder.resolve("bank.xml");
			Path statement = folder.resolve("treasury.csv");
			workload.writeBankFile(bankFile);
			workload.writeTreasuryStatement(statement);
			// signed as their senders sign them (docs/adr/0014-reconciliation.md): the benchmark's bank with a key
			// registered for it now, the treasury with the dev treasury's key the local run trusts (LOCAL RUN ONLY)
			String bankSignature = DevFileSignatures.sign(registerBankKey(db, runId), "RS256", benchKeyId(runId),
					bankFile);
			String statementSignature = DevFileSignatures.sign(DevFileSignatures.treasuryKey(), "ES256",
					DevFileSignatures.TREASURY_KEY_ID, statement);
			try (Statement analyze = db.createStatement()) {
				analyze.execute("ANALYZE payment.confirmation; ANALYZE payment.confirmation_line");
			}
			System.out.printf("seeded the tax side and wrote the files in %.1f s (not timed): bank file %,d MB, "
					+ "statement %,d MB%n", seconds(setup), Files.size(bankFile) >> 20, Files.size(statement) >> 20);

			String token = "Bearer " + DevTokens.issuer(Path.of(".")).nationalOfficer();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
			long start = System.nanoTime();
			post(http, batch + "/api/v1/reconciliation/bank-files", "application/xml",
					HttpRequest.BodyPublishers.ofFile(bankFile), token, bankSignature);
			double bankSeconds = seconds(start);
			long treasuryStart = System.nanoTime();
			post(http, batch + "/api/v1/reconciliation/treasury-statements", "text/csv",
					HttpRequest.BodyPublishers.ofFile(statement), token, statementSignature);
			double treasurySeconds = seconds(treasuryStart);
			long jobStart = System.nanoTime();
			String execution = post(http, batch + "/api/v1/jobs/reconciliation/executions", "application/json",
					HttpRequest.BodyPublishers.ofString("{\"businessDay\":\"" + day + "\"}"), token);
			double jobSeconds = seconds(jobStart);
			double pipeline = seconds(start);
			if (!execution.contains("\"status\":\"COMPLETED\"")) {
				throw new IllegalStateException("The job did not complete: " + execution);
			}
			System.out.printf("pipeline: %.1f s (bank file %.1f s, treasury statement %.1f s, reconciliationJob %.1f s)%n",
					pipeline, bankSeconds, treasurySeconds, jobSeconds);

			List<Double> ceilings = new ArrayList<>();
			Map<String, Long> joined = new HashMap<>();
			for (int i = 0; i < 3; i++) {
				long ceilingStart = System.nanoTime();
				joined = ceiling(db, day);
				ceilings.add(seconds(ceilingStart));
			}
			double ceiling = Collections.min(ceilings);
			System.out.printf("ceiling (one plain SQL join of the three stored inputs, best of %s): %.1f s%n", ceilings,
					ceiling);

			Map<Expected, Long> expected = workload.expectedCounts();
			String totals = get(http, batch + "/api/v1/reconciliation/days/" + day, token);
			for (Expected lineClass : Expected.values()) {
				long classified = classified(totals, lineClass.name());
				System.out.printf("  %-16s expected %,9d  classified %,9d  plain join %,9d%n", lineClass,
						expected.get(lineClass), classified, joined.getOrDefault(lineClass.name(), 0L));
				if (classified != expected.get(lineClass)) {
					throw new IllegalStateException(lineClass + " classified " + classified + ", expected "
							+ expected.get(lineClass));
				}
				if (joined.getOrDefault(lineClass.name(), 0L).longValue() != expected.get(lineClass)) {
					// a ceiling that classifies wrongly is no bound on the pipeline
					throw new IllegalStateException(lineClass + " by the plain join " + joined.get(lineClass.name())
							+ ", expected " + expected.get(lineClass));
				}
			}
			System.out.printf("ratio ceiling/pipeline: %.2f; goal for 1,000,000 lines, under 60 s: %s%n",
					ceiling / pipeline, (lines < 1_000_000) ? "not measured (fewer lines)" : (pipeline < 60) ? "met" : "not met");
		}
		finally {
			try (var files = Files.list(folder)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(folder);
		}
	}

	private static Map<String, Long> ceiling(Connection db, LocalDate day) throws Exception {
		Map<String, Long> counts = new HashMap<>();
		try (PreparedStatement join = db.prepareStatement(CEILING)) {
			for (int i = 1; i <= 3; i++) {
				join.setObject(i, day);
			}
			try (ResultSet rows = join.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		return counts;
	}

	/** The lines of a class in the day's totals (added up over currencies). */
	private static long classified(String totals, String lineClass) {
		Matcher matcher = Pattern.compile("\\{[^{}]*\"lineClass\":\"" + lineClass + "\"[^{}]*\"lines\":(\\d+)[^{}]*}")
			.matcher(totals);
		long lines = 0;
		while (matcher.find()) {
			lines += Long.parseLong(matcher.group(1));
		}
		return lines;
	}

	/**
	 * Registers a key of the benchmark's bank in the gateway's registry, as onboarding would, so that its file
	 * is signed and verified like any bank's (the verification is part of the timed import).
	 * @return the private key
	 */
	private static PrivateKey registerBankKey(Connection db, String runId) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		try (PreparedStatement bank = db.prepareStatement("""
				INSERT INTO payment.bank (bank_code, name, valid_from) VALUES (?, 'Benchmark bank', '2000-01-01')
				ON CONFLICT (bank_code) DO NOTHING""");
				PreparedStatement key = db.prepareStatement("""
						INSERT INTO payment.bank_key (key_id, bank_code, algorithm, public_key, valid_from)
						VALUES (?, ?, 'RS256', ?, now() - interval '1 minute')""")) {
			bank.setString(1, DayOfPayments.BANK);
			bank.executeUpdate();
			key.setString(1, benchKeyId(runId));
			key.setString(2, DayOfPayments.BANK);
			key.setString(3, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
			key.executeUpdate();
		}
		return pair.getPrivate();
	}

	private static String benchKeyId(String runId) {
		return DayOfPayments.BANK + "-bench-" + runId;
	}

	private static String post(HttpClient http, String url, String type, HttpRequest.BodyPublisher body, String token)
			throws Exception {
		return post(http, url, type, body, token, null);
	}

	private static String post(HttpClient http, String url, String type, HttpRequest.BodyPublisher body, String token,
			@Nullable String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(30))
			.header("Authorization", token)
			.header("Content-Type", type);
		if (signature != null) {
			request.header(DevFileSignatures.HEADER, signature);
		}
		HttpResponse<String> response = http.send(request.POST(body).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String get(HttpClient http, String url, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private String option(String name, String fallback) {
		return this.options.get(name, fallback);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}

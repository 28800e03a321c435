package etax.benchmarks.interest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import etax.benchmarks.CpuTime;
import etax.benchmarks.RunOptions;
import etax.ids.TaxpayerId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times {@code interestAssessmentJob} over a large ledger on the running local stack ({@code ./etax up}:
 * durable PostgreSQL, a KRaft broker, the three services). Goal: 1,000,000 payable items in under 60 s.
 *
 * <ol>
 * <li>Prints the JVM, the machine and the PostgreSQL settings that matter.</li>
 * <li>Seeds {@code items} overdue VAT items (due 30 days before the first day assessed) for
 * {@code taxpayers} taxpayers straight into the gateway's ledger tables, as the gateway books them (the
 * obligation and its booking entry), one in three half paid ten days after its due date: set-based SQL,
 * not timed. Publishing them through {@code etax.payable-items.v1} would time the gateway, not the job.</li>
 * <li>Launches the job over HTTP for the day before yesterday minus one ({@code first}: each item is
 * assessed for the first time, with the 30 days it accrued) and then for the next day ({@code daily}: the
 * steady state, one day's interest per item). The figure is the job execution's own start to end; the
 * HTTP round trip is printed beside it, and the CPU time each part of the stack used during the round
 * trip, per 1,000 items ({@link CpuTime}). The items are the payable items and the CIT shortfalls
 * ({@code finalizations}) together, as the job assesses both; the output gives the total and its parts.</li>
 * <li>Fails the run, before printing a figure, unless the job execution's status is {@code COMPLETED}: the
 * launch answers 201 either way. That status is also what shows the day was published: the publication
 * step ends once the broker acknowledged every event, and counts none of them.</li>
 * <li>Checks that every seeded item was assessed through each day, and that the day's assessments were
 * recorded (before the publication step sends them).</li>
 * <li>Waits for the gateway to book them all as interest obligations (at most 20 minutes), and prints
 * how long that took after the last run ended.</li>
 * </ol>
 *
 * The job publishes the day's assessments in its last steps, and the gateway books them on the same cores
 * meanwhile and after; that is the system as deployed.
 * Run it on a fresh stack: the seeded items stay. Options ({@code --name=value}): {@code items} (1000000),
 * {@code taxpayers} (100000), {@code finalizations} (0: how many of the taxpayers also have a 2025 CIT finalization
 * whose provisional payments fell short, each assessed as one more item), {@code batch} (from {@code target/dev-stack/stack.properties}), {@code jdbc}
 * ({@code jdbc:postgresql://localhost:15432/etax}), {@code db-user} (postgres), {@code db-password}
 * (the stack file's), {@code first} (the first day assessed, three days ago:
 * each day is assessed once, so a second run on the same stack needs earlier days).
 */
public final class InterestAssessmentBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The booking entry of each seeded obligation whose id matches, and its payment when it was paid (on its due date
	 * plus the days given), two lines each, as the gateway books them.
	 */
	private static final String LEDGER_ENTRIES = """
			INSERT INTO payment.ledger_line (entry_id, side, entry_type, account, mst, sub_item, tax_period,
			    treasury_code, amount, value_date, booked_at, item_id, posting_id, payment_key)
			SELECT e.entry_id, s.side, e.entry_type,
			    CASE WHEN (s.side = 'D') = (e.entry_type = 'OBLIGATION_BOOKED') THEN 'TAXPAYER_OBLIGATION'
			         WHEN e.entry_type = 'OBLIGATION_BOOKED' THEN 'BUDGET_REVENUE' ELSE 'TREASURY_RECEIVABLE' END,
			    CASE WHEN (s.side = 'D') = (e.entry_type = 'OBLIGATION_BOOKED') THEN o.mst END, o.sub_item,
			    CASE WHEN (s.side = 'D') = (e.entry_type = 'OBLIGATION_BOOKED') THEN o.tax_period END,
			    CASE WHEN e.entry_type = 'PAYMENT_APPLIED' AND s.side = 'D' THEN '0111' END,
			    e.amount, e.value_date, now(), o.item_id, e.posting_id, e.payment_key
			FROM payment.obligation o
			CROSS JOIN LATERAL (
			    SELECT gen_random_uuid() AS entry_id, 'OBLIGATION_BOOKED' AS entry_type, o.amount AS amount,
			        o.due_date AS value_date, NULL::uuid AS posting_id, NULL AS payment_key
			    UNION ALL
			    SELECT gen_random_uuid(), 'PAYMENT_APPLIED', o.amount - o.outstanding, o.due_date + ?,
			        gen_random_uuid(), 'bench:' || o.item_id
			    WHERE o.outstanding < o.amount) e
			CROSS JOIN (VALUES ('D'), ('C')) AS s (side)
			WHERE o.item_id LIKE ?""";

	private final RunOptions options;

	private final String runId = Long.toString(System.currentTimeMillis(), 36);

	private InterestAssessmentBenchmark(RunOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new InterestAssessmentBenchmark(RunOptions.parse(args)).run();
	}

	private void run() throws Exception {
		String batch = option("batch", this.options.stack("batch-processor.url", "http://localhost:8083"));
		String jdbc = option("jdbc", "jdbc:postgresql://localhost:15432/etax?reWriteBatchedInserts=true");
		int items = Integer.parseInt(option("items", "1000000"));
		int taxpayers = Math.min(items, Integer.parseInt(option("taxpayers", "100000")));
		int finalizations = Math.min(taxpayers, Integer.parseInt(option("finalizations", "0")));
		LocalDate first = LocalDate.parse(option("first", LocalDate.now().minusDays(3).toString()));
		System.out.printf("interest assessment benchmark run %s: %,d payable items, %,d taxpayers, days %s and %s%n",
				this.runId, items, taxpayers, first, first.plusDays(1));
		System.out.printf("JVM %s, %d cores; batch-processor %s%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), batch);
		try (Connection db = this.options.database(jdbc)) {
			long seeding = System.nanoTime();
			seed(db, items, taxpayers, first.minusDays(30));
			seedFinalizations(db, finalizations);
			System.out.printf("seeded %,d items and %,d CIT finalizations in %.1f s (not timed)%n", items, finalizations,
					(System.nanoTime() - seeding) / 1e9);
			long assessable = (long) items + finalizations;
			for (LocalDate day : List.of(first, first.plusDays(1))) {
				String label = day.equals(first) ? "first" : "daily";
				CpuTime cpu = CpuTime.now();
				long wall = System.nanoTime();
				JsonNode execution = launch(batch, day);
				double wallSeconds = (System.nanoTime() - wall) / 1e9;
				requireCompleted(execution, day);
				String used = CpuTime.now().since(cpu, assessable, "items");
				double seconds = Duration.between(Instant.parse(execution.path("startTime").asString()),
						Instant.parse(execution.path("endTime").asString())).toMillis() / 1e3;
				System.out.printf("%s (%s): COMPLETED, read %,d, written %,d in %.1f s = %,.0f items/s over %,d items "
						+ "(%,d payable items + %,d CIT shortfalls) (HTTP round trip %.1f s)%n  %s%n", label, day,
						execution.path("readCount").asLong(), execution.path("writeCount").asLong(), seconds,
						assessable / seconds, assessable, items, finalizations, wallSeconds, used);
				check(db, day, items);
				checkShortfalls(db, day, finalizations);
			}
			awaitBooked(db, List.of(first, first.plusDays(1)), items);
		}
	}

	/**
	 * Waits for the gateway to book every published assessment as an interest obligation of the ledger,
	 * and prints how long after the last run that took (not part of the job's figure).
	 */
	private void awaitBooked(Connection db, List<LocalDate> days, int items) throws Exception {
		long since = System.nanoTime();
		long expected = (long) items * days.size();
		long booked = 0;
		try (PreparedStatement count = db.prepareStatement("""
				SELECT count(*) FROM payment.obligation
				WHERE kind = 'INTEREST' AND assessed_for = ANY (?) AND base_item_id LIKE ?""")) {
			count.setArray(1, db.createArrayOf("date", days.toArray()));
			count.setString(2, "bench-" + this.runId + "-%");
			while (booked < expected && System.nanoTime() - since < Duration.ofMinutes(20).toNanos()) {
				Thread.sleep(5_000);
				try (ResultSet row = count.executeQuery()) {
					row.next();
					booked = row.getLong(1);
				}
			}
		}
		System.out.printf("the gateway booked %,d of the %,d assessments as interest obligations %.0f s after the "
				+ "last run ended (polled every 5 s)%n", booked, expected, (System.nanoTime() - since) / 1e9);
	}

	private void seed(Connection db, int items, int taxpayers, LocalDate dueDate) throws Exception {
		db.setAutoCommit(false);
		try (PreparedStatement obligations = db.prepareStatement("""
				INSERT INTO payment.obligation (item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date,
				    outstanding, source_event_id, content_hash, booked_at)
				SELECT ? || g, 'TAX', m.mst, '754', '1701', '00/Q1/2026', 10000000 + g % 1000 * 1000, ?,
				    CASE WHEN g % 3 = 0 THEN 10000000 + g % 1000 * 1000 - (5000000 + g % 1000 * 500)
				         ELSE 10000000 + g % 1000 * 1000 END,
				    gen_random_uuid(), 'benchmark', now()
				FROM generate_series(1, ?) g
				JOIN unnest(?::text[]) WITH ORDINALITY AS m (mst, k) ON m.k = g % ? + 1""");
				PreparedStatement entries = db.prepareStatement(LEDGER_ENTRIES)) {
			String prefix = "bench-" + this.runId + "-";
			obligations.setString(1, prefix);
			obligations.setObject(2, dueDate);
			obligations.setInt(3, items);
			obligations.setArray(4, db.createArrayOf("text", msts(taxpayers)));
			obligations.setInt(5, taxpayers);
			obligations.executeUpdate();
			entries.setInt(1, 10);
			entries.setString(2, prefix + "%");
			entries.executeUpdate();
			db.commit();
		}
		finally {
			db.setAutoCommit(true);
		}
		analyze(db, "payment.obligation", "payment.ledger_line");
	}

	/** Statistics for the tables just seeded, so that the job's plans see them. */
	private static void analyze(Connection db, String... tables) throws Exception {
		try (Statement analyze = db.createStatement()) {
			for (String table : tables) {
				analyze.execute("ANALYZE " + table);
			}
		}
	}

	/**
	 * Seeds corporate income tax for the first {@code finalizations} taxpayers: 2025's four quarters paid on account,
	 * 100,000,000 each on its payment day (booked as the gateway books provisional payments, due when paid), and a 2025
	 * finalization in force of 600,000,000 under the year's rule, the four quarters and 80 % by 30 January 2026
	 * (ADR 0006): 80 % is 480,000,000, so each falls 80,000,000 short, and interest runs on it from 31 January 2026.
	 * Not timed.
	 */
	private void seedFinalizations(Connection db, int finalizations) throws Exception {
		if (finalizations == 0) {
			return;
		}
		String[] msts = msts(finalizations);
		String prefix = "cit-" + this.runId + "-";
		db.setAutoCommit(false);
		try (PreparedStatement quarters = db.prepareStatement("""
				INSERT INTO payment.obligation (item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date,
				    outstanding, source_event_id, content_hash, booked_at)
				SELECT ? || m.k || '-' || q.n, 'TAX', m.mst, '754', '1052', '00/Q' || q.n || '/2025', 100000000, q.paid,
				    0, gen_random_uuid(), 'benchmark', now()
				FROM unnest(?::text[]) WITH ORDINALITY AS m (mst, k)
				CROSS JOIN (VALUES (1, date '2025-04-28'), (2, date '2025-07-28'), (3, date '2025-10-28'),
				    (4, date '2026-01-28')) AS q (n, paid)""");
				PreparedStatement entries = db.prepareStatement(LEDGER_ENTRIES);
				PreparedStatement years = db.prepareStatement("""
						INSERT INTO payment.annual_tax (event_id, return_id, mst, chapter, sub_item, tax_year, annual_tax,
						    provisional_deadline, provisional_quarters, required_percent, shortfall_id, content_hash,
						    booked_at)
						SELECT gen_random_uuid(), gen_random_uuid(), m.mst, '754', '1052', 2025, 600000000,
						    date '2026-01-30', 4, 80, 'TAMNOP75-1052-2025-' || m.mst, 'benchmark', now()
						FROM unnest(?::text[]) AS m (mst)""")) {
			quarters.setString(1, prefix);
			quarters.setArray(2, db.createArrayOf("text", msts));
			quarters.executeUpdate();
			entries.setInt(1, 0);
			entries.setString(2, prefix + "%");
			entries.executeUpdate();
			years.setArray(1, db.createArrayOf("text", msts));
			years.executeUpdate();
			db.commit();
		}
		finally {
			db.setAutoCommit(true);
		}
		analyze(db, "payment.obligation", "payment.ledger_line", "payment.annual_tax");
	}

	/** Checks that each seeded shortfall was assessed through the day, with the interest it accrued. */
	private void checkShortfalls(Connection db, LocalDate day, int finalizations) throws Exception {
		if (finalizations == 0) {
			return;
		}
		String[] msts = msts(finalizations);
		try (PreparedStatement assessed = db.prepareStatement("""
				SELECT count(*), coalesce(min(assessed_total), 0), coalesce(max(assessed_total), 0)
				FROM batch.interest_accrual
				WHERE assessed_through = ? AND payable_item_id = ANY (SELECT 'TAMNOP75-1052-2025-' || unnest(?::text[]))""")) {
			assessed.setObject(1, day);
			assessed.setArray(2, db.createArrayOf("text", msts));
			try (ResultSet row = assessed.executeQuery()) {
				row.next();
				long expected = Math.round(80_000_000 * 0.0003 * ChronoUnit.DAYS.between(LocalDate.of(2026, 1, 30), day));
				System.out.printf("  checked: %,d of %,d provisional CIT shortfalls assessed through %s, %,d VND each "
						+ "(80,000,000 × 0.03 %% a day since 31 January 2026: %,d)%n", row.getLong(1), finalizations, day,
						row.getLong(2), expected);
				if (row.getLong(1) != finalizations || row.getLong(2) != expected || row.getLong(3) != expected) {
					throw new IllegalStateException("Not every shortfall was assessed as computed for " + day);
				}
			}
		}
	}

	/** Valid 10-digit MSTs of this run, so that the gateway books the interest the job publishes. */
	private String[] msts(int taxpayers) {
		String[] msts = new String[taxpayers];
		long base = Math.floorMod((long) this.runId.hashCode(), 800_000L) * 1000L + 100_000_000L;
		long prefix = base;
		for (int t = 0; t < taxpayers; t++) {
			String mst = null;
			while (mst == null) {
				for (int digit = 0; digit < 10 && mst == null; digit++) {
					String candidate = String.format("%09d%d", prefix % 1_000_000_000L, digit);
					mst = TaxpayerId.isValid(candidate) ? candidate : null;
				}
				prefix++;
			}
			msts[t] = mst;
		}
		return msts;
	}

	private JsonNode launch(String batch, LocalDate day) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(batch + "/api/v1/jobs/interest-assessment/executions"))
				.header("Authorization", this.options.officerAuthorization())
				.header("Content-Type", "application/json")
				.timeout(Duration.ofMinutes(30))
				.POST(HttpRequest.BodyPublishers.ofString("{\"assessedFor\":\"" + day + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Launch for " + day + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Fails the run unless the job execution completed: the launch endpoint answers 201 with the execution
	 * whether or not it failed, so a figure printed before this check could be a failed run's. COMPLETED is
	 * also what shows the day was published: the job's publication step ends only once the broker
	 * acknowledged every event it sent, and counts none of them itself.
	 */
	private static void requireCompleted(JsonNode execution, LocalDate day) {
		String status = execution.path("status").asString();
		if (!"COMPLETED".equals(status)) {
			throw new IllegalStateException("The job for " + day + " ended " + status + ": " + execution);
		}
	}

	/**
	 * Checks that every seeded item was assessed through the day and has its assessment recorded in
	 * {@code batch.interest_assessment}, which the assessment step writes before the publication step sends
	 * the rows: a count of what was recorded, not of what was published.
	 */
	private void check(Connection db, LocalDate day, int items) throws Exception {
		try (PreparedStatement assessed = db.prepareStatement("""
				SELECT count(*), (SELECT total_interest FROM batch.interest_run WHERE assessed_for = ?),
					(SELECT count(*) FROM batch.interest_assessment WHERE assessed_for = ? AND payable_item_id LIKE ?)
				FROM batch.interest_accrual WHERE assessed_through = ? AND payable_item_id LIKE ?""")) {
			String ours = "bench-" + this.runId + "-%";
			assessed.setObject(1, day);
			assessed.setObject(2, day);
			assessed.setString(3, ours);
			assessed.setObject(4, day);
			assessed.setString(5, ours);
			try (ResultSet row = assessed.executeQuery()) {
				row.next();
				System.out.printf("  checked: %,d of %,d items assessed through %s, %,d assessments recorded "
						+ "(published: checked by the job's COMPLETED status); the run assessed %,d VND%n",
						row.getLong(1), items, day, row.getLong(3), row.getLong(2));
				if (row.getLong(1) != items || row.getLong(3) != items) {
					throw new IllegalStateException("Not every item was assessed and recorded for " + day);
				}
			}
		}
	}


	private String option(String name, String fallback) {
		return this.options.get(name, fallback);
	}

}

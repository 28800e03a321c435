package etax.benchmarks.bulk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import etax.benchmarks.ReturnStorage;
import etax.benchmarks.filing.FilingWorkload.Document;
import etax.benchmarks.filing.FormSchemas;

/**
 * The ceiling of bulk filing on this machine: each return validated against its form version's cached
 * XSD, then the same rows inserted in JDBC batches, one transaction per batch, a few threads each with
 * its own connection. No framework, no rules, no signature check, no HTTP.
 */
final class BulkCeiling {

	private BulkCeiling() {
	}

	/**
	 * @param count returns inserted
	 * @param invalid returns refused by their XSD (none expected)
	 * @param seconds wall time
	 */
	record Result(int count, int invalid, double seconds) {

		double perSecond() {
			return this.count / this.seconds;
		}

	}

	static Result run(String jdbc, Properties credentials, List<Document> documents, int threads, int batchSize)
			throws Exception {
		FormSchemas schemas = new FormSchemas();
		try (Connection db = DriverManager.getConnection(jdbc, credentials); Statement statement = db.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
			statement.execute("""
					CREATE TABLE IF NOT EXISTS bench.bulk_ceiling (id uuid PRIMARY KEY, received_at timestamptz NOT NULL,
					    form text NOT NULL, xml bytea NOT NULL)""");
			ReturnStorage.likeTheServices(statement, "bench.bulk_ceiling", "xml");
		}
		for (Document document : documents) {
			// compile every form version's XSD before timing, as the services have theirs cached
			String form = FormSchemas.formOf(document.xml());
			if (form != null) {
				schemas.valid(form, document.xml());
			}
		}
		List<Connection> connections = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Connection connection = DriverManager.getConnection(jdbc, credentials);
			connection.setAutoCommit(false);
			connections.add(connection);
		}
		AtomicInteger inserted = new AtomicInteger();
		AtomicInteger invalid = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		try {
			List<Future<?>> slices = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				List<Document> slice = documents.subList(t * documents.size() / threads,
						(t + 1) * documents.size() / threads);
				Connection connection = connections.get(t);
				slices.add(pool.submit(() -> {
					insert(connection, slice, schemas, batchSize, inserted, invalid);
					return null;
				}));
			}
			for (Future<?> slice : slices) {
				slice.get();
			}
		}
		finally {
			pool.shutdown();
			for (Connection connection : connections) {
				connection.close();
			}
		}
		return new Result(inserted.get(), invalid.get(), (System.nanoTime() - start) / 1e9);
	}

	private static void insert(Connection connection, List<Document> documents, FormSchemas schemas, int batchSize,
			AtomicInteger inserted, AtomicInteger invalid) throws Exception {
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO bench.bulk_ceiling (id, received_at, form, xml) VALUES (?, ?, ?, ?)")) {
			int pending = 0;
			for (Document document : documents) {
				String form = FormSchemas.formOf(document.xml());
				if (form == null || !schemas.valid(form, document.xml())) {
					invalid.incrementAndGet();
					continue;
				}
				insert.setObject(1, UUID.randomUUID());
				insert.setTimestamp(2, Timestamp.from(Instant.now()));
				insert.setString(3, form);
				insert.setBytes(4, document.xml());
				insert.addBatch();
				if (++pending == batchSize) {
					insert.executeBatch();
					connection.commit();
					inserted.addAndGet(pending);
					pending = 0;
				}
			}
			if (pending > 0) {
				insert.executeBatch();
				connection.commit();
				inserted.addAndGet(pending);
			}
		}
	}

}

package etax.benchmarks.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import etax.benchmarks.ReturnStorage;

/**
 * The ceiling of filing on this machine: HTTP (the JDK's server, one thread per connection of the load),
 * validation against the form version's cached XSD, and one durable INSERT of the document per request
 * (auto-commit, so each answer waits for its WAL flush), with no framework, no rules, no signature check.
 */
final class BareFilingServer implements AutoCloseable {

	private static final int MAX_BYTES = 5 * 1024 * 1024;

	private final HttpServer server;

	private final ExecutorService threads;

	private final BlockingQueue<Connection> connections;

	private final FormSchemas schemas = new FormSchemas();

	private BareFilingServer(HttpServer server, ExecutorService threads, BlockingQueue<Connection> connections) {
		this.server = server;
		this.threads = threads;
		this.connections = connections;
	}

	/**
	 * Has the JDK's servers answer without Nagle's algorithm, or every answer waits out the client's delayed ACK (about
	 * 40 ms). The JDK reads it when it makes its first server, so it is set before any is made.
	 */
	static void noDelay() {
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	static BareFilingServer start(String jdbc, Properties credentials, int threads) throws IOException, SQLException {
		BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(threads);
		for (int i = 0; i < threads; i++) {
			connections.add(DriverManager.getConnection(jdbc, credentials));
		}
		try (Statement statement = connections.peek().createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
			statement.execute("""
					CREATE TABLE IF NOT EXISTS bench.bare_return (id uuid PRIMARY KEY, received_at timestamptz NOT NULL,
					    form text NOT NULL, xml bytea NOT NULL)""");
			ReturnStorage.likeTheServices(statement, "bench.bare_return", "xml");
		}
		noDelay();
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		BareFilingServer server = new BareFilingServer(http, pool, connections);
		http.createContext("/returns", server::handle);
		http.setExecutor(pool);
		http.start();
		return server;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/returns";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readNBytes(MAX_BYTES + 1);
			}
			if (body.length > MAX_BYTES) {
				respond(exchange, 413, "{}");
				return;
			}
			String form = FormSchemas.formOf(body);
			if (form == null) {
				respond(exchange, 422, "{\"error\":\"unknown form\"}");
				return;
			}
			if (!this.schemas.valid(form, body)) {
				respond(exchange, 422, "{\"error\":\"schema\"}");
				return;
			}
			UUID id = UUID.randomUUID();
			insert(id, form, body);
			respond(exchange, 201, "{\"id\":\"" + id + "\"}");
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			respond(exchange, 500, "{\"error\":\"" + ex.getClass().getSimpleName() + "\"}");
		}
	}

	private void insert(UUID id, String form, byte[] xml) throws SQLException, InterruptedException {
		Connection connection = this.connections.take();
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO bench.bare_return (id, received_at, form, xml) VALUES (?, ?, ?, ?)")) {
			insert.setObject(1, id);
			insert.setTimestamp(2, Timestamp.from(Instant.now()));
			insert.setString(3, form);
			insert.setBytes(4, xml);
			insert.executeUpdate();
		}
		finally {
			this.connections.add(connection);
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() throws SQLException {
		this.server.stop(0);
		this.threads.shutdownNow();
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

}

package etax.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import etax.devstack.TokenIssuer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Stands in for payment-gateway's {@code POST /api/v1/corrections} in this service's tests (the gateway's
 * own tests hold the endpoint to its contract): an HTTP server of this JVM that keeps every request and
 * answers 201, or the status a test sets. A test may also give the answer to one method and path (the
 * console's reads of the gateway's lists, a refused re-drive), in the shape the gateway answers with, and
 * takes it back when done. A test whose context points declaration-api's URL here reads declaration-api's
 * answers the same way.
 */
public final class FakeGateway {

	private static FakeGateway instance;

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 201;

	private final Map<String, Canned> canned = new ConcurrentHashMap<>();

	private FakeGateway(HttpServer server) {
		this.server = server;
		server.createContext("/", this::answer);
		server.start();
	}

	/** @return the server of this JVM, started on first use */
	public static synchronized FakeGateway get() {
		if (instance == null) {
			try {
				instance = new FakeGateway(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** @param status what the next requests are answered with */
	public void answerWith(int status) {
		this.status = status;
	}

	/**
	 * @param method e.g. {@code GET}
	 * @param path without the query
	 * @param status the status to answer with
	 * @param body JSON, or a problem when the status is 300 or more
	 */
	public void answer(String method, String path, int status, String body) {
		this.canned.put(method + " " + path, new Canned(status, body));
	}

	/** Takes back the answers given to methods and paths. */
	public void forgetAnswers() {
		this.canned.clear();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
					new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			Canned given = this.canned.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			int answer = (given != null) ? given.status() : this.status;
			byte[] body = ((given != null) ? given.body() : (answer < 300) ? "{}"
					: "{\"type\":\"https://etax.example/problems/unavailable\",\"status\":" + answer + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.add("Content-Type", (answer < 300) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(answer, body.length);
			out.write(body);
		}
	}

	/**
	 * @param method the HTTP method
	 * @param path the path
	 * @param query the query as sent (still encoded), or null
	 * @param authorization the Authorization header
	 * @param body the body
	 */
	public record Request(String method, String path, String query, String authorization, String body) {

	}

	private record Canned(int status, String body) {

	}

	/** Points the gateway URL of a context at this server, and gives the context its SERVICE token. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("fakeGateway",
						Map.of("etax.batch.reconciliation.gateway-url", get().url(),
								"etax.batch.bulk.declaration-api.token", TokenIssuer.local().service("batch-processor"))));
		}

	}

}

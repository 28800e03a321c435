package etax.benchmarks.filing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A filer's webhook receiver: registered with declaration-api for the load generator's filer, it checks
 * each notice's signature and counts, per return, how long after the return's postmark its notice
 * arrived. Answers 204 at once, as the published latency target assumes.
 */
final class NoticeReceiver implements AutoCloseable {

	private static final Pattern RETURN_ID = Pattern.compile("\"returnId\":\"([0-9a-f-]{36})\"");

	private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	private final HttpServer server;

	private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();

	private final AtomicInteger badSignatures = new AtomicInteger();

	private volatile String secret = "";

	private NoticeReceiver(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a receiver and registers it as a webhook of the filer the token names.
	 * @param api declaration-api's base URL
	 * @param authorization the filer's bearer token
	 * @return the receiver
	 */
	static NoticeReceiver register(String api, String authorization) throws IOException, InterruptedException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		NoticeReceiver receiver = new NoticeReceiver(http);
		http.createContext("/notices", receiver::handle);
		http.setExecutor(Executors.newFixedThreadPool(8));
		http.start();
		HttpResponse<String> registered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/webhooks"))
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://localhost:" + http.getAddress().getPort()
						+ "/notices\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher secret = Pattern.compile("\"secret\":\"([0-9a-f]+)\"").matcher(registered.body());
		if (registered.statusCode() != 201 || !secret.find()) {
			http.stop(0);
			throw new IllegalStateException("Webhook not registered: HTTP " + registered.statusCode() + " "
					+ registered.body());
		}
		receiver.secret = secret.group(1);
		return receiver;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			long arrived = System.currentTimeMillis() * 1000;
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(204, -1);
			if (!signed(exchange.getRequestHeaders().getFirst("X-Etax-Signature"), body)) {
				this.badSignatures.incrementAndGet();
				return;
			}
			Matcher returnId = RETURN_ID.matcher(body);
			Matcher receivedAt = RECEIVED_AT.matcher(body);
			if (returnId.find() && receivedAt.find()) {
				this.deliveries.merge(returnId.group(1), 1, Integer::sum);
				Instant postmark = Instant.parse(receivedAt.group(1));
				this.latenciesMicros.add(arrived - (postmark.getEpochSecond() * 1_000_000 + postmark.getNano() / 1000));
			}
		}
	}

	private boolean signed(String header, String body) {
		Matcher signature = SIGNATURE.matcher(String.valueOf(header));
		if (!signature.matches()) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(this.secret), "HmacSHA256"));
			byte[] expected = mac.doFinal((signature.group(1) + "." + body).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(expected).equals(signature.group(2));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Forgets what arrived so far: the next figures are of the notices that arrive from now on. */
	void reset() {
		this.deliveries.clear();
		this.latenciesMicros.clear();
	}

	/** Returns whose notice arrived since the last reset. */
	int returns() {
		return this.deliveries.size();
	}

	/** Notices that arrived more than once for a return. */
	int repeated() {
		return this.deliveries.values().stream().mapToInt((count) -> count - 1).sum();
	}

	int badSignatures() {
		return this.badSignatures.get();
	}

	/** The {@code p}th percentile of the time from postmark to arrival, in milliseconds. */
	long percentileMillis(double p) {
		long[] sorted = this.latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
		return (sorted.length == 0) ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

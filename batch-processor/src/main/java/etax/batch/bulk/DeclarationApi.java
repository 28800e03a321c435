package etax.batch.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Map;

import etax.batch.BatchProcessorProperties;
import etax.batch.service.ServiceTokenException;
import etax.batch.service.ServiceTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files items through declaration-api's batch-of-returns endpoint ({@code POST /api/v1/returns:batch}) with
 * this service's token ({@link ServiceTokens}, fetched again once when refused), naming the batch's filer, so that each item is decided exactly as if the filer had
 * filed it alone. Items go in as few requests as the request size allows, each with its idempotency key:
 * sent again after a crash or a retry, an item gets its original receipt back and is not filed twice.
 *
 * <ul>
 * <li>declaration-api unreachable, overloaded (429, 502, 503, 504) or answering an item with 503: the
 * request is sent again with doubling delays; after the last retry a {@link DeclarationApiException} fails
 * the chunk, which the job leaves for a restart. No item is marked failed for an outage.</li>
 * <li>A 5xx or 413 for the whole request: some item may break the request itself, so the items are sent one
 * by one (as Direct File isolates a bad return); an item whose own request still fails is
 * {@link ItemStatus#FAILED} with the problem, to be retried on its own. When every item's own request fails
 * too, declaration-api's health decides: down ({@code /actuator/health}, which includes its database), it fails
 * whatever it is sent, an outage as above; up, each item breaks it (a chunk of a few such items alike), and each is
 * {@link ItemStatus#FAILED}.</li>
 * <li>Any other refusal of the request (400, 401, 403) is a configuration error and fails the chunk.</li>
 * </ul>
 */
@Component
class DeclarationApi {

	private static final Logger log = LoggerFactory.getLogger(DeclarationApi.class);

	private static final int ITEM_OVERHEAD_BYTES = 200;

	/**
	 * The most items declaration-api takes in one {@code returns:batch} request (it refuses the whole request
	 * above); {@code chunk-size} is capped at it too, this holds should a chunk ever be larger.
	 */
	static final int MAX_ITEMS_PER_REQUEST = 500;

	private final BatchProcessorProperties.DeclarationApi settings;

	private final JsonMapper json;

	private final HttpClient http;

	private final ServiceTokens tokens;

	DeclarationApi(BatchProcessorProperties properties, JsonMapper json, ServiceTokens tokens) {
		this.settings = properties.bulk().declarationApi();
		this.json = json;
		this.tokens = tokens;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * @param filer who the items are filed as
	 * @param items the items, of one batch
	 * @return one outcome per item, in order
	 * @throws DeclarationApiException if declaration-api cannot file them now
	 */
	List<ItemOutcome> file(Filer filer, List<PendingItem> items) {
		List<ItemOutcome> outcomes = new ArrayList<>(items.size());
		for (List<PendingItem> request : requests(items, (item) -> item.content().length)) {
			outcomes.addAll(fileTogether(filer, request));
		}
		return outcomes;
	}

	private List<ItemOutcome> fileTogether(Filer filer, List<PendingItem> items) {
		Answer answer = send(filer, items);
		if (answer.items() != null) {
			return outcomes(items, answer.items());
		}
		if (!answer.itemMayBreakRequest()) {
			throw refused(answer);
		}
		if (items.size() == 1) {
			unlessDown(answer);
			return List.of(ItemOutcome.failed(items.get(0).itemNo(), answer.status(), problem(answer)));
		}
		log.warn("Batch request failed, filing its items one by one status={} items={}", answer.status(), items.size());
		List<ItemOutcome> outcomes = new ArrayList<>(items.size());
		int broken = 0;
		for (PendingItem item : items) {
			Answer alone = send(filer, List.of(item));
			if (alone.items() != null) {
				outcomes.addAll(outcomes(List.of(item), alone.items()));
				continue;
			}
			if (!alone.itemMayBreakRequest()) {
				throw refused(alone);
			}
			outcomes.add(ItemOutcome.failed(item.itemNo(), alone.status(), problem(alone)));
			broken++;
		}
		if (broken == items.size()) {
			unlessDown(answer);
		}
		return outcomes;
	}

	/**
	 * Asked when every item of a request failed it alone (a request of one item included): an outage fails the
	 * chunk, so that no item is marked failed for it.
	 */
	private void unlessDown(Answer answer) {
		if (!healthy()) {
			throw DeclarationApiException.outage("declaration-api failed the request of every item of the chunk and "
					+ "reports itself down: HTTP " + answer.status());
		}
	}

	/**
	 * Whether declaration-api reports itself up, its database included: asked when it failed every item of a
	 * request alone, to tell items that break it from an outage.
	 */
	private boolean healthy() {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(this.settings.url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			return this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DeclarationApiException.outage("Interrupted while filing");
		}
	}

	private static DeclarationApiException refused(Answer answer) {
		return new DeclarationApiException("declaration-api refused the request: HTTP " + answer.status());
	}

	private Answer send(Filer filer, List<PendingItem> items) {
		byte[] body = body(filer, items);
		Duration delay = this.settings.retryDelay();
		for (int attempt = 0;; attempt++) {
			String failure;
			try {
				Answer answer = exchange(body);
				if (!answer.unavailable()) {
					return answer;
				}
				failure = "HTTP " + answer.status();
			}
			catch (IOException ex) {
				failure = ex.getClass().getSimpleName();
			}
			catch (ServiceTokenException ex) {
				if (!ex.isUnavailable()) {
					throw new DeclarationApiException(ex.getMessage());
				}
				failure = "the identity provider is unavailable";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw DeclarationApiException.outage("Interrupted while filing");
			}
			if (attempt >= this.settings.retries()) {
				throw DeclarationApiException.outage("declaration-api unavailable after " + (attempt + 1)
						+ " attempts: " + failure);
			}
			log.warn("declaration-api unavailable, retrying attempt={} in={} failure={}", attempt + 1, delay, failure);
			pause(delay);
			delay = delay.multipliedBy(2);
		}
	}

	/**
	 * One request; a token declaration-api refuses (revoked, a signing key rotated) is replaced once by a fetched one.
	 * Refused again, the 401 is the answer: a configuration error.
	 */
	private Answer exchange(byte[] body) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = this.http.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() == 401 && this.tokens.refused()) {
			response.body().close();
			response = this.http.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
		}
		return Answer.of(response.statusCode(), response.body(), this.json);
	}

	private HttpRequest request(byte[] body) {
		return HttpRequest.newBuilder(URI.create(this.settings.url() + "/api/v1/returns:batch"))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + this.tokens.current())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private byte[] body(Filer filer, List<PendingItem> items) {
		Map<String, Object> onBehalfOf = new LinkedHashMap<>();
		onBehalfOf.put("subject", filer.subject());
		onBehalfOf.put("role", filer.role().name());
		onBehalfOf.put("mst", filer.mst());
		List<Map<String, Object>> returns = items.stream()
			.map((item) -> Map.<String, Object>of("idempotencyKey", item.idempotencyKey(), "xml", item.content()))
			.toList();
		return this.json.writeValueAsBytes(Map.of("filer", onBehalfOf, "items", returns));
	}

	private List<ItemOutcome> outcomes(List<PendingItem> items, JsonNode results) {
		if (results.size() != items.size()) {
			throw new DeclarationApiException("declaration-api answered " + results.size() + " items for " + items.size());
		}
		List<ItemOutcome> outcomes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			PendingItem item = items.get(i);
			JsonNode result = results.get(i);
			if (!item.idempotencyKey().equals(result.path("idempotencyKey").asString(""))) {
				throw new DeclarationApiException("declaration-api answered the items out of order");
			}
			outcomes.add(ItemOutcome.of(item.itemNo(), result, this.json));
		}
		return outcomes;
	}

	private String problem(Answer answer) {
		try {
			JsonNode body = this.json.readTree(answer.body());
			if (body.isObject()) {
				return this.json.writeValueAsString(body);
			}
		}
		catch (JacksonException notJson) {
			// described below
		}
		return this.json.writeValueAsString(Map.of("type", "https://etax.example/problems/declaration-api-error", "title",
				"declaration-api failed", "status", answer.status()));
	}

	/**
	 * Groups items into requests of at most the configured size (base64 adds a third) and at most
	 * {@link #MAX_ITEMS_PER_REQUEST} items, in order.
	 * @param items items, or what stands for them before their content is read
	 * @param length each one's content's length in bytes
	 * @return the requests
	 */
	<T> List<List<T>> requests(List<T> items, ToIntFunction<T> length) {
		long limit = this.settings.maxRequestSize().toBytes();
		List<List<T>> requests = new ArrayList<>();
		List<T> current = new ArrayList<>();
		long size = 0;
		for (T item : items) {
			long itemSize = length.applyAsInt(item) * 4L / 3 + ITEM_OVERHEAD_BYTES;
			if (!current.isEmpty() && (size + itemSize > limit || current.size() == MAX_ITEMS_PER_REQUEST)) {
				requests.add(current);
				current = new ArrayList<>();
				size = 0;
			}
			current.add(item);
			size += itemSize;
		}
		if (!current.isEmpty()) {
			requests.add(current);
		}
		return requests;
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DeclarationApiException.outage("Interrupted while waiting to retry");
		}
	}

	/**
	 * An answer of declaration-api to one request.
	 * @param status its HTTP status
	 * @param body as sent, but for a 200, whose body is read as it arrives into its per-item results only (receipts
	 * with every finding: the bytes are not held beside them)
	 * @param items the per-item results of a 200, read once
	 */
	private record Answer(int status, byte[] body, @Nullable JsonNode items) {

		static Answer of(int status, InputStream in, JsonMapper json) throws IOException {
			try (InputStream body = in) {
				if (status != 200) {
					return new Answer(status, body.readAllBytes(), null);
				}
				return new Answer(status, new byte[0], json.readTree(body).path("items"));
			}
			catch (JacksonIOException ex) {
				// the answer stopped arriving: as unreachable, worth the same request again
				IOException cause = ex.getCause();
				throw (cause != null) ? cause : new IOException(ex.getMessage(), ex);
			}
		}

		/** A 5xx or 413 for the whole request: an item may be what breaks it. */
		boolean itemMayBreakRequest() {
			return this.status >= 500 || this.status == 413;
		}

		/** Overloaded or down, or unable to file an item for a moment: worth the same request again. */
		boolean unavailable() {
			if (this.status == 429 || this.status == 502 || this.status == 503 || this.status == 504) {
				return true;
			}
			if (this.items == null) {
				return false;
			}
			for (JsonNode item : this.items) {
				if (item.path("status").asInt() == 503) {
					return true;
				}
			}
			return false;
		}

	}

}

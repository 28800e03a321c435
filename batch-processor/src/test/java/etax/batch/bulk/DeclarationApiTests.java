package etax.batch.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import etax.access.Role;
import etax.batch.BatchProcessorProperties;
import etax.batch.service.ServiceTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How answers of declaration-api become item outcomes, against a stand-in server. */
class DeclarationApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Filer AGENT = new Filer("agent-0100109106", Role.AGENT, "0100109106");

	private static final UUID BATCH = UUID.randomUUID();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	/** What the stand-in token endpoint says its tokens live, in seconds. */
	private int tokenLifetime = 3600;

	/** A token the stand-in declaration-api refuses with 401, as it would a revoked one. */
	private String refusedToken = "";

	/** How many requests the stand-in token endpoint fails with 503 before it issues tokens again. */
	private int tokenEndpointFailures;

	/** The client secret the stand-in token endpoint is sent. */
	private String clientSecret = "secret";

	/** What the stand-in declaration-api's health endpoint answers. */
	private int health = 200;

	private HttpServer server;

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void turnsEachItemResultIntoAnOutcomeInOrder() throws IOException {
		DeclarationApi api = api((request) -> new Response(200, results(request, (key) -> key.endsWith(":2")
				? "{\"idempotencyKey\":\"" + key + "\",\"status\":403,\"problem\":{\"type\":\"https://etax.example/problems/filer-not-authorized\"}}"
				: "{\"idempotencyKey\":\"" + key + "\",\"status\":" + (key.endsWith(":3") ? 200 : 201)
						+ ",\"taxOfficeCode\":\"99999\",\"receipt\":{\"returnId\":\"" + UUID.randomUUID()
						+ "\",\"transactionCode\":\"10820260000000042\",\"status\":\"" + (key.endsWith(":1") ? "ACCEPTED" : "NOT_ACCEPTED")
						+ "\",\"findings\":[]}}")));

		List<ItemOutcome> outcomes = api.file(AGENT, items(3));

		assertThat(outcomes).extracting(ItemOutcome::status)
			.containsExactly(ItemStatus.ACCEPTED, ItemStatus.NOT_RECEIVED, ItemStatus.NOT_ACCEPTED);
		assertThat(outcomes).extracting(ItemOutcome::replayed).containsExactly(false, false, true);
		assertThat(outcomes.get(0).transactionCode()).isEqualTo("10820260000000042");
		assertThat(outcomes.get(0).taxOfficeCode()).isEqualTo("99999");
		assertThat(outcomes.get(1).problem()).contains("filer-not-authorized");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void sendsNoMoreItemsInARequestThanDeclarationApiTakes() throws IOException {
		List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
		DeclarationApi api = api((request) -> {
			sizes.add(request.get("items").size());
			return (request.get("items").size() > DeclarationApi.MAX_ITEMS_PER_REQUEST)
					? new Response(400, "{\"type\":\"https://etax.example/problems/too-many-items\",\"status\":400}")
					: new Response(200, results(request, DeclarationApiTests::accepted));
		});

		List<ItemOutcome> outcomes = api.file(AGENT, items(501));

		assertThat(outcomes).hasSize(501).extracting(ItemOutcome::status).containsOnly(ItemStatus.ACCEPTED);
		assertThat(sizes).containsExactly(500, 1);
	}

	@Test
	void isolatesAnItemThatBreaksTheWholeRequestAndRecordsItFailed() throws IOException {
		DeclarationApi api = api((request) -> (request.get("items").size() > 1 || key(request, 0).endsWith(":2"))
				? new Response(500, "{\"type\":\"https://etax.example/problems/internal-error\",\"status\":500}")
				: new Response(200, results(request, DeclarationApiTests::accepted)));

		List<ItemOutcome> outcomes = api.file(AGENT, items(3));

		assertThat(outcomes).extracting(ItemOutcome::status)
			.containsExactly(ItemStatus.ACCEPTED, ItemStatus.FAILED, ItemStatus.ACCEPTED);
		assertThat(outcomes.get(1).problem()).contains("internal-error");
		assertThat(this.requests).hasValue(4);
	}

	@Test
	void aRequestFailingForEveryItemAloneWhileDeclarationApiIsDownIsAnOutageNotFailedItems() throws IOException {
		this.health = 503;
		DeclarationApi api = api((request) -> new Response(500,
				"{\"type\":\"https://etax.example/problems/internal-error\",\"status\":500}"));

		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> api.file(AGENT, items(3)))
			.withMessageContaining("every item")
			.matches(DeclarationApiException::isOutage);
		assertThat(this.requests).as("the chunk's request, then each item's").hasValue(4);
	}

	@Test
	void aRequestOfOneItemFailingWhileDeclarationApiIsDownIsAnOutageNotAFailedItem() throws IOException {
		this.health = 503;
		DeclarationApi api = api((request) -> new Response(500,
				"{\"type\":\"https://etax.example/problems/internal-error\",\"status\":500}"));

		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> api.file(AGENT, items(1)))
			.withMessageContaining("reports itself down");
		this.health = 200;
		assertThat(api.file(AGENT, items(1))).extracting(ItemOutcome::status)
			.as("failed by a healthy declaration-api, it is the item's")
			.containsExactly(ItemStatus.FAILED);
	}

	@Test
	void itemsThatEachBreakAHealthyDeclarationApiAreFailedItemsNotAnOutage() throws IOException {
		DeclarationApi api = api((request) -> new Response(500,
				"{\"type\":\"https://etax.example/problems/internal-error\",\"status\":500}"));

		List<ItemOutcome> outcomes = api.file(AGENT, items(2));

		assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(ItemStatus.FAILED, ItemStatus.FAILED);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.problem()).contains("internal-error"));
		assertThat(this.requests).as("the chunk's request, then each item's").hasValue(3);
	}

	@Test
	void fetchesTheServiceTokenWithTheClientCredentialsGrantAndAgainBeforeItExpires() throws IOException {
		this.tokenLifetime = 30; // within the client's minute of skew: expired at once
		DeclarationApi api = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)), true);

		api.file(AGENT, items(1));
		api.file(AGENT, items(1));

		assertThat(this.authorizations).containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void keepsAFetchedTokenUntilItExpiresAndReplacesOneDeclarationApiRefusesOnce() throws IOException {
		this.refusedToken = "token-1";
		DeclarationApi api = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)), true);

		assertThat(api.file(AGENT, items(2))).extracting(ItemOutcome::status).containsOnly(ItemStatus.ACCEPTED);
		api.file(AGENT, items(1));

		assertThat(this.authorizations).containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2");
		assertThat(this.tokensIssued).hasValue(2);
	}

	@Test
	void aTokenRefusedAgainFailsTheChunkAsAConfigurationError() throws IOException {
		DeclarationApi api = api((request) -> new Response(401, ""), true);

		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> api.file(AGENT, items(1)))
			.withMessageContaining("HTTP 401")
			.matches((ex) -> !ex.isOutage(), "not an outage: a run after it meets it again");
		assertThat(this.authorizations).containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void anIdentityProviderDownIsAnOutageRetriedLikeDeclarationApisOwn() throws IOException {
		this.tokenEndpointFailures = 2;
		DeclarationApi api = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)), true);

		assertThat(api.file(AGENT, items(1))).extracting(ItemOutcome::status).containsOnly(ItemStatus.ACCEPTED);
		assertThat(this.authorizations).containsExactly("Bearer token-1");

		this.tokenLifetime = 30;
		DeclarationApi expiring = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)),
				true);
		this.tokenEndpointFailures = Integer.MAX_VALUE;
		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> expiring.file(AGENT, items(1)))
			.withMessageContaining("unavailable after 3 attempts: the identity provider is unavailable")
			.matches(DeclarationApiException::isOutage);
	}

	@Test
	void credentialsTheIdentityProviderRefusesAreAConfigurationError() throws IOException {
		this.clientSecret = "not-the-secret";
		DeclarationApi api = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)), true);

		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> api.file(AGENT, items(1)))
			.withMessageContaining("No token from the identity provider")
			.matches((ex) -> !ex.isOutage(), "not an outage: a run after it meets it again");
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void retriesAnOutageThenFailsTheChunkWithoutMarkingAnyItem() throws IOException {
		DeclarationApi api = api((request) -> new Response(200, results(request,
				(key) -> "{\"idempotencyKey\":\"" + key + "\",\"status\":503,\"problem\":{}}")));

		assertThatExceptionOfType(DeclarationApiException.class).isThrownBy(() -> api.file(AGENT, items(2)))
			.withMessageContaining("unavailable after 3 attempts")
			.matches(DeclarationApiException::isOutage);
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void anAnswerCutOffBeforeItsEndIsSentAgainAsAnOutage() throws IOException {
		AtomicInteger answered = new AtomicInteger();
		DeclarationApi api = api((request) -> {
			String whole = results(request, DeclarationApiTests::accepted);
			return (answered.incrementAndGet() == 1) ? new Response(200, whole.substring(0, whole.length() / 2), whole.length())
					: new Response(200, whole);
		});

		assertThat(api.file(AGENT, items(2))).extracting(ItemOutcome::status).containsOnly(ItemStatus.ACCEPTED);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void splitsAChunkIntoRequestsOfTheConfiguredSize() throws IOException {
		DeclarationApi api = api((request) -> new Response(200, results(request, DeclarationApiTests::accepted)));
		List<PendingItem> large = List.of(new PendingItem(BATCH, 1, new byte[700_000]),
				new PendingItem(BATCH, 2, new byte[700_000]), new PendingItem(BATCH, 3, new byte[10]));

		assertThat(api.file(AGENT, large)).hasSize(3);
		assertThat(this.requests).hasValue(2);
	}

	private DeclarationApi api(Function<JsonNode, Response> answer) throws IOException {
		return api(answer, false);
	}

	/**
	 * @param answer what the stand-in declaration-api answers a request
	 * @param clientCredentials whether the token comes from the stand-in's token endpoint, as the client registration
	 * {@code declaration-api} fetches it, rather than being a static one
	 */
	private DeclarationApi api(Function<JsonNode, Response> answer, boolean clientCredentials) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/v1/returns:batch", (exchange) -> {
			this.requests.incrementAndGet();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.authorizations.add(authorization);
			Response response = authorization.equals("Bearer " + this.refusedToken) ? new Response(401, "")
					: answer.apply(JSON.readTree(exchange.getRequestBody().readAllBytes()));
			respond(exchange, response);
		});
		this.server.createContext("/actuator/health", (exchange) -> respond(exchange,
				new Response(this.health, "{\"status\":\"" + ((this.health == 200) ? "UP" : "DOWN") + "\"}")));
		this.server.createContext("/oauth2/token", (exchange) -> {
			String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (this.tokenEndpointFailures > 0) {
				this.tokenEndpointFailures--;
				respond(exchange, new Response(503, ""));
				return;
			}
			String client = "Basic " + Base64.getEncoder()
				.encodeToString("batch-processor:secret".getBytes(StandardCharsets.UTF_8));
			boolean valid = form.contains("grant_type=client_credentials")
					&& client.equals(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			respond(exchange, valid ? new Response(200, "{\"access_token\":\"token-" + this.tokensIssued.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.tokenLifetime + "}")
					: new Response(401, "{\"error\":\"invalid_client\"}"));
		});
		this.server.start();
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort();
		ServiceTokens tokens = new ServiceTokens(clientCredentials ? "" : "service-token",
				clientCredentials ? new InMemoryClientRegistrationRepository(ClientRegistration
					.withRegistrationId(ServiceTokens.REGISTRATION)
					.clientId("batch-processor")
					.clientSecret(this.clientSecret)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.tokenUri(url + "/oauth2/token")
					.build()) : null);
		BatchProcessorProperties.DeclarationApi settings = new BatchProcessorProperties.DeclarationApi(
				URI.create(url), "service-token",
				Duration.ofSeconds(10), DataSize.ofMegabytes(1), 2, Duration.ofMillis(10));
		BatchProcessorProperties.Bulk bulk = new BatchProcessorProperties.Bulk(
				new BatchProcessorProperties.Limits(DataSize.ofMegabytes(100), 10_000, DataSize.ofMegabytes(5),
						DataSize.ofGigabytes(1), 100, DataSize.ofKilobytes(16)),
				100, 4, 4, 2, settings, new BatchProcessorProperties.Resume(Duration.ofSeconds(5), Duration.ofSeconds(60),
						Duration.ofSeconds(10), 5),
				new BatchProcessorProperties.Remote(false, false, "etax.batch.bulk-partitions.v1", Duration.ofSeconds(1),
						Duration.ofHours(24), Duration.ofMinutes(30)),
				DataSize.ofMegabytes(256));
		return new DeclarationApi(new BatchProcessorProperties(
				new BatchProcessorProperties.Summary(100, new BatchProcessorProperties.Schedule(false, "0 30 0 * * *")),
				new BatchProcessorProperties.Interest(2000, 2, RoundingMode.HALF_UP, 1, 31,
						new BatchProcessorProperties.Schedule(false, "0 0 1 * * *"), Duration.ofSeconds(60)),
				new BatchProcessorProperties.Retention(Duration.ofDays(90), 500,
						new BatchProcessorProperties.Schedule(false, "0 0 3 * * *")),
				bulk, new BatchProcessorProperties.Reconciliation("http://localhost:8082", Duration.ofSeconds(10), null,
						Duration.ofSeconds(30), 3, 31, new BatchProcessorProperties.Schedule(false, "0 0 6 * * *"),
						Map.of(), null, Duration.ofSeconds(5), DataSize.ofGigabytes(1), 10),
				new BatchProcessorProperties.Console(false, 50)), JSON, tokens);
	}

	private static void respond(HttpExchange exchange, Response response) throws IOException {
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		if (response.declaredLength() > body.length) {
			// the connection drops before the declared end of the answer
			exchange.sendResponseHeaders(response.status(), response.declaredLength());
			exchange.getResponseBody().write(body);
			exchange.getResponseBody().flush();
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(response.status(), (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static List<PendingItem> items(int count) {
		List<PendingItem> items = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			items.add(new PendingItem(BATCH, i, ("<r>" + i + "</r>").getBytes(StandardCharsets.UTF_8)));
		}
		return items;
	}

	private static String results(JsonNode request, Function<String, String> result) {
		List<String> results = new ArrayList<>();
		for (int i = 0; i < request.get("items").size(); i++) {
			results.add(result.apply(key(request, i)));
		}
		return "{\"items\":[" + String.join(",", results) + "]}";
	}

	private static String key(JsonNode request, int index) {
		return request.get("items").get(index).get("idempotencyKey").asString();
	}

	private static String accepted(String key) {
		return "{\"idempotencyKey\":\"" + key + "\",\"status\":201,\"taxOfficeCode\":\"99999\",\"receipt\":{\"returnId\":\""
				+ UUID.randomUUID() + "\",\"transactionCode\":\"10820260000000001\",\"status\":\"ACCEPTED\",\"findings\":[]}}";
	}

	/**
	 * @param declaredLength its Content-Length, longer than its body for an answer cut off
	 */
	private record Response(int status, String body, int declaredLength) {

		Response(int status, String body) {
			this(status, body, 0);
		}

	}

}

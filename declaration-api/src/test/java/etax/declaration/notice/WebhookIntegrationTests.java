package etax.declaration.notice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import etax.devstack.DemoTaxpayers;
import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TestCallers;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.schemas.Samples;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.filer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "etax.declaration.webhooks.allow-plain-http-localhost=true",
		"etax.declaration.webhooks.first-retry=200ms", "etax.declaration.webhooks.poll-interval=100ms",
		"etax.declaration.webhooks.timeout=20s" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(WebhookIntegrationTests.Rebinding.class)
class WebhookIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebhookRepository webhooks;

	@Autowired
	DeliveryRetention retention;

	private HttpServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void startReceiverThatFailsTwice() throws IOException {
		this.receiver = receiver((exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = (this.calls.incrementAndGet() <= 2) ? 500 : 204;
			this.received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Etax-Signature"), status));
			exchange.sendResponseHeaders(status, -1);
		});
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheNoticeOnceMoreSignedAndTheDeliveriesAreVisible() throws Exception {
		JsonNode webhook = register(this.receiver);
		String mst = registeredTaxpayer();

		JsonNode receipt = file(mst);
		String returnId = receipt.get("returnId").asString();

		await().atMost(Duration.ofSeconds(20)).until(() -> ofReturn(returnId).stream().anyMatch((r) -> r.status() == 204));
		Thread.sleep(1500);
		List<Received> attempts = ofReturn(returnId);
		assertThat(attempts).extracting(Received::status).containsExactly(500, 500, 204);
		Received delivered = attempts.get(2);
		String timestamp = delivered.signature().substring(2, delivered.signature().indexOf(','));
		assertThat(delivered.signature()).isEqualTo(WebhookSignatures.sign(webhook.get("secret").asString(),
				Instant.ofEpochSecond(Long.parseLong(timestamp)), delivered.body()));
		JsonNode notice = this.json.readTree(delivered.body());
		assertThat(notice.get("type").asString()).isEqualTo("AcceptanceNotice");
		assertThat(notice.at("/notice/transactionCode").asString()).isEqualTo(receipt.get("transactionCode").asString());
		assertThat(notice.at("/notice/mst").asString()).as("which return it acknowledges").isEqualTo(mst);
		assertThat(notice.at("/notice/formCode").asString()).isEqualTo("01/GTGT");
		assertThat(notice.at("/notice/filingType").asString()).isEqualTo("C");
		assertThat(notice.at("/notice/submissionNumber").asInt()).isZero();
		assertThat(notice.at("/notice/period/kind").asString()).isEqualTo("Q");
		assertThat(notice.at("/notice/period/value").asString()).isEqualTo("1/2026");

		JsonNode deliveries = this.json.readTree(this.mvc
			.perform(get("/api/v1/webhooks/" + webhook.get("id").asString() + "/deliveries").with(filer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		JsonNode delivery = deliveries.valueStream()
			.filter((d) -> returnId.equals(d.get("returnId").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);

		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), "etax.notices.v1",
				(record) -> record.value().contains(returnId), 1, Duration.ofSeconds(20)))
			.singleElement()
			.satisfies((record) -> assertThat(record.key()).isEqualTo(mst));
	}

	@Test
	void aReceiverThatHoldsItsRequestDelaysNoOtherDelivery() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		List<String> fastBodies = new CopyOnWriteArrayList<>();
		HttpServer slow = receiver((exchange) -> {
			awaitQuietly(answer);
			exchange.sendResponseHeaders(204, -1);
		});
		HttpServer fast = receiver((exchange) -> {
			fastBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
		});
		try {
			register(slow);
			register(fast);

			String returnId = file(registeredTaxpayer()).get("returnId").asString();

			await().atMost(Duration.ofSeconds(10)).until(() -> fastBodies.stream().anyMatch((body) -> body.contains(returnId)));
			assertThat(answer.getCount()).as("the slow receiver still holds its request").isOne();
			assertThat(this.meters.get(DeliveryOutcomes.LATENCY).tag("attempt", "first").timer().count()).isPositive();
		}
		finally {
			answer.countDown();
			slow.stop(0);
			fast.stop(0);
		}
	}

	@Test
	void aDeliveryToANameThatResolvesToAnInternalAddressIsNotSentAndRetriedLikeAnUnknownName() throws Exception {
		String rebinder = TokenIssuer.local().tvan("tvan-rebinding");
		JsonNode webhook = this.json.readTree(this.mvc
			.perform(post("/api/v1/webhooks").with(bearer(rebinder))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"https://" + Rebinding.HOST + "/hook\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + registeredTaxpayer() + "</mst>");
		this.mvc.perform(post("/api/v1/returns").with(bearer(rebinder)).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isCreated());

		String deliveries = "/api/v1/webhooks/" + webhook.get("id").asString() + "/deliveries";
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.json.readTree(this.mvc.perform(get(deliveries).with(bearer(rebinder)))
				.andReturn()
				.getResponse()
				.getContentAsString()).at("/0/attempts").asInt() == 1);
		// retried as a name that resolves to nothing is, in the same words: told apart, they would map the network
		this.mvc.perform(get(deliveries).with(bearer(rebinder)))
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[0].attempts").value(1))
			.andExpect(jsonPath("$[0].lastError").value("Not sent: " + Rebinding.HOST
					+ " resolves to no address the service calls (unknown, internal or reserved)"));
		long newest = this.json.readTree(this.mvc.perform(get(deliveries + "?size=1").with(bearer(rebinder)))
			.andExpect(jsonPath("$.length()").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString()).at("/0/id").asLong();
		assertThat(this.json.readTree(this.mvc.perform(get(deliveries + "?before=" + newest).with(bearer(rebinder)))
			.andReturn()
			.getResponse()
			.getContentAsString()).valueStream().map((delivery) -> delivery.get("id").asLong()))
			.as("the older ones").allMatch((id) -> id < newest);
		this.mvc.perform(get(deliveries + "?size=201").with(bearer(rebinder))).andExpect(status().isBadRequest());
	}

	@Test
	void aFilerListsItsWebhooksRemovesOneWhosePendingDeliveriesAreCancelledAndReplacesAnothersSecret() throws Exception {
		String tvan = TokenIssuer.local().tvan("tvan-hooks-" + UUID.randomUUID());
		List<String> signed = new CopyOnWriteArrayList<>();
		HttpServer down = receiver((exchange) -> exchange.sendResponseHeaders(503, -1));
		HttpServer up = receiver((exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			signed.add(exchange.getRequestHeaders().getFirst("X-Etax-Signature") + "\n" + body);
			exchange.sendResponseHeaders(204, -1);
		});
		try {
			String downUrl = "{\"url\":\"http://localhost:" + down.getAddress().getPort() + "/hook\"}";
			String downId = created(post("/api/v1/webhooks").with(bearer(tvan)), downUrl).get("id").asString();
			String upId = created(post("/api/v1/webhooks").with(bearer(tvan)),
					"{\"url\":\"http://localhost:" + up.getAddress().getPort() + "/hook\"}").get("id").asString();
			this.mvc.perform(get("/api/v1/webhooks").with(bearer(tvan)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(downId, upId)))
				.andExpect(jsonPath("$[0].secret").doesNotExist());

			String first = file(registeredTaxpayer(), tvan).get("returnId").asString();
			await().atMost(Duration.ofSeconds(20)).until(() -> signed.stream().anyMatch((s) -> s.contains(first)));
			this.mvc.perform(delete("/api/v1/webhooks/" + downId).with(bearer(tvan))).andExpect(status().isNoContent());
			this.mvc.perform(get("/api/v1/webhooks/" + downId + "/deliveries").with(bearer(tvan)))
				.andExpect(jsonPath("$[0].status").value("CANCELLED"))
				.andExpect(jsonPath("$[0].lastError").value("Not sent: the webhook was removed"));
			this.mvc.perform(get("/api/v1/webhooks").with(bearer(tvan)))
				.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(upId)));
			this.mvc.perform(delete("/api/v1/webhooks/" + downId).with(bearer(tvan)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://etax.example/problems/webhook-not-found"));
			this.mvc.perform(delete("/api/v1/webhooks/" + upId).with(filer())).andExpect(status().isNotFound());
			this.mvc.perform(post("/api/v1/webhooks/" + upId + ":replace-secret").with(filer()))
				.andExpect(status().isNotFound());
			assertThat(created(post("/api/v1/webhooks").with(bearer(tvan)), downUrl).get("id").asString())
				.as("the removed webhook's URL registered again, as a new webhook")
				.isNotEqualTo(downId);

			String secret = this.json.readTree(this.mvc.perform(post("/api/v1/webhooks/" + upId + ":replace-secret")
				.with(bearer(tvan))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.get("secret")
				.asString();
			String second = file(registeredTaxpayer(), tvan).get("returnId").asString();
			await().atMost(Duration.ofSeconds(20)).until(() -> signed.stream().anyMatch((s) -> s.contains(second)));
			String delivery = signed.stream().filter((s) -> s.contains(second)).findFirst().orElseThrow();
			String signature = delivery.substring(0, delivery.indexOf('\n'));
			String body = delivery.substring(delivery.indexOf('\n') + 1);
			Instant at = Instant.ofEpochSecond(Long.parseLong(signature.substring(2, signature.indexOf(','))));
			assertThat(signature).as("signed with the new secret").isEqualTo(WebhookSignatures.sign(secret, at, body));
		}
		finally {
			down.stop(0);
			up.stop(0);
		}
	}

	@Test
	void refusesAPlainHttpWebhookElsewhere() throws Exception {
		this.mvc
			.perform(post("/api/v1/webhooks").with(filer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://example.com/hook\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void refusesWhatIsNoWebhookAsAProblemAndNamesTheOneRegisteredBefore() throws Exception {
		for (String url : new String[] { "https://exa mple.com/x", "https://example.com/a\\u0000b",
				"https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/x" }) {
			registration("{\"url\":\"" + url + "\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-webhook"));
		}
		registration("{\"url\":\"https://example.com/" + "x".repeat(3_000_000) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("url size must be between 0 and 2048"));
		String url = "{\"url\":\"https://hooks.example.com/" + UUID.randomUUID() + "\"}";
		String id = this.json.readTree(registration(url).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("id").asString();
		registration(url).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/webhook-exists"))
			.andExpect(jsonPath("$.webhookId").value(id));
	}

	/**
	 * A pending delivery of a removed webhook (left by a filing that queued its notice while the webhook was being
	 * removed, before deliveries were queued to webhooks in use only) takes no place of the claims: more of them than
	 * there are places in flight still hold up no other filer's notice.
	 */
	@Test
	void pendingDeliveriesOfARemovedWebhookHoldUpNoOtherDelivery() throws Exception {
		String tvan = TokenIssuer.local().tvan("tvan-removed-" + UUID.randomUUID());
		String removed = created(post("/api/v1/webhooks").with(bearer(tvan)),
				"{\"url\":\"http://localhost:9/removed\"}").get("id").asString();
		this.mvc.perform(delete("/api/v1/webhooks/" + removed).with(bearer(tvan))).andExpect(status().isNoContent());
		for (int i = 0; i < 40; i++) {
			this.jdbc.sql("""
					INSERT INTO filing.webhook_delivery (webhook_id, notice_type, event_id, payload, status,
					    next_attempt_at, created_at)
					VALUES (?, 'AcceptanceNotice', ?, '{}', 'PENDING', now() - interval '1 hour', now() - interval '1 hour')
					""").params(UUID.fromString(removed), UUID.randomUUID()).update();
		}
		List<String> bodies = new CopyOnWriteArrayList<>();
		HttpServer up = recording(bodies);
		try {
			String other = TokenIssuer.local().tvan("tvan-other-" + UUID.randomUUID());
			registered(other, up);
			String returnId = file(registeredTaxpayer(), other).get("returnId").asString();

			await().atMost(Duration.ofSeconds(20)).until(() -> bodies.stream().anyMatch((b) -> b.contains(returnId)));
		}
		finally {
			up.stop(0);
		}
	}

	/**
	 * A T-VAN's receiver that is slow to answer a batch's notices holds at most eight places among the deliveries in
	 * flight (in each replica), not all of them: another filer's notice goes through meanwhile, and the batch's are
	 * all delivered once the receiver answers.
	 */
	@Test
	void aSlowReceiverWithManyNoticesDueHoldsAtMostEightPlaces() throws Exception {
		SlowReceiver slow = new SlowReceiver();
		List<String> bodies = new CopyOnWriteArrayList<>();
		HttpServer fast = recording(bodies);
		try {
			String tvan = TokenIssuer.local().tvan("tvan-slow-" + UUID.randomUUID());
			UUID webhook = registered(tvan, slow.server);
			queue(webhook, 40);
			await().atMost(Duration.ofSeconds(10)).until(() -> slow.open.get() == 8);

			String other = TokenIssuer.local().tvan("tvan-fast-" + UUID.randomUUID());
			registered(other, fast);
			String returnId = file(registeredTaxpayer(), other).get("returnId").asString();
			await().atMost(Duration.ofSeconds(10)).until(() -> bodies.stream().anyMatch((b) -> b.contains(returnId)));
			assertThat(slow.mostOpen.get()).as("requests to the slow receiver open at once").isEqualTo(8);

			slow.answer.countDown();
			await().atMost(Duration.ofSeconds(20)).until(() -> slow.answered.get() == 40);
			assertThat(slow.mostOpen.get()).isEqualTo(8);
		}
		finally {
			slow.stop();
			fast.stop(0);
		}
	}

	/**
	 * A filer's webhooks together hold at most eight places (in each replica): three webhooks of one T-VAN whose URLs
	 * differ by their query, each with a batch's notices due, do not take every place from the other filers.
	 */
	@Test
	void aFilersWebhooksTogetherHoldAtMostEightPlaces() throws Exception {
		SlowReceiver slow = new SlowReceiver();
		try {
			String tvan = TokenIssuer.local().tvan("tvan-several-" + UUID.randomUUID());
			for (int i = 0; i < 3; i++) {
				UUID webhook = UUID.fromString(created(post("/api/v1/webhooks").with(bearer(tvan)),
						"{\"url\":\"http://localhost:" + slow.server.getAddress().getPort() + "/hook?copy=" + i + "\"}")
					.get("id")
					.asString());
				queue(webhook, 12);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> slow.open.get() == 8);
			Thread.sleep(500);
			assertThat(slow.mostOpen.get()).as("requests to the filer's webhooks open at once").isEqualTo(8);

			slow.answer.countDown();
			await().atMost(Duration.ofSeconds(20)).until(() -> slow.answered.get() == 36);
			assertThat(slow.mostOpen.get()).isEqualTo(8);
		}
		finally {
			slow.stop();
		}
	}

	/** A receiver that holds every request open until told to answer, counting how many were open at once. */
	private static final class SlowReceiver {

		final CountDownLatch answer = new CountDownLatch(1);

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger mostOpen = new AtomicInteger();

		final AtomicInteger answered = new AtomicInteger();

		final HttpServer server;

		SlowReceiver() throws IOException {
			this.server = receiver((exchange) -> {
				this.mostOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
				awaitQuietly(this.answer);
				this.open.decrementAndGet();
				this.answered.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
			});
		}

		void stop() {
			this.answer.countDown();
			this.server.stop(0);
		}

	}

	/**
	 * A receiver that is down pauses its webhook, each failure for twice as long: while it is paused nothing is sent
	 * to it, a notice queued meanwhile included, and its first answer resumes it and delivers them all.
	 */
	@Test
	void aReceiverThatIsDownPausesItsWebhookUntilItAnswers() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger delivered = new AtomicInteger();
		HttpServer flaky = receiver((exchange) -> {
			calls.incrementAndGet();
			if (down.get()) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			delivered.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
		});
		try {
			String tvan = TokenIssuer.local().tvan("tvan-down-" + UUID.randomUUID());
			UUID webhook = registered(tvan, flaky);
			queue(webhook, 20);

			// the fourth pause lasts 1.6 s with a first retry of 200 ms
			await().atMost(Duration.ofSeconds(20)).until(() -> listed(tvan, webhook).get("failures").asInt() >= 4);
			Instant resumes = Instant.parse(listed(tvan, webhook).get("pausedUntil").asString());
			Thread.sleep(200);
			int sent = calls.get();
			file(registeredTaxpayer(), tvan);
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), resumes).toMillis() - 200));
			assertThat(calls.get()).as("requests while paused").isEqualTo(sent);
			assertThat(sent).as("at most 8 requests a pause").isLessThanOrEqualTo(8 * 5);

			down.set(false);
			await().atMost(Duration.ofSeconds(20)).until(() -> delivered.get() == 21);
			JsonNode resumed = listed(tvan, webhook);
			assertThat(resumed.get("failures").asInt()).isZero();
			assertThat(resumed.get("pausedUntil").isNull()).isTrue();
		}
		finally {
			flaky.stop(0);
		}
	}

	/**
	 * A pause longer than a lease and the resume after it leave a delivery in flight alone: it is not made due again
	 * and sent a second time while its first request is still open.
	 */
	@Test
	void aPauseAndAResumeLeaveADeliveryInFlightAlone() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		AtomicInteger requests = new AtomicInteger();
		HttpServer holding = receiver((exchange) -> {
			requests.incrementAndGet();
			awaitQuietly(answer);
			exchange.sendResponseHeaders(204, -1);
		});
		try {
			String tvan = TokenIssuer.local().tvan("tvan-held-" + UUID.randomUUID());
			UUID webhook = registered(tvan, holding);
			queue(webhook, 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() == 1);

			// another delivery's failure pauses the webhook for longer than the lease (failures 10: 200 ms · 2^10)
			this.jdbc.sql("UPDATE filing.webhook SET failures = 10 WHERE id = ?").param(webhook).update();
			this.webhooks.pause(webhook, Instant.now(), Duration.ofMillis(200), Duration.ofHours(1));
			// and another one's answer resumes it
			this.webhooks.resume(webhook, Instant.now());
			Thread.sleep(1000);
			assertThat(requests.get()).as("requests for the one notice").isEqualTo(1);

			answer.countDown();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.sql("SELECT status FROM filing.webhook_delivery WHERE webhook_id = ?")
					.param(webhook)
					.query(String.class)
					.single()
					.equals("DELIVERED"));
			assertThat(requests.get()).isEqualTo(1);
		}
		finally {
			answer.countDown();
			holding.stop(0);
		}
	}

	private JsonNode listed(String token, UUID webhook) throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/v1/webhooks").with(bearer(token)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString())
			.valueStream()
			.filter((w) -> w.get("id").asString().equals(webhook.toString()))
			.findFirst()
			.orElseThrow();
	}

	/** Queues notices due now for a webhook, as a batch's filings would. */
	private void queue(UUID webhook, int notices) {
		for (int i = 0; i < notices; i++) {
			this.jdbc.sql("""
					INSERT INTO filing.webhook_delivery (webhook_id, notice_type, event_id, payload, status,
					    next_attempt_at, created_at)
					SELECT id, 'AcceptanceNotice', ?, '{}', 'PENDING', GREATEST(now(), paused_until), now()
					FROM filing.webhook WHERE id = ?
					""").params(UUID.randomUUID(), webhook).update();
		}
	}

	/**
	 * A delivery pending past the longest age fails, and one ended past the retention is removed with its notice;
	 * younger ones stay as they are.
	 */
	@Test
	void endsDeliveriesPendingTooLongAndRemovesThoseEndedLongAgo() throws Exception {
		String tvan = TokenIssuer.local().tvan("tvan-gone-" + UUID.randomUUID());
		UUID webhook = UUID.fromString(created(post("/api/v1/webhooks").with(bearer(tvan)),
				"{\"url\":\"https://gone.example/hook\"}").get("id").asString());
		Instant now = Instant.now();
		long stale = delivery(webhook, "PENDING", now.minus(Duration.ofDays(8)), now.plus(Duration.ofHours(1)));
		long young = delivery(webhook, "PENDING", now.minus(Duration.ofDays(6)), now.plus(Duration.ofHours(1)));
		long old = delivery(webhook, "DELIVERED", now.minus(Duration.ofDays(31)), now);
		long recent = delivery(webhook, "FAILED", now.minus(Duration.ofDays(29)), now);

		DeliveryRetention.Ended ended = this.retention.end(now, Duration.ofDays(7), Duration.ofDays(30));

		assertThat(ended.expired()).isGreaterThanOrEqualTo(1);
		assertThat(ended.removed()).isGreaterThanOrEqualTo(1);
		assertThat(statusOf(stale)).isEqualTo("FAILED");
		assertThat(this.jdbc.sql("SELECT last_error FROM filing.webhook_delivery WHERE id = ?")
			.param(stale)
			.query(String.class)
			.single()).isEqualTo("Not delivered within 7 days: the receiver did not take it");
		assertThat(statusOf(young)).isEqualTo("PENDING");
		assertThat(statusOf(old)).as("removed").isNull();
		assertThat(statusOf(recent)).isEqualTo("FAILED");
	}

	private long delivery(UUID webhook, String status, Instant createdAt, Instant nextAttemptAt) {
		return this.jdbc.sql("""
				INSERT INTO filing.webhook_delivery (webhook_id, notice_type, event_id, payload, status, next_attempt_at,
				    created_at)
				VALUES (?, 'AcceptanceNotice', ?, '{}', ?, ?, ?) RETURNING id""")
			.params(webhook, UUID.randomUUID(), status, java.sql.Timestamp.from(nextAttemptAt),
					java.sql.Timestamp.from(createdAt))
			.query(Long.class)
			.single();
	}

	private @org.jspecify.annotations.Nullable String statusOf(long delivery) {
		return this.jdbc.sql("SELECT status FROM filing.webhook_delivery WHERE id = ?")
			.param(delivery)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Each webhook is a place among the deliveries in flight that a slow receiver holds: a filer has ten at most. */
	@Test
	void aFilerHasAtMostTenWebhooksInUse() throws Exception {
		String tvan = TokenIssuer.local().tvan("tvan-many-" + UUID.randomUUID());
		String first = null;
		for (int i = 0; i < 10; i++) {
			String id = created(post("/api/v1/webhooks").with(bearer(tvan)),
					"{\"url\":\"http://localhost:9/hook" + i + "\"}").get("id").asString();
			first = (first != null) ? first : id;
		}
		this.mvc
			.perform(post("/api/v1/webhooks").with(bearer(tvan))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://localhost:9/hook10\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-webhook"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 10")));

		this.mvc.perform(delete("/api/v1/webhooks/" + first).with(bearer(tvan))).andExpect(status().isNoContent());
		created(post("/api/v1/webhooks").with(bearer(tvan)), "{\"url\":\"http://localhost:9/hook10\"}");
	}

	private ResultActions registration(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/webhooks").with(filer()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private JsonNode register(HttpServer receiver) throws Exception {
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/webhooks").with(filer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://localhost:" + receiver.getAddress().getPort() + "/hook\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return this.json.readTree(this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode file(String mst) throws Exception {
		return file(mst, TokenIssuer.local().tvan(TestCallers.TVAN));
	}

	private JsonNode file(String mst, String token) throws Exception {
		String xml = new String(Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml"), StandardCharsets.UTF_8)
			.replace("<mst>0313829148</mst>", "<mst>" + mst + "</mst>");
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns").with(bearer(token)).contentType(MediaType.APPLICATION_XML).content(xml))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private UUID registered(String token, HttpServer receiver) throws Exception {
		return UUID.fromString(created(post("/api/v1/webhooks").with(bearer(token)),
				"{\"url\":\"http://localhost:" + receiver.getAddress().getPort() + "/hook\"}").get("id").asString());
	}

	/** A receiver that answers 204 to each notice, and keeps its body. */
	private static HttpServer recording(List<String> bodies) throws IOException {
		return receiver((exchange) -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
		});
	}

	private static HttpServer receiver(HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/hook", (exchange) -> {
			try (exchange) {
				handler.handle(exchange);
			}
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		return server;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Received> ofReturn(String returnId) {
		return this.received.stream().filter((r) -> r.body().contains(returnId)).toList();
	}

	private String registeredTaxpayer() {
		String mst = DemoTaxpayers.newMst();
		this.jdbc.sql("""
				INSERT INTO filing.taxpayer (mst, name, status, e_filing, filing_frequency, tax_office_code, chapter)
				VALUES (?, 'CÔNG TY THỬ NGHIỆM', 'ACTIVE', true, 'Q', '99999', '754')
				""").param(mst).update();
		return mst;
	}

	record Received(String body, String signature, int status) {

	}

	/**
	 * A resolver that answers one made-up name with an address the service must not call (the unspecified
	 * address: nothing is ever sent there, even by mistake), and every other name as the system does.
	 */
	@TestConfiguration
	static class Rebinding {

		static final String HOST = "rebinding.test";

		@Bean
		HostResolver hostResolver() {
			return (host) -> HOST.equals(host) ? new InetAddress[] { InetAddress.getByAddress(host, new byte[4]) }
					: HostResolver.SYSTEM.resolve(host);
		}

	}

}

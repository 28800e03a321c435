package etax.declaration.notice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import etax.devstack.DemoTaxpayers;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notices batch-processor and the gateway publish on {@code etax.notices.v1} reach the webhooks of the filer or
 * taxpayer they concern, once each, through a real broker and database.
 */
@SpringBootTest(properties = { "etax.declaration.webhooks.allow-plain-http-localhost=true",
		"etax.declaration.webhooks.poll-interval=100ms" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class NoticeRelayIntegrationTests {

	private static final Duration QUIET = Duration.ofSeconds(2);

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<String, String> kafka;

	private final List<HttpServer> receivers = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopReceivers() {
		this.receivers.forEach((receiver) -> receiver.stop(0));
	}

	@Test
	void aBatchsCompletionReachesItsFilersWebhookOnceThoughPublishedTwice() throws Exception {
		String name = "tvan-relay-" + UUID.randomUUID();
		String tvan = TokenIssuer.local().tvan(name);
		String other = TokenIssuer.local().tvan("tvan-relay-" + UUID.randomUUID());
		List<String> received = new CopyOnWriteArrayList<>();
		List<String> receivedByOther = new CopyOnWriteArrayList<>();
		String webhookId = register(tvan, received);
		register(other, receivedByOther);

		UUID eventId = UUID.randomUUID();
		String notice = batchCompleted(eventId, name, Instant.now());
		publish("batch", notice);
		publish("batch", notice);

		await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
		Thread.sleep(QUIET.toMillis());
		assertThat(received).as("one delivery, the record as published").containsExactly(notice);
		assertThat(receivedByOther).isEmpty();
		JsonNode delivery = deliveries(tvan, webhookId).get(0);
		assertThat(delivery.get("type").asString()).isEqualTo("BatchCompleted");
		assertThat(delivery.get("eventId").asString()).isEqualTo(eventId.toString());
		assertThat(delivery.get("returnId").isNull()).isTrue();
		assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
	}

	@Test
	void aMonthsArrearsNoticeReachesOnlyTheWebhooksTheTaxpayerRegisteredForItself() throws Exception {
		String mst = DemoTaxpayers.newMst();
		List<String> ofTaxpayer = new CopyOnWriteArrayList<>();
		List<String> ofAnotherTaxpayer = new CopyOnWriteArrayList<>();
		List<String> ofTvan = new CopyOnWriteArrayList<>();
		register(TokenIssuer.local().taxpayer(mst), ofTaxpayer);
		register(TokenIssuer.local().taxpayer(DemoTaxpayers.newMst()), ofAnotherTaxpayer);
		register(TokenIssuer.local().tvan("tvan-relay-" + UUID.randomUUID()), ofTvan);

		String notice = arrearsNotified(UUID.randomUUID(), mst, Instant.now());
		publish(mst, notice);

		await().atMost(Duration.ofSeconds(20)).until(() -> !ofTaxpayer.isEmpty());
		Thread.sleep(QUIET.toMillis());
		assertThat(ofTaxpayer).containsExactly(notice);
		assertThat(ofAnotherTaxpayer).isEmpty();
		assertThat(ofTvan).isEmpty();
	}

	/** A head office's token acts for its branches: a branch's notice reaches the head office's webhooks too. */
	@Test
	void aBranchsArrearsNoticeReachesItsHeadOfficesWebhooksToo() throws Exception {
		String head = DemoTaxpayers.newMst();
		List<String> ofHeadOffice = new CopyOnWriteArrayList<>();
		List<String> ofAnotherBranch = new CopyOnWriteArrayList<>();
		register(TokenIssuer.local().taxpayer(head), ofHeadOffice);
		register(TokenIssuer.local().taxpayer(head + "-002"), ofAnotherBranch);

		String notice = arrearsNotified(UUID.randomUUID(), head + "-001", Instant.now());
		publish(head + "-001", notice);

		await().atMost(Duration.ofSeconds(20)).until(() -> !ofHeadOffice.isEmpty());
		Thread.sleep(QUIET.toMillis());
		assertThat(ofHeadOffice).containsExactly(notice);
		assertThat(ofAnotherBranch).isEmpty();
	}

	@Test
	void aNoticeIssuedBeforeTheWebhookWasRegisteredIsNotSentThere() throws Exception {
		String mst = DemoTaxpayers.newMst();
		List<String> received = new CopyOnWriteArrayList<>();
		register(TokenIssuer.local().taxpayer(mst), received);

		publish(mst, arrearsNotified(UUID.randomUUID(), mst, Instant.now().minus(Duration.ofHours(1))));
		String current = arrearsNotified(UUID.randomUUID(), mst, Instant.now());
		publish(mst, current);

		await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
		Thread.sleep(QUIET.toMillis());
		assertThat(received).containsExactly(current);
	}

	@Test
	void aRecordThatIsNoNoticeIsPassedOverAndTheNextOneStillArrives() throws Exception {
		String mst = DemoTaxpayers.newMst();
		List<String> received = new CopyOnWriteArrayList<>();
		register(TokenIssuer.local().taxpayer(mst), received);

		publish(mst, "{not json");
		publish(mst, "{\"type\":\"ArrearsNotified\",\"eventId\":\"not a uuid\",\"mst\":\"" + mst + "\"}");
		publish(mst, "{\"type\":\"ArrearsNotified\",\"eventId\":\"" + UUID.randomUUID() + "\"}");
		String notice = arrearsNotified(UUID.randomUUID(), mst, Instant.now());
		publish(mst, notice);

		await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
		Thread.sleep(QUIET.toMillis());
		assertThat(received).containsExactly(notice);
	}

	private void publish(String key, String value) throws Exception {
		this.kafka.send(Notices.TOPIC, key, value).get();
	}

	private String batchCompleted(UUID eventId, String filer, Instant at) {
		UUID batch = UUID.randomUUID();
		return this.json.writeValueAsString(Map.of("eventId", eventId, "type", "BatchCompleted", "version", 1,
				"occurredAt", at, "batchId", batch, "status", "COMPLETED", "filer", filer, "items", 2, "counts",
				Map.of("received", 2, "accepted", 1, "notAccepted", 1, "failed", 0), "href",
				"/api/v1/batches/" + batch + "/items"));
	}

	private String arrearsNotified(UUID eventId, String mst, Instant at) {
		return this.json.writeValueAsString(Map.of("eventId", eventId, "type", "ArrearsNotified", "version", 1,
				"occurredAt", at, "noticeId", eventId, "mst", mst, "month", "2026-10", "asOf", "2026-10-31", "totalTax",
				22_000_000, "totalInterest", 99_000));
	}

	private String register(String token, List<String> bodies) throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			try (exchange) {
				bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
			}
		});
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.start();
		this.receivers.add(receiver);
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/webhooks").with(bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"http://localhost:" + receiver.getAddress().getPort() + "/hook\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
	}

	private JsonNode deliveries(String token, String webhookId) throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/v1/webhooks/" + webhookId + "/deliveries").with(bearer(token)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}

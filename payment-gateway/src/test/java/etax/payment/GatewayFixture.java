package etax.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks.Line;
import etax.payment.confirmation.PaymentRecording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.assertj.core.api.AbstractStringAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the gateway's integration tests share, so that each test reads as its story: a producer
 * on the test broker ({@link TestProducer}), the MockMvc and JdbcClient of the one shared context, the
 * ledger's invariants checked after every test ({@link LedgerAssertions}), and the events a test sends as
 * declaration-api and a bank would. Register it on a {@link GatewayIntegrationTest} class as a static field:
 * {@code @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();}
 */
public final class GatewayFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The dev bank the tests pay through (its key is a test resource, {@link DevBanks}). */
	public static final String BANK = "01202001";

	/** How long a test waits for the listeners. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final TestProducer producer = new TestProducer();

	private @Nullable MockMvc mvc;

	private @Nullable JdbcClient jdbc;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.producer.beforeAll(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.producer.afterAll(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		this.mvc = application.getBean(MockMvc.class);
		this.jdbc = application.getBean(JdbcClient.class);
	}

	/** The ledger stays balanced after every test, whatever it did. */
	@Override
	public void afterEach(ExtensionContext context) {
		LedgerAssertions.assertBalanced(jdbc());
	}

	public MockMvc mvc() {
		return Objects.requireNonNull(this.mvc, "set before each test");
	}

	public JdbcClient jdbc() {
		return Objects.requireNonNull(this.jdbc, "set before each test");
	}

	public LedgerReads reads() {
		return new LedgerReads(jdbc(), mvc());
	}

	/**
	 * Publishes a record and waits until the broker has it.
	 * @return where it was written
	 */
	public RecordMetadata publish(String topic, String key, String value, Map<String, String> headers) {
		return this.producer.publish(topic, key, value, headers);
	}

	/**
	 * Publishes a payable item of sub-item 1701 for period 00/Q1/2026, as declaration-api does, and waits until the
	 * ledger owes it.
	 * @return the item's id
	 */
	public String booked(String mst, long amount, String dueDate) {
		String item = UUID.randomUUID().toString();
		publishItem(mst, item, amount, dueDate);
		reads().awaitOutstanding(item, amount);
		return item;
	}

	/** Publishes a payable item of sub-item 1701 for period 00/Q1/2026, as declaration-api does. */
	public void publishItem(String mst, String itemId, long amount, String dueDate) {
		publishItem(mst, itemId, "1701", "00/Q1/2026", amount, dueDate);
	}

	/**
	 * Publishes a payable item of sub-item 1701 for period 00/Q1/2026 filed with a tax office, as declaration-api
	 * does since the event names it ({@code taxOfficeCode}); the other publishers send the event's earlier shape.
	 */
	public void publishItem(String mst, String itemId, long amount, String dueDate, String taxOffice) {
		publish("etax.payable-items.v1", mst, payableItem(UUID.randomUUID(), mst, itemId, "1701", "00/Q1/2026", amount,
				dueDate).replaceFirst("}$", ",\"taxOfficeCode\":\"" + taxOffice + "\"}"), Map.of());
	}

	/** Publishes a payable item (a negative amount is a supplement's decrease), as declaration-api does. */
	public void publishItem(String mst, String itemId, String subItem, String taxPeriod, long amount, String dueDate) {
		publish("etax.payable-items.v1", mst, payableItem(UUID.randomUUID(), mst, itemId, subItem, taxPeriod, amount,
				dueDate), Map.of());
	}

	/**
	 * A {@code PayableItemCreated} event (version 1, chapter 754, VND) as declaration-api published it before the
	 * event named the return's tax office.
	 */
	public static String payableItem(UUID eventId, String mst, String itemId, String subItem, String taxPeriod,
			long amount, String dueDate) {
		return """
				{"eventId":"%s","type":"PayableItemCreated","version":1,"occurredAt":"2026-04-15T03:12:09.123Z",\
				"payableItemId":"%s","returnId":"%s","transactionCode":"10820260000000042","mst":"%s","chapter":"754",\
				"subItem":"%s","taxPeriod":"%s","amount":%d,"currency":"VND","dueDate":"%s",\
				"paymentReference":"PR-%s"}""".formatted(eventId, itemId, UUID.randomUUID(), mst, subItem, taxPeriod, amount,
				dueDate, itemId.substring(0, 8));
	}

	/**
	 * Publishes the bank's signed confirmation of a payment by the taxpayer.
	 * @return the confirmation as published
	 */
	public String pay(String mst, String reference, String paymentDate, List<Line> lines) {
		String confirmation = DevBanks.confirmation(BANK, reference, mst, paymentDate, lines);
		publishSigned(mst, confirmation);
		return confirmation;
	}

	/** Publishes a confirmation (a payment or a reversal) signed by the bank. */
	public void publishSigned(String mst, String confirmation) {
		publish(PaymentRecording.CONFIRMATIONS_TOPIC, mst, confirmation,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, confirmation)));
	}

	/** The bank's confirmation that it reversed a payment, line for line. */
	public static String reversal(String reference, String reversed, String mst, String paymentDate, List<Line> lines) {
		return DevBanks.confirmation(BANK, reference, mst, paymentDate, lines)
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"" + reversed + "\"");
	}

	/**
	 * Waits for the dead letter of a confirmation and asserts why it was dead-lettered.
	 * @return the dead letter
	 */
	public static ConsumerRecord<String, String> awaitDeadLetter(String reference, String reason) {
		List<ConsumerRecord<String, String>> dead = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				PaymentRecording.DEAD_LETTER_TOPIC, (record) -> record.value() != null && record.value().contains(reference),
				1, TIMEOUT);
		assertThat(dead).singleElement().satisfies((record) -> assertThat(header(record, "etax.dlq.reason")).isEqualTo(reason));
		return dead.get(0);
	}

	/** A header of a record, as text. */
	public static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/** Posts a JSON body with a bearer token, as an officer's tool calls the gateway. */
	public MockHttpServletResponse call(String path, String body, String token) throws Exception {
		return mvc().perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(bearer(token)))
			.andReturn()
			.getResponse();
	}

	/**
	 * Asserts an RFC 9457 problem of the status and type.
	 * @return an assertion on its detail
	 */
	public static AbstractStringAssert<?> assertProblem(MockHttpServletResponse response, int status, String type)
			throws Exception {
		JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(response.getStatus()).as(problem.toString()).isEqualTo(status);
		assertThat(problem.path("type").stringValue()).isEqualTo("https://etax.example/problems/" + type);
		return assertThat(problem.path("detail").stringValue());
	}

}

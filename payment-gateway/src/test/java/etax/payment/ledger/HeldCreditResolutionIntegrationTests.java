package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import etax.access.Caller;
import etax.access.Role;
import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayIntegrationTest;
import etax.payment.LedgerAssertions;
import etax.payment.TestProducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Officers resolve a credit held for them (ADR 0006): one proposes applying it to the item it names, or
 * releasing it to the payer, another approves, and the ledger of the right taxpayer shows it at once, announced
 * like any allocation. Once per credit, by officers of the payment's tax office or national ones only.
 */
@GatewayIntegrationTest
class HeldCreditResolutionIntegrationTests {

	private static final String BANK = "01202001";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String OFFICER = TokenIssuer.local().officer("99999");

	private static final String APPROVER = TokenIssuer.local().approver("99999", "lan");

	@RegisterExtension
	static final TestProducer producer = new TestProducer();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void ledgerStaysBalanced() {
		LedgerAssertions.assertBalanced(this.jdbc);
	}

	private LedgerReads reads() {
		return new LedgerReads(this.jdbc, this.mvc);
	}

	@Test
	void appliesAHeldCreditToTheItemItNamedOnceTwoOfficersAgree() throws Exception {
		String payer = DevBanks.mst(9711);
		String other = DevBanks.mst(9712);
		String theirs = UUID.randomUUID().toString();
		publishItem(other, theirs, 22_000_000, "2026-05-04");
		reads().awaitOutstanding(theirs, 22_000_000);
		pay(payer, "HLR2026042000000001", List.of(Line.naming(theirs, "1701", 500_000)));
		JsonNode held = awaitHeld(theirs);
		assertThat(held.path("lineNumber").intValue()).isOne();

		String request = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000001", 1, "approver-lan");
		assertThat(call("/api/v1/corrections/proposals", request, APPROVER).getStatus()).isEqualTo(201);
		assertProblem(call("/api/v1/corrections", request, APPROVER), 403, "four-eyes");
		assertProblem(call("/api/v1/corrections", request, OFFICER), 403, "approver-required");
		assertThat(reads().outstanding(theirs)).as("nothing moves before the approval").isEqualByComparingTo("22000000");

		MockHttpServletResponse recorded = call("/api/v1/corrections", request,
				TokenIssuer.local().approver("99999", "minh"));
		assertThat(recorded.getStatus()).isEqualTo(201);
		assertThat(JSON.readTree(recorded.getContentAsString(StandardCharsets.UTF_8)).path("approvedBy").stringValue())
			.isEqualTo("approver-minh");

		assertThat(reads().outstanding(theirs)).as("the named item is paid by the held money")
			.isEqualByComparingTo("21500000");
		JsonNode theirBalance = reads().balance(other);
		assertThat(theirBalance.path("periods").get(0).path("paid").decimalValue()).isEqualByComparingTo("500000");
		assertThat(reads().balance(payer).path("totalCredit").decimalValue()).as("the payer's credit is spent").isZero();
		assertThat(this.jdbc.sql("""
				SELECT value_date::text FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(theirs)
			.query(String.class)
			.single()).as("paid on the payment's date").isEqualTo("2026-04-20");
		assertThat(held(theirs)).as("no longer waiting").isEmpty();
		JsonNode resolved = resolved(theirs).orElseThrow();
		assertThat(resolved.path("resolution").path("kind").stringValue()).isEqualTo("APPLY_HELD");
		assertThat(resolved.path("resolution").path("applied").decimalValue()).isEqualByComparingTo("500000");
		assertThat(resolved.path("resolution").path("released").decimalValue()).isZero();
		assertThat(resolved.path("resolution").path("requestedBy").stringValue()).isEqualTo("approver-lan");
		assertThat(resolved.path("resolution").path("approvedBy").stringValue()).isEqualTo("approver-minh");

		List<ConsumerRecord<String, String>> allocated = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				PaymentAllocated.TOPIC, (r) -> r.value().contains(theirs) && r.value().contains("\"APPLIED\""), 1,
				TIMEOUT);
		assertThat(allocated).singleElement().satisfies((r) -> {
			assertThat(r.key()).as("announced to the item's taxpayer").isEqualTo(other);
			JsonNode applied = JSON.readTree(r.value()).path("allocations").get(0);
			assertThat(applied.path("payableItemId").stringValue()).isEqualTo(theirs);
			assertThat(applied.path("amount").decimalValue()).isEqualByComparingTo("500000");
			assertThat(applied.path("outstandingAfter").decimalValue()).isEqualByComparingTo("21500000");
			assertThat(applied.path("postingId").stringValue()).isEqualTo(held.path("postingId").stringValue());
		});

		// the bank reversing the payment takes the money back from the item it was applied to
		String reversal = DevBanks.confirmation(BANK, "HLR2026042100000001", payer, "2026-04-21",
				List.of(Line.naming(theirs, "1701", 500_000)))
			.replace("\"status\":\"DEBITED\"", "\"status\":\"REVERSED\",\"reversalOf\":\"HLR2026042000000001\"");
		producer.publish("bank.payment-confirmations.v1", payer, reversal,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, reversal)));
		reads().awaitOutstanding(theirs, 22_000_000);
		assertThat(reads().balance(payer).path("totalCredit").decimalValue()).isZero();
	}

	@Test
	void releasesAHeldCreditAsThePayersOwnWhichPaysThePayersOpenItem() throws Exception {
		String payer = DevBanks.mst(9713);
		String other = DevBanks.mst(9714);
		String theirs = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		publishItem(other, theirs, 5_000_000, "2026-05-04");
		publishItem(payer, own, 2_000_000, "2026-01-20");
		reads().awaitOutstanding(theirs, 5_000_000);
		reads().awaitOutstanding(own, 2_000_000);
		pay(payer, "HLR2026042000000002", List.of(Line.naming(theirs, "1701", 700_000)));
		awaitHeld(theirs);

		String request = request(UUID.randomUUID(), "RELEASE_HELD", "HLR2026042000000002", 1, "officer-99999");
		assertThat(call("/api/v1/corrections/proposals", request, OFFICER).getStatus()).isEqualTo(201);
		assertThat(call("/api/v1/corrections", request, TokenIssuer.local()
			.token(new Caller("national-approver", Role.NATIONAL_OFFICER, null, null, null, true))).getStatus())
			.as("a national approver may approve").isEqualTo(201);

		assertThat(reads().outstanding(own)).as("offset against the payer's open item like any credit")
			.isEqualByComparingTo("1300000");
		assertThat(reads().outstanding(theirs)).isEqualByComparingTo("5000000");
		assertThat(reads().balance(payer).path("waitingCredits")).isEmpty();
		assertThat(held(theirs)).isEmpty();
		assertThat(resolved(theirs).orElseThrow().path("resolution").path("released").decimalValue())
			.isEqualByComparingTo("700000");
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), PaymentAllocated.TOPIC,
				(r) -> r.value().contains(own) && r.value().contains("\"APPLIED\""), 1, TIMEOUT))
			.singleElement()
			.satisfies((r) -> assertThat(r.key()).isEqualTo(payer));
	}

	@Test
	void resolvesAHeldCreditOnceAlsoWhenTwoApprovalsRace() throws Exception {
		String payer = DevBanks.mst(9715);
		String other = DevBanks.mst(9716);
		String theirs = UUID.randomUUID().toString();
		publishItem(other, theirs, 9_000_000, "2026-05-04");
		reads().awaitOutstanding(theirs, 9_000_000);
		pay(payer, "HLR2026042000000003", List.of(Line.naming(theirs, "1701", 1_000_000)));
		awaitHeld(theirs);

		List<String> requests = new ArrayList<>();
		for (String kind : List.of("APPLY_HELD", "RELEASE_HELD", "APPLY_HELD")) {
			String request = request(UUID.randomUUID(), kind, "HLR2026042000000003", 1, "officer-99999");
			assertThat(call("/api/v1/corrections/proposals", request, OFFICER).getStatus()).isEqualTo(201);
			requests.add(request);
		}
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<MockHttpServletResponse>> approvals = new ArrayList<>();
			for (String request : requests.subList(0, 2)) {
				Callable<MockHttpServletResponse> approve = () -> call("/api/v1/corrections", request, APPROVER);
				approvals.add(threads.submit(approve));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<MockHttpServletResponse> approval : approvals) {
				statuses.add(approval.get().getStatus());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			threads.shutdown();
		}
		assertProblem(call("/api/v1/corrections", requests.get(2), APPROVER), 409, "held-credit-resolved")
			.contains("resolved once");
		assertProblem(call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "HLR2026042000000003", 1, "officer-99999"), OFFICER), 409,
				"held-credit-resolved");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM payment.held_credit_resolution r JOIN payment.credit c USING (credit_id)
				WHERE c.payment_key = ?""").param(BANK + ":HLR2026042000000003").query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?""")
			.param("HLR2026042000000003")
			.query(Long.class)
			.single()).as("a refused resolution records no request").isOne();
		assertThat(reads().balance(payer).path("totalCredit").decimalValue().add(
				reads().balance(other).path("periods").get(0).path("paid").decimalValue()))
			.as("the held money is applied or released once, not both").isEqualByComparingTo("1000000");
	}

	@Test
	void refusesTaxpayersBanksAndOfficersOfAnotherOffice() throws Exception {
		String payer = DevBanks.mst(9717);
		String other = DevBanks.mst(9718);
		String theirs = UUID.randomUUID().toString();
		publishItem(other, theirs, 3_000_000, "2026-05-04");
		reads().awaitOutstanding(theirs, 3_000_000);
		pay(payer, "HLR2026042000000004", List.of(Line.naming(theirs, "1701", 300_000)));
		awaitHeld(theirs);
		String request = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 1, "officer-70129");

		for (var caller : List.of(taxpayer(payer), taxpayer(other), bank(BANK))) {
			for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
				assertThat(this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(request).with(caller))
					.andReturn()
					.getResponse()
					.getStatus()).isEqualTo(403);
			}
		}
		assertProblem(call("/api/v1/corrections/proposals", request, TokenIssuer.local().officer("70129")), 403,
				"outside-tax-office")
			.contains("70129");
		String ours = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 1, "officer-99999");
		assertThat(call("/api/v1/corrections/proposals", ours, OFFICER).getStatus()).isEqualTo(201);
		assertProblem(call("/api/v1/corrections", ours, TokenIssuer.local().approver("70129", "binh")), 403,
				"outside-tax-office");
		assertProblem(call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 2, "officer-99999"), OFFICER), 422,
				"invalid-correction");
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?")
			.param("HLR2026042000000004")
			.query(Long.class)
			.single()).isZero();
		assertThat(reads().outstanding(theirs)).isEqualByComparingTo("3000000");
		assertThat(held(theirs)).isPresent();
	}

	private MockHttpServletResponse call(String path, String body, String token) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(bearer(token)))
			.andReturn()
			.getResponse();
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(MockHttpServletResponse response,
			int status, String type) throws Exception {
		JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(response.getStatus()).as(problem.toString()).isEqualTo(status);
		assertThat(problem.path("type").stringValue()).isEqualTo("https://etax.example/problems/" + type);
		return assertThat(problem.path("detail").stringValue());
	}

	private static String request(UUID id, String kind, String reference, int line, String requestedBy) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000077","kind":"%s","bankCode":"%s","bankReference":"%s",\
				"lineNumber":%d,"reason":"người nộp nộp thay","sourceReference":"credits/held","requestedBy":"%s"}"""
			.formatted(id, kind, BANK, reference, line, requestedBy);
	}

	private JsonNode awaitHeld(String itemId) {
		await().atMost(TIMEOUT).until(() -> held(itemId).isPresent());
		try {
			return held(itemId).orElseThrow();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Optional<JsonNode> held(String itemId) throws Exception {
		return page("/api/v1/credits/held?size=500", itemId);
	}

	private Optional<JsonNode> resolved(String itemId) throws Exception {
		return page("/api/v1/credits/held?size=500&resolved=true", itemId);
	}

	private Optional<JsonNode> page(String uri, String itemId) throws Exception {
		JsonNode page = JSON.readTree(this.mvc.perform(get(uri).with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		return page.path("items")
			.valueStream()
			.filter((c) -> c.path("namedItem").path("payableItemId").stringValue().equals(itemId))
			.findFirst();
	}

	private void publishItem(String mst, String itemId, long amount, String dueDate) {
		String event = """
				{"eventId":"%s","type":"PayableItemCreated","version":1,"occurredAt":"2026-04-15T03:12:09.123Z",\
				"payableItemId":"%s","returnId":"%s","transactionCode":"10820260000000042","mst":"%s","chapter":"754",\
				"subItem":"1701","taxPeriod":"00/Q1/2026","amount":%d,"currency":"VND","dueDate":"%s",\
				"paymentReference":"PR-%s"}""".formatted(UUID.randomUUID(), itemId, UUID.randomUUID(), mst, amount, dueDate,
				itemId.substring(0, 8));
		producer.publish("etax.payable-items.v1", mst, event, Map.of());
	}

	private static void pay(String mst, String reference, List<Line> lines) {
		String value = DevBanks.confirmation(BANK, reference, mst, "2026-04-20", lines);
		producer.publish("bank.payment-confirmations.v1", mst, value,
				Map.of(DevBanks.SIGNATURE, DevBanks.sign(BANK, value)));
	}

}

package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static etax.payment.GatewayFixture.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Officers resolve a credit held for them (ADR 0006): one proposes applying it to the item it names, or
 * releasing it to the payer, another approves, and the ledger of the right taxpayer shows it at once, announced
 * like any allocation. Once per credit, by officers of the payment's tax office or national ones only.
 */
@GatewayIntegrationTest
class HeldCreditResolutionIntegrationTests {

	private static final String OFFICER = TokenIssuer.local().officer("99999");

	private static final String APPROVER = TokenIssuer.local().approver("99999", "lan");

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void appliesAHeldCreditToTheItemItNamedOnceTwoOfficersAgree() throws Exception {
		String payer = DevBanks.mst(9711);
		String other = DevBanks.mst(9712);
		String theirs = UUID.randomUUID().toString();
		gateway.publishItem(other, theirs, 22_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(theirs, 22_000_000);
		gateway.pay(payer, "HLR2026042000000001", "2026-04-20", List.of(Line.naming(theirs, "1701", 500_000)));
		JsonNode held = gateway.reads().awaitHeld(theirs);
		assertThat(held.path("lineNumber").intValue()).isOne();

		String request = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000001", 1, "approver-lan");
		assertThat(gateway.call("/api/v1/corrections/proposals", request, APPROVER).getStatus()).isEqualTo(201);
		assertProblem(gateway.call("/api/v1/corrections", request, APPROVER), 403, "four-eyes");
		assertProblem(gateway.call("/api/v1/corrections", request, OFFICER), 403, "approver-required");
		assertThat(gateway.reads().outstanding(theirs)).as("nothing moves before the approval").isEqualByComparingTo("22000000");

		MockHttpServletResponse recorded = gateway.call("/api/v1/corrections", request,
				TokenIssuer.local().approver("99999", "minh"));
		assertThat(recorded.getStatus()).isEqualTo(201);
		assertThat(JSON.readTree(recorded.getContentAsString(StandardCharsets.UTF_8)).path("approvedBy").stringValue())
			.isEqualTo("approver-minh");

		assertThat(gateway.reads().outstanding(theirs)).as("the named item is paid by the held money")
			.isEqualByComparingTo("21500000");
		JsonNode theirBalance = gateway.reads().balance(other);
		assertThat(theirBalance.path("periods").get(0).path("paid").decimalValue()).isEqualByComparingTo("500000");
		assertThat(gateway.reads().balance(payer).path("totalCredit").decimalValue()).as("the payer's credit is spent").isZero();
		assertThat(gateway.jdbc().sql("""
				SELECT value_date::text FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(theirs)
			.query(String.class)
			.single()).as("paid on the payment's date").isEqualTo("2026-04-20");
		assertThat(gateway.reads().held(theirs)).as("no longer waiting").isEmpty();
		JsonNode resolved = gateway.reads().resolved(theirs).orElseThrow();
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
		gateway.publishSigned(payer, reversal("HLR2026042100000001", "HLR2026042000000001", payer, "2026-04-21",
				List.of(Line.naming(theirs, "1701", 500_000))));
		gateway.reads().awaitOutstanding(theirs, 22_000_000);
		assertThat(gateway.reads().balance(payer).path("totalCredit").decimalValue()).isZero();
	}

	@Test
	void releasesAHeldCreditAsThePayersOwnWhichPaysThePayersOpenItem() throws Exception {
		String payer = DevBanks.mst(9713);
		String other = DevBanks.mst(9714);
		String theirs = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		gateway.publishItem(other, theirs, 5_000_000, "2026-05-04");
		gateway.publishItem(payer, own, 2_000_000, "2026-01-20");
		gateway.reads().awaitOutstanding(theirs, 5_000_000);
		gateway.reads().awaitOutstanding(own, 2_000_000);
		gateway.pay(payer, "HLR2026042000000002", "2026-04-20", List.of(Line.naming(theirs, "1701", 700_000)));
		gateway.reads().awaitHeld(theirs);

		String request = request(UUID.randomUUID(), "RELEASE_HELD", "HLR2026042000000002", 1, "officer-99999");
		assertThat(gateway.call("/api/v1/corrections/proposals", request, OFFICER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", request, TokenIssuer.local()
			.token(new Caller("national-approver", Role.NATIONAL_OFFICER, null, null, null, true))).getStatus())
			.as("a national approver may approve").isEqualTo(201);

		assertThat(gateway.reads().outstanding(own)).as("offset against the payer's open item like any credit")
			.isEqualByComparingTo("1300000");
		assertThat(gateway.reads().outstanding(theirs)).isEqualByComparingTo("5000000");
		assertThat(gateway.reads().balance(payer).path("waitingCredits")).isEmpty();
		assertThat(gateway.reads().held(theirs)).isEmpty();
		assertThat(gateway.reads().resolved(theirs).orElseThrow().path("resolution").path("released").decimalValue())
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
		gateway.publishItem(other, theirs, 9_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(theirs, 9_000_000);
		gateway.pay(payer, "HLR2026042000000003", "2026-04-20", List.of(Line.naming(theirs, "1701", 1_000_000)));
		gateway.reads().awaitHeld(theirs);

		List<String> requests = new ArrayList<>();
		for (String kind : List.of("APPLY_HELD", "RELEASE_HELD", "APPLY_HELD")) {
			String request = request(UUID.randomUUID(), kind, "HLR2026042000000003", 1, "officer-99999");
			assertThat(gateway.call("/api/v1/corrections/proposals", request, OFFICER).getStatus()).isEqualTo(201);
			requests.add(request);
		}
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<MockHttpServletResponse>> approvals = new ArrayList<>();
			for (String request : requests.subList(0, 2)) {
				Callable<MockHttpServletResponse> approve = () -> gateway.call("/api/v1/corrections", request, APPROVER);
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
		assertProblem(gateway.call("/api/v1/corrections", requests.get(2), APPROVER), 409, "held-credit-resolved")
			.contains("resolved once");
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "HLR2026042000000003", 1, "officer-99999"), OFFICER), 409,
				"held-credit-resolved");
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.held_credit_resolution r JOIN payment.credit c USING (credit_id)
				WHERE c.payment_key = ?""").param(BANK + ":HLR2026042000000003").query(Long.class).single()).isOne();
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?""")
			.param("HLR2026042000000003")
			.query(Long.class)
			.single()).as("a refused resolution records no request").isOne();
		assertThat(gateway.reads().balance(payer).path("totalCredit").decimalValue().add(
				gateway.reads().balance(other).path("periods").get(0).path("paid").decimalValue()))
			.as("the held money is applied or released once, not both").isEqualByComparingTo("1000000");
	}

	@Test
	void refusesTaxpayersBanksAndOfficersOfAnotherOffice() throws Exception {
		String payer = DevBanks.mst(9717);
		String other = DevBanks.mst(9718);
		String theirs = UUID.randomUUID().toString();
		gateway.publishItem(other, theirs, 3_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(theirs, 3_000_000);
		gateway.pay(payer, "HLR2026042000000004", "2026-04-20", List.of(Line.naming(theirs, "1701", 300_000)));
		gateway.reads().awaitHeld(theirs);
		String request = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 1, "officer-70129");

		for (var caller : List.of(taxpayer(payer), taxpayer(other), bank(BANK))) {
			for (String path : List.of("/api/v1/corrections/proposals", "/api/v1/corrections")) {
				assertThat(gateway.mvc().perform(post(path).contentType(MediaType.APPLICATION_JSON).content(request).with(caller))
					.andReturn()
					.getResponse()
					.getStatus()).isEqualTo(403);
			}
		}
		assertProblem(gateway.call("/api/v1/corrections/proposals", request, TokenIssuer.local().officer("70129")), 403,
				"outside-tax-office")
			.contains("70129");
		String ours = request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 1, "officer-99999");
		assertThat(gateway.call("/api/v1/corrections/proposals", ours, OFFICER).getStatus()).isEqualTo(201);
		assertProblem(gateway.call("/api/v1/corrections", ours, TokenIssuer.local().approver("70129", "binh")), 403,
				"outside-tax-office");
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "APPLY_HELD", "HLR2026042000000004", 2, "officer-99999"), OFFICER), 422,
				"invalid-correction");
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.correction_request WHERE bank_reference = ?")
			.param("HLR2026042000000004")
			.query(Long.class)
			.single()).isZero();
		assertThat(gateway.reads().outstanding(theirs)).isEqualByComparingTo("3000000");
		assertThat(gateway.reads().held(theirs)).isPresent();
	}

	private static String request(UUID id, String kind, String reference, int line, String requestedBy) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000077","kind":"%s","bankCode":"%s","bankReference":"%s",\
				"lineNumber":%d,"reason":"người nộp nộp thay","sourceReference":"credits/held","requestedBy":"%s"}"""
			.formatted(id, kind, BANK, reference, line, requestedBy);
	}

}

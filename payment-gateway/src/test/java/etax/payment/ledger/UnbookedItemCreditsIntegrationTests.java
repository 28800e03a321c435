package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static etax.devstack.TestCallers.bearer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A payment line naming a payable item that is never booked (a typing error in the id, an item of another system)
 * (ADR 0006, "Credits waiting for an item never booked"): the money waits for the item as long as it may still
 * arrive, then officers of the payment's office find it among the held credits and may release it to the payer,
 * whose due item of the sub-item it then pays, as paid on the payment date. An item that does arrive before the
 * release takes the money as it always did. The tests' wait is {@link #WAIT} (GatewayIntegrationTest), 30 days in
 * a deployment.
 */
@GatewayIntegrationTest
class UnbookedItemCreditsIntegrationTests {

	/** {@code etax.payment.ledger.unbooked-item-wait} of the shared test context. */
	private static final Duration WAIT = Duration.ofSeconds(8);

	private static final String OFFICER = TokenIssuer.local().officer("99999");

	private static final String APPROVER = TokenIssuer.local().approver("99999", "lan");

	private static final String OTHER_OFFICE = TokenIssuer.local().officer("70299");

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void holdsACreditForAnItemNeverBookedOnlyAfterTheWaitAndAnOfficerReleasesItToThePayersDueItem() throws Exception {
		String payer = DevBanks.mst(9731);
		String own = UUID.randomUUID().toString();
		String typo = UUID.randomUUID().toString();
		gateway.publishItem(payer, own, 2_000_000, "2026-01-20", "99999");
		gateway.reads().awaitOutstanding(own, 2_000_000);

		gateway.pay(payer, "UNB2026042000000001", "2026-04-20", List.of(Line.naming(typo, "1701", 700_000)));
		await().atMost(TIMEOUT).until(() -> "ITEM".equals(waitsFor(payer)));
		assertThat(gateway.reads().held(typo)).as("within the wait the item may still arrive: no officer's business")
			.isEmpty();
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "UNB2026042000000001", "officer-99999"), OFFICER), 422,
				"invalid-correction")
			.contains("not booked");
		assertThat(gateway.reads().outstanding(own)).as("the named money is not offset meanwhile")
			.isEqualByComparingTo("2000000");

		JsonNode held = gateway.reads().awaitHeld(typo);
		assertThat(Duration.between(creditedAt(typo), Instant.now())).as("listed only once the wait is over")
			.isGreaterThanOrEqualTo(WAIT);
		assertThat(held.path("reason").stringValue()).isEqualTo("ITEM_NEVER_BOOKED");
		assertThat(held.path("payerMst").stringValue()).isEqualTo(payer);
		assertThat(held.path("subItem").stringValue()).isEqualTo("1701");
		assertThat(held.path("remaining").decimalValue()).isEqualByComparingTo("700000");
		assertThat(held.path("paidOn").stringValue()).isEqualTo("2026-04-20");
		assertThat(held.path("bankReference").stringValue()).isEqualTo("UNB2026042000000001");
		assertThat(held.path("lineNumber").intValue()).isOne();
		assertThat(held.path("namedItem").path("mst").isString()).as("no taxpayer has the item").isFalse();
		String creditId = held.path("creditId").stringValue();

		// the payment's collecting agency is office 99999's: another office neither sees it nor acts on it
		assertThat(listed(OFFICER)).contains(creditId);
		assertThat(listed(OTHER_OFFICE)).doesNotContain(creditId);
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "UNB2026042000000001", "officer-70299"), OTHER_OFFICE), 403,
				"outside-tax-office");
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "APPLY_HELD", "UNB2026042000000001", "officer-99999"), OFFICER), 422,
				"invalid-correction")
			.contains("never booked");

		String release = request(UUID.randomUUID(), "RELEASE_HELD", "UNB2026042000000001", "officer-99999");
		assertThat(gateway.call("/api/v1/corrections/proposals", release, OFFICER).getStatus()).isEqualTo(201);
		assertThat(gateway.call("/api/v1/corrections", release, APPROVER).getStatus()).isEqualTo(201);

		assertThat(gateway.reads().outstanding(own)).as("general money of 1701 now, offset against the due item")
			.isEqualByComparingTo("1300000");
		assertThat(gateway.jdbc().sql("""
				SELECT value_date::text FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(own)
			.query(String.class)
			.single()).as("paid on the payment's date, so no interest runs from then").isEqualTo("2026-04-20");
		JsonNode balance = gateway.reads().balance(payer);
		assertThat(balance.path("waitingCredits")).isEmpty();
		assertThat(balance.path("totalCredit").decimalValue()).isZero();
		assertThat(gateway.reads().held(typo)).isEmpty();
		JsonNode resolved = gateway.reads().resolved(typo).orElseThrow();
		assertThat(resolved.path("reason").stringValue()).isEqualTo("ITEM_NEVER_BOOKED");
		assertThat(resolved.path("resolution").path("kind").stringValue()).isEqualTo("RELEASE_HELD");
		assertThat(resolved.path("resolution").path("released").decimalValue()).isEqualByComparingTo("700000");
		assertThat(resolved.path("resolution").path("applied").decimalValue()).isZero();
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), PaymentAllocated.TOPIC,
				(r) -> r.value().contains(own) && r.value().contains("\"APPLIED\""), 1, TIMEOUT))
			.singleElement()
			.satisfies((r) -> assertThat(r.key()).isEqualTo(payer));
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "UNB2026042000000001", "officer-99999"), OFFICER), 409,
				"held-credit-resolved");
	}

	@Test
	void paysTheItemAsBeforeWhenItArrivesWithinTheWait() throws Exception {
		String payer = DevBanks.mst(9733);
		String arrears = UUID.randomUUID().toString();
		String later = UUID.randomUUID().toString();
		gateway.publishItem(payer, arrears, 1_000_000, "2026-01-20", "99999");
		gateway.reads().awaitOutstanding(arrears, 1_000_000);
		gateway.pay(payer, "UNB2026042000000002", "2026-04-20", List.of(Line.naming(later, "1701", 700_000)));
		await().atMost(TIMEOUT).until(() -> "ITEM".equals(waitsFor(payer)));
		assertThat(gateway.reads().held(later)).isEmpty();

		gateway.publishItem(payer, later, 5_000_000, "2026-05-04", "99999");
		gateway.reads().awaitOutstanding(later, 4_300_000);

		assertThat(gateway.reads().outstanding(arrears)).as("the payer named the item: the money pays it")
			.isEqualByComparingTo("1000000");
		assertThat(gateway.jdbc().sql("""
				SELECT value_date::text FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(later)
			.query(String.class)
			.single()).isEqualTo("2026-04-20");
		assertThat(gateway.reads().balance(payer).path("waitingCredits")).isEmpty();
		// once the wait is over there is nothing to hold: the credit is spent
		await().pollDelay(WAIT).atMost(TIMEOUT).until(() -> gateway.reads().held(later).isEmpty());
		assertThat(Duration.between(creditedAt(later), Instant.now())).isGreaterThanOrEqualTo(WAIT);
	}

	@Test
	void paysTheItemWhenItArrivesAfterTheWaitButBeforeARelease() throws Exception {
		String payer = DevBanks.mst(9735);
		String late = UUID.randomUUID().toString();
		gateway.pay(payer, "UNB2026042000000003", "2026-04-20", List.of(Line.naming(late, "1701", 400_000)));
		gateway.reads().awaitHeld(late);

		gateway.publishItem(payer, late, 1_000_000, "2026-05-04", "99999");
		gateway.reads().awaitOutstanding(late, 600_000);

		assertThat(gateway.reads().held(late)).as("the item took its money: nothing is held").isEmpty();
		assertThat(gateway.reads().balance(payer).path("totalCredit").decimalValue()).isZero();
		assertProblem(gateway.call("/api/v1/corrections/proposals",
				request(UUID.randomUUID(), "RELEASE_HELD", "UNB2026042000000003", "officer-99999"), OFFICER), 422,
				"invalid-correction");
	}

	private static String waitsFor(String mst) throws Exception {
		JsonNode waitsFor = gateway.reads().balance(mst).path("waitingCredits").path(0).path("waitsFor");
		return waitsFor.isString() ? waitsFor.stringValue() : "";
	}

	/** When the credit of the payment line naming the item was booked, with its payment. */
	private static Instant creditedAt(String itemId) {
		return gateway.jdbc()
			.sql("SELECT created_at FROM payment.credit WHERE credit_id IN (SELECT credit_id FROM payment.ledger_line "
					+ "WHERE item_id = ? AND entry_type = 'PAYMENT_CREDITED')")
			.param(itemId)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	/** The credit ids an officer lists as held. */
	private static String listed(String token) throws Exception {
		return JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/credits/held?size=500").with(bearer(token)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).path("items").toString();
	}

	private static String request(UUID id, String kind, String reference, String requestedBy) {
		return """
				{"correctionId":"%s","requestNumber":"TS-2026-000078","kind":"%s","bankCode":"%s","bankReference":"%s",\
				"lineNumber":1,"reason":"mã khoản phải nộp sai","sourceReference":"credits/held","requestedBy":"%s"}"""
			.formatted(id, kind, BANK, reference, requestedBy);
	}

}

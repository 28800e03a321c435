package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayIntegrationTest;
import etax.payment.LedgerAssertions;
import etax.payment.TestProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A payment line naming another taxpayer's payable item: the money waits as the payer's credit naming the
 * item, until an officer acts (ADR 0006). It pays neither the named item nor the payer's own items, the
 * payer's balance shows it as waiting, and officers find it in the held credits.
 */
@GatewayIntegrationTest
class HeldCreditsIntegrationTests {

	private static final String BANK = "01202001";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	void keepsAPaymentNamingAnotherTaxpayersItemWaitingForAnOfficer() throws Exception {
		String payer = DevBanks.mst(9701);
		String other = DevBanks.mst(9702);
		String theirs = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		publishItem(other, theirs, 22_000_000, "2026-05-04");
		publishItem(payer, own, 2_000_000, "2026-01-20");
		reads().awaitOutstanding(theirs, 22_000_000);
		reads().awaitOutstanding(own, 2_000_000);

		pay(payer, "HLD2026042000000001", List.of(Line.naming(theirs, "1701", 500_000)));

		JsonNode held = awaitHeld(theirs);
		assertThat(held.path("payerMst").stringValue()).isEqualTo(payer);
		assertThat(held.path("subItem").stringValue()).isEqualTo("1701");
		assertThat(held.path("amount").decimalValue()).isEqualByComparingTo("500000");
		assertThat(held.path("remaining").decimalValue()).isEqualByComparingTo("500000");
		assertThat(held.path("paidOn").stringValue()).isEqualTo("2026-04-20");
		assertThat(held.path("bankCode").stringValue()).isEqualTo(BANK);
		assertThat(held.path("bankReference").stringValue()).isEqualTo("HLD2026042000000001");
		assertThat(held.path("namedItem").path("mst").stringValue()).isEqualTo(other);
		assertThat(held.path("namedItem").path("outstanding").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(reads().outstanding(theirs)).as("the named taxpayer's item is not paid before an officer acts")
			.isEqualByComparingTo("22000000");
		assertThat(reads().outstanding(own)).as("nor is the money offset against the payer's own open item")
			.isEqualByComparingTo("2000000");

		// the payer's next obligation of the sub-item does not absorb it either
		String next = UUID.randomUUID().toString();
		publishItem(payer, next, 300_000, "2026-07-20");
		reads().awaitOutstanding(next, 300_000);
		assertThat(reads().outstanding(own)).isEqualByComparingTo("2000000");

		JsonNode balance = reads().balance(payer);
		assertThat(balance.path("totalCredit").decimalValue()).isEqualByComparingTo("500000");
		assertThat(balance.path("waitingCredits")).singleElement().satisfies((credit) -> {
			assertThat(credit.path("payableItemId").stringValue()).isEqualTo(theirs);
			assertThat(credit.path("waitsFor").stringValue()).isEqualTo("OFFICER");
			assertThat(credit.path("amount").decimalValue()).isEqualByComparingTo("500000");
			assertThat(credit.path("creditId").stringValue()).isEqualTo(held.path("creditId").stringValue());
		});
		JsonNode theirBalance = reads().balance(other);
		assertThat(theirBalance.path("totalOutstanding").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(theirBalance.path("totalCredit").decimalValue()).isZero();
		assertThat(theirBalance.path("waitingCredits")).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment.ledger_line WHERE item_id = ? AND account = 'TAXPAYER_OBLIGATION'")
			.param(theirs)
			.query(Long.class)
			.single()).as("only its booking touches the named item").isOne();
	}

	@Test
	void keepsACreditWaitingWhenTheItemItNamedArrivesAsAnotherTaxpayers() throws Exception {
		String payer = DevBanks.mst(9703);
		String other = DevBanks.mst(9704);
		String later = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		publishItem(payer, own, 1_000_000, "2026-01-20");
		reads().awaitOutstanding(own, 1_000_000);
		pay(payer, "HLD2026042000000002", List.of(Line.naming(later, "1701", 700_000)));
		await().atMost(TIMEOUT)
			.until(() -> waiting(payer).map((c) -> c.path("waitsFor").stringValue()).orElse("").equals("ITEM"));
		assertThat(held(later)).as("an item not booked yet is no officer's business").isEmpty();

		publishItem(other, later, 5_000_000, "2026-05-04");
		reads().awaitOutstanding(later, 5_000_000);

		assertThat(waiting(payer)).hasValueSatisfying((credit) -> {
			assertThat(credit.path("payableItemId").stringValue()).isEqualTo(later);
			assertThat(credit.path("waitsFor").stringValue()).isEqualTo("OFFICER");
			assertThat(credit.path("amount").decimalValue()).isEqualByComparingTo("700000");
		});
		assertThat(held(later)).isPresent();
		assertThat(reads().outstanding(own)).isEqualByComparingTo("1000000");
	}

	@Test
	void listsHeldCreditsInPagesToOfficersOnly() throws Exception {
		String payer = DevBanks.mst(9705);
		this.mvc.perform(get("/api/v1/credits/held").with(taxpayer(payer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/credits/held").with(bank(BANK))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/credits/held?size=501").with(officer())).andExpect(status().isBadRequest());
		JsonNode page = JSON.readTree(this.mvc.perform(get("/api/v1/credits/held?page=0&size=1").with(officer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.path("page").intValue()).isZero();
		assertThat(page.path("size").intValue()).isOne();
		assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
		assertThat(page.path("totalElements").longValue()).isGreaterThanOrEqualTo(page.path("items").size());
	}

	private Optional<JsonNode> waiting(String mst) throws Exception {
		return reads().balance(mst).path("waitingCredits").valueStream().findFirst();
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
		JsonNode page = JSON.readTree(this.mvc.perform(get("/api/v1/credits/held?size=500").with(officer()))
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

package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.assertProblem;
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

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void keepsAPaymentNamingAnotherTaxpayersItemWaitingForAnOfficer() throws Exception {
		String payer = DevBanks.mst(9701);
		String other = DevBanks.mst(9702);
		String theirs = UUID.randomUUID().toString();
		String own = UUID.randomUUID().toString();
		gateway.publishItem(other, theirs, 22_000_000, "2026-05-04");
		gateway.publishItem(payer, own, 2_000_000, "2026-01-20");
		gateway.reads().awaitOutstanding(theirs, 22_000_000);
		gateway.reads().awaitOutstanding(own, 2_000_000);

		gateway.pay(payer, "HLD2026042000000001", "2026-04-20", List.of(Line.naming(theirs, "1701", 500_000)));

		JsonNode held = gateway.reads().awaitHeld(theirs);
		assertThat(held.path("payerMst").stringValue()).isEqualTo(payer);
		assertThat(held.path("subItem").stringValue()).isEqualTo("1701");
		assertThat(held.path("amount").decimalValue()).isEqualByComparingTo("500000");
		assertThat(held.path("remaining").decimalValue()).isEqualByComparingTo("500000");
		assertThat(held.path("paidOn").stringValue()).isEqualTo("2026-04-20");
		assertThat(held.path("bankCode").stringValue()).isEqualTo(BANK);
		assertThat(held.path("bankReference").stringValue()).isEqualTo("HLD2026042000000001");
		assertThat(held.path("namedItem").path("mst").stringValue()).isEqualTo(other);
		assertThat(held.path("namedItem").path("outstanding").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(gateway.reads().outstanding(theirs)).as("the named taxpayer's item is not paid before an officer acts")
			.isEqualByComparingTo("22000000");
		assertThat(gateway.reads().outstanding(own)).as("nor is the money offset against the payer's own open item")
			.isEqualByComparingTo("2000000");

		// the payer's next obligation of the sub-item does not absorb it either
		String next = UUID.randomUUID().toString();
		gateway.publishItem(payer, next, 300_000, "2026-07-20");
		gateway.reads().awaitOutstanding(next, 300_000);
		assertThat(gateway.reads().outstanding(own)).isEqualByComparingTo("2000000");

		JsonNode balance = gateway.reads().balance(payer);
		assertThat(balance.path("totalCredit").decimalValue()).isEqualByComparingTo("500000");
		assertThat(balance.path("waitingCredits")).singleElement().satisfies((credit) -> {
			assertThat(credit.path("payableItemId").stringValue()).isEqualTo(theirs);
			assertThat(credit.path("waitsFor").stringValue()).isEqualTo("OFFICER");
			assertThat(credit.path("amount").decimalValue()).isEqualByComparingTo("500000");
			assertThat(credit.path("creditId").stringValue()).isEqualTo(held.path("creditId").stringValue());
		});
		JsonNode theirBalance = gateway.reads().balance(other);
		assertThat(theirBalance.path("totalOutstanding").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(theirBalance.path("totalCredit").decimalValue()).isZero();
		assertThat(theirBalance.path("waitingCredits")).isEmpty();
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.ledger_line WHERE item_id = ? AND account = 'TAXPAYER_OBLIGATION'")
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
		gateway.publishItem(payer, own, 1_000_000, "2026-01-20");
		gateway.reads().awaitOutstanding(own, 1_000_000);
		gateway.pay(payer, "HLD2026042000000002", "2026-04-20", List.of(Line.naming(later, "1701", 700_000)));
		await().atMost(TIMEOUT)
			.until(() -> waiting(payer).map((c) -> c.path("waitsFor").stringValue()).orElse("").equals("ITEM"));
		assertThat(gateway.reads().held(later)).as("an item not booked yet is no officer's business").isEmpty();

		gateway.publishItem(other, later, 5_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(later, 5_000_000);

		assertThat(waiting(payer)).hasValueSatisfying((credit) -> {
			assertThat(credit.path("payableItemId").stringValue()).isEqualTo(later);
			assertThat(credit.path("waitsFor").stringValue()).isEqualTo("OFFICER");
			assertThat(credit.path("amount").decimalValue()).isEqualByComparingTo("700000");
		});
		assertThat(gateway.reads().held(later)).isPresent();
		assertThat(gateway.reads().outstanding(own)).isEqualByComparingTo("1000000");
	}

	@Test
	void listsHeldCreditsInPagesToOfficersOnly() throws Exception {
		String payer = DevBanks.mst(9705);
		gateway.mvc().perform(get("/api/v1/credits/held").with(taxpayer(payer))).andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/credits/held").with(bank(BANK))).andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/credits/held?size=501").with(officer())).andExpect(status().isBadRequest());
		gateway.mvc().perform(get("/api/v1/credits/held?after=x").with(officer())).andExpect(status().isBadRequest());
		gateway.mvc()
			.perform(get("/api/v1/credits/held?resolved=true&after=12").with(officer()))
			.andExpect(status().isBadRequest());
		// a time no resolution has, past what Java or PostgreSQL hold: a bad cursor, not a failure of the gateway
		for (String at : List.of("+1000000000-12-31T23:59:59Z", "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z")) {
			assertProblem(gateway.mvc()
				.perform(get("/api/v1/credits/held").param("resolved", "true")
					.param("after", at + "_" + UUID.randomUUID())
					.with(officer()))
				.andReturn()
				.getResponse(), 400, "bad-request").as(at).contains("after");
		}
		// two credits held, so that there are two pages of one
		for (int i = 0; i < 2; i++) {
			String item = UUID.randomUUID().toString();
			gateway.publishItem(DevBanks.mst(9706 + i), item, 1_000_000, "2026-05-04");
			gateway.reads().awaitOutstanding(item, 1_000_000);
			gateway.pay(payer, "HCP202604200000001" + i, "2026-04-20", List.of(Line.naming(item, "1701", 100_000)));
			await().atMost(GatewayFixture.TIMEOUT).until(() -> gateway.reads().held(item).isPresent());
		}
		assertThat(page("/api/v1/credits/held?resolved=true&size=5&after=2999-01-01T00:00:00Z_" + UUID.randomUUID())
			.path("items")
			.valueStream()
			.map((c) -> c.path("resolution").path("resolvedAt").stringValue())).as("resolved before the cursor's")
			.allMatch((at) -> at.compareTo("2999") < 0);
		JsonNode first = page("/api/v1/credits/held?size=1");
		assertThat(first.path("size").intValue()).isOne();
		assertThat(first.path("items")).hasSize(1);
		assertThat(first.path("totalElements").longValue()).isGreaterThanOrEqualTo(2);
		JsonNode second = page("/api/v1/credits/held?size=1&after=" + first.path("next").stringValue());
		assertThat(second.path("items")).hasSize(1);
		assertThat(second.path("items").get(0).path("creditId").stringValue())
			.isNotEqualTo(first.path("items").get(0).path("creditId").stringValue());
		assertThat(second.path("items").get(0).path("creditedAt").stringValue())
			.as("oldest first, from after the first page's")
			.isGreaterThanOrEqualTo(first.path("items").get(0).path("creditedAt").stringValue());
	}

	private static JsonNode page(String uri) throws Exception {
		return JSON.readTree(gateway.mvc().perform(get(uri).with(officer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private Optional<JsonNode> waiting(String mst) throws Exception {
		return gateway.reads().balance(mst).path("waitingCredits").valueStream().findFirst();
	}
}

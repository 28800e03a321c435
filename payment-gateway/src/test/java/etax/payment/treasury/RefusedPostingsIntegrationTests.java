package etax.payment.treasury;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Postings the treasury refused are listed for officers with the treasury's reason and the payment line they
 * came from (ADR 0007): no money moved for them, so an officer must find them.
 */
@GatewayIntegrationTest
class RefusedPostingsIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void listsRefusedPostingsWithTheReasonAndTheirPaymentLine() throws Exception {
		String mst = DevBanks.mst(9721);
		String reference = "RFS2026042000000001";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.of("1701", 1_000_000), Line.of("1052", 2_000_000)));
		await().atMost(TIMEOUT).until(() -> postings(reference).size() == 2);
		List<UUID> postings = postings(reference);

		ack(mst, postings.get(0), "POSTED", null);
		ack(mst, postings.get(1), "REFUSED", "sub-item closed for this treasury");
		await().atMost(TIMEOUT).until(() -> refused(postings.get(1)).isPresent());

		JsonNode refused = refused(postings.get(1)).orElseThrow();
		assertThat(refused.path("reason").stringValue()).isEqualTo("sub-item closed for this treasury");
		assertThat(refused.path("bankCode").stringValue()).isEqualTo(BANK);
		assertThat(refused.path("bankReference").stringValue()).isEqualTo(reference);
		assertThat(refused.path("lineNumber").intValue()).isEqualTo(2);
		assertThat(refused.path("payerMst").stringValue()).isEqualTo(mst);
		assertThat(refused.path("direction").stringValue()).isEqualTo("PAYMENT");
		assertThat(refused.path("treasuryCode").stringValue()).isEqualTo("0111");
		assertThat(refused.path("subItem").stringValue()).isEqualTo("1052");
		assertThat(refused.path("amountVnd").decimalValue()).isEqualByComparingTo("2000000");
		assertThat(refused.path("paymentDate").stringValue()).isEqualTo("2026-04-20");
		assertThat(refused.path("refusedAt").isMissingNode()).isFalse();
		await().atMost(TIMEOUT).until(() -> postingStatus(postings.get(0)).equals("POSTED"));
		assertThat(refused(postings.get(0))).as("a posted posting is not listed").isEmpty();
		assertThat(gateway.mvc().perform(get("/api/v1/treasury/postings/overdue?size=500").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).as("nor is a refused one overdue")
			.doesNotContain(postings.get(1).toString());
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) FROM payment.ledger_line WHERE posting_id = ? AND entry_type = 'POSTING_CONFIRMED'""")
			.param(postings.get(1))
			.query(Long.class)
			.single()).as("the money stays in the treasury receivable").isZero();
	}

	@Test
	void listsRefusedPostingsInPagesToOfficersOnly() throws Exception {
		gateway.mvc().perform(get("/api/v1/treasury/postings/refused").with(taxpayer(DevBanks.mst(9722))))
			.andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/treasury/postings/refused").with(bank(BANK))).andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/treasury/postings/refused?size=501").with(officer()))
			.andExpect(status().isBadRequest());
		JsonNode page = page("/api/v1/treasury/postings/refused?page=0&size=1");
		assertThat(page.path("size").intValue()).isOne();
		assertThat(page.path("items").size()).isLessThanOrEqualTo(1);
		assertThat(page.path("totalElements").longValue()).isGreaterThanOrEqualTo(page.path("items").size());
	}

	private Optional<JsonNode> refused(UUID posting) throws Exception {
		return page("/api/v1/treasury/postings/refused?size=500").path("items")
			.valueStream()
			.filter((p) -> p.path("postingId").stringValue().equals(posting.toString()))
			.findFirst();
	}

	private JsonNode page(String uri) throws Exception {
		return JSON.readTree(gateway.mvc().perform(get(uri).with(officer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private void ack(String mst, UUID postingId, String status, String reason) {
		String value = """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"%s",%s\
				"ackedAt":"%s"}""".formatted(UUID.randomUUID(), postingId, status,
				(reason != null) ? "\"reason\":\"" + reason + "\"," : "", Instant.now());
		gateway.publish(PostingAcknowledged.TOPIC, mst, value, Map.of());
	}

	private List<UUID> postings(String reference) {
		return gateway.jdbc().sql("SELECT posting_id FROM payment.treasury_posting WHERE bank_reference = ? ORDER BY line_number")
			.param(reference)
			.query(UUID.class)
			.list();
	}

	private String postingStatus(UUID posting) {
		return gateway.jdbc().sql("SELECT status FROM payment.treasury_posting WHERE posting_id = ?")
			.param(posting)
			.query(String.class)
			.single();
	}

}

package etax.payment.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A fine for filing late: declaration-api announces it as {@code PenaltyImposed} on {@code etax.payable-items.v1}; the
 * ledger books it once as an obligation of kind {@code PENALTY}, on which no late-payment interest runs, ranked after
 * tax and interest. Taxpayer 8895; the ledger is balanced after every test.
 */
@GatewayIntegrationTest
class PenaltyIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aFineIsBookedOnceBearsNoInterestAndComesAfterTaxOnTheVoucher() throws Exception {
		String mst = DevBanks.mst(8895);
		String fine = UUID.randomUUID().toString();
		String tax = UUID.randomUUID().toString();
		String event = penalty(mst, fine, 5_000_000);
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, event, Map.of());
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, event, Map.of());
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, penalty(mst, UUID.randomUUID().toString(), 0),
				Map.of());
		gateway.publishItem(mst, tax, "1701", "00/Q2/2026", 1_000_000, "2026-07-31");
		gateway.reads().awaitOutstanding(tax, 1_000_000);

		assertThat(gateway.reads().outstanding(fine)).isEqualByComparingTo("5000000");
		assertThat(gateway.jdbc().sql("SELECT kind FROM payment.obligation WHERE mst = ? ORDER BY kind")
			.param(mst)
			.query(String.class)
			.list()).as("booked once, of its own kind").containsExactly("PENALTY", "TAX");
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.interest_basis_v1 WHERE payable_item_id = ?")
			.param(fine)
			.query(Long.class)
			.single()).as("no interest on a fine").isZero();
		JsonNode voucher = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher").with(taxpayer(mst)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(voucher.get("lines").valueStream().map((l) -> l.get("itemClass").asString()))
			.containsExactly("ARREARS", "PENALTY");
		assertThat(gateway.jdbc().sql("""
				SELECT reason FROM payment.rejected_event WHERE kafka_topic = ? AND raw_value LIKE ?""")
			.params(ObligationBooking.PAYABLE_ITEMS_TOPIC, "%" + mst + "%")
			.query(String.class)
			.list()).as("a fine of nothing").isEqualTo(List.of("invalid-event"));

		gateway.pay(mst, "PEN2026080100000001", "2026-08-01", List.of(new Line("4254", "10/06/2026", 5_000_000, null)));
		gateway.reads().awaitOutstanding(fine, 0);
	}

	private static String penalty(String mst, String itemId, long amount) {
		return """
				{"eventId":"%s","type":"PenaltyImposed","version":1,"occurredAt":"2026-06-10T03:12:09.123Z",\
				"payableItemId":"%s","returnId":"%s","decisionNumber":"789/QĐ-XPHC","mst":"%s","chapter":"754",\
				"subItem":"4254","taxPeriod":"10/06/2026","amount":%d,"currency":"VND","dueDate":"2026-06-22",\
				"taxOfficeCode":"10100"}""".formatted(itemId, itemId, UUID.randomUUID(), mst, amount);
	}

}

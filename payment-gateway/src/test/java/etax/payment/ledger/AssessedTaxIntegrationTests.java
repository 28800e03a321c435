package etax.payment.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.payment.DevBanks;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tax an inspection's conclusion assessed: declaration-api announces it as {@code TaxAssessed} on
 * {@code etax.payable-items.v1}, and the ledger books it once as an obligation due on its period's regular deadline,
 * so that {@code payment.interest_basis_v1} shows it owing interest from the day after. Taxpayer 8891; the ledger is
 * balanced after every test.
 */
@GatewayIntegrationTest
class AssessedTaxIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void assessedTaxIsBookedOnceDueOnItsPeriodsDeadlineAndAnInvalidOneIsRejected() {
		String mst = DevBanks.mst(8891);
		String item = UUID.randomUUID().toString();
		String event = taxAssessed(mst, item, 40_000_000);
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, event, Map.of());
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, event, Map.of());
		gateway.publish(ObligationBooking.PAYABLE_ITEMS_TOPIC, mst, taxAssessed(mst, UUID.randomUUID().toString(), -1),
				Map.of());
		String marker = UUID.randomUUID().toString();
		gateway.publishItem(mst, marker, "1701", "00/Q2/2026", 1_000, "2026-07-31");
		gateway.reads().awaitOutstanding(marker, 1_000);

		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("40000000");
		assertThat(gateway.jdbc().sql("""
				SELECT due_date FROM payment.interest_basis_v1 WHERE payable_item_id = ?""")
			.param(item)
			.query(LocalDate.class)
			.list()).as("one obligation, owing interest after the period's deadline").containsExactly(LocalDate.of(2026, 5, 4));
		assertThat(gateway.jdbc().sql("""
				SELECT reason FROM payment.rejected_event WHERE kafka_topic = ? AND raw_value LIKE ?
				ORDER BY kafka_offset""")
			.params(ObligationBooking.PAYABLE_ITEMS_TOPIC, "%" + mst + "%")
			.query(String.class)
			.list()).as("tax assessed is never a decrease").isEqualTo(List.of("invalid-event"));
	}

	private static String taxAssessed(String mst, String itemId, long amount) {
		return """
				{"eventId":"%s","type":"TaxAssessed","version":1,"occurredAt":"2026-11-20T03:12:09.123Z",\
				"payableItemId":"%s","inspectionId":"%s","decisionNumber":"45/QĐ-CT","mst":"%s","chapter":"754",\
				"subItem":"1701","taxPeriod":"00/Q1/2026","amount":%d,"currency":"VND","dueDate":"2026-05-04",\
				"taxOfficeCode":"10100"}""".formatted(itemId, itemId, UUID.randomUUID(), mst, amount);
	}

}

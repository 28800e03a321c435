package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A supplement that lowers tax: declaration-api announces the decrease as a negative payable item on
 * {@code etax.payable-items.v1}; the ledger takes it off what the taxpayer was charged for the sub-item and
 * period, once per event, moves what was paid beyond the new total to the taxpayer's credit (offset against
 * the next item, as paid on its payment's day), and {@code payment.interest_basis_v1} shows the reduced
 * base. Taxpayers 8301–8303; the ledger is balanced after every test.
 */
@GatewayIntegrationTest
class ReductionIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aDecreaseOfAnUnpaidItemLowersWhatIsOwedAndTheInterestBaseOnce() throws Exception {
		String mst = DevBanks.mst(8301);
		String original = UUID.randomUUID().toString();
		String decrease = UUID.randomUUID().toString();
		publishItem(mst, original, "00/Q1/2026", 22_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(original, 22_000_000);

		String event = item(UUID.randomUUID(), mst, decrease, "00/Q1/2026", -12_000_000, "2026-05-04");
		gateway.publish("etax.payable-items.v1", mst, event, Map.of());
		gateway.publish("etax.payable-items.v1", mst, event, Map.of());
		gateway.reads().awaitOutstanding(original, 10_000_000);

		Basis basis = basis(original);
		assertThat(basis.amount()).as("the tax in force").isEqualByComparingTo("10000000");
		assertThat(basis.outstanding()).isEqualByComparingTo("10000000");
		assertThat(basis.reductionDates()).isEmpty();
		assertThat(interestThrough(basis, LocalDate.of(2026, 11, 20))).as("10,000,000 x 0.0003 x 200 days")
			.isEqualByComparingTo("600000");
		JsonNode period = gateway.reads().balance(mst).path("periods").get(0);
		assertThat(period.path("charged").decimalValue()).isEqualByComparingTo("10000000");
		assertThat(period.path("paid").decimalValue()).isZero();
		assertThat(period.path("outstanding").decimalValue()).isEqualByComparingTo("10000000");

		// delivered again after it was booked, then a conflicting one, then one larger than what was charged
		gateway.publish("etax.payable-items.v1", mst, event, Map.of());
		gateway.publish("etax.payable-items.v1", mst,
				item(UUID.randomUUID(), mst, decrease, "00/Q1/2026", -2_000_000, "2026-05-04"), Map.of());
		gateway.publish("etax.payable-items.v1", mst,
				item(UUID.randomUUID(), mst, UUID.randomUUID().toString(), "00/Q1/2026", -10_000_001, "2026-05-04"),
				Map.of());
		String marker = UUID.randomUUID().toString();
		publishItem(mst, marker, "00/Q2/2026", 1_000, "2026-07-31");
		gateway.reads().awaitOutstanding(marker, 1_000);

		assertThat(gateway.reads().outstanding(original)).as("the same event twice reduces once").isEqualByComparingTo("10000000");
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.ledger_line WHERE reduction_id = ?")
			.param(decrease)
			.query(Long.class)
			.single()).as("one entry, two lines").isEqualTo(2);
		assertThat(rejections(mst)).containsExactly("conflict", "not-reducible");
	}

	@Test
	void aDecreaseOfAPaidItemBecomesACreditOffsetAgainstTheNextItemAsPaidOnItsDay() throws Exception {
		String mst = DevBanks.mst(8302);
		String original = UUID.randomUUID().toString();
		publishItem(mst, original, "00/Q1/2026", 22_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(original, 22_000_000);
		List<Line> lines = List.of(Line.naming(original, "1701", 22_000_000));
		gateway.pay(mst, "RDC2026052000000001", "2026-05-20", lines);
		gateway.reads().awaitOutstanding(original, 0);

		String decrease = UUID.randomUUID().toString();
		gateway.publish("etax.payable-items.v1", mst,
				item(UUID.randomUUID(), mst, decrease, "00/Q1/2026", -12_000_000, "2026-05-04"), Map.of());
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(12_000_000)) == 0);

		Basis paid = basis(original);
		assertThat(paid.amount()).isEqualByComparingTo("10000000");
		assertThat(paid.outstanding()).isZero();
		assertThat(paid.reductionDates()).containsExactly(LocalDate.of(2026, 5, 20));
		assertThat(paid.reductionAmounts()).containsExactly(new BigDecimal("10000000"));
		assertThat(interestThrough(paid, LocalDate.of(2026, 11, 20))).as("10,000,000 x 0.0003 x 15 days")
			.isEqualByComparingTo("45000");
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), PaymentAllocated.TOPIC,
				(r) -> r.value().contains(original) && r.value().contains("\"REDUCED\""), 1, TIMEOUT))
			.as("the filing side hears of it")
			.singleElement()
			.satisfies((r) -> assertThat(JSON.readTree(r.value()).path("credits").get(0).path("amount").decimalValue())
				.isEqualByComparingTo("12000000"));

		String next = UUID.randomUUID().toString();
		publishItem(mst, next, "00/Q2/2026", 5_000_000, "2026-07-31");
		gateway.reads().awaitOutstanding(next, 0);
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("7000000");
		assertThat(basis(next).reductionDates()).as("the overpaid money was in the budget since 20 May")
			.containsExactly(LocalDate.of(2026, 5, 20));
		assertThat(interestThrough(basis(next), LocalDate.of(2026, 11, 20))).isZero();

		// the bank takes the payment back: the reduced item and the item the credit paid owe again
		gateway.publishSigned(mst, reversal("RDC2026052500000001", "RDC2026052000000001", mst, "2026-05-20", lines));
		gateway.reads().awaitOutstanding(original, 10_000_000);
		gateway.reads().awaitOutstanding(next, 5_000_000);
		assertThat(gateway.reads().totalCredit(mst)).isZero();
		assertThat(basis(original).reductionDates()).isEmpty();
		assertThat(basis(original).amount()).isEqualByComparingTo("10000000");
	}

	@Test
	void aDecreaseTakesWhatIsOwedOffTheNewestItemsOfThePeriodFirst() {
		String mst = DevBanks.mst(8303);
		String original = UUID.randomUUID().toString();
		String increase = UUID.randomUUID().toString();
		String otherPeriod = UUID.randomUUID().toString();
		publishItem(mst, original, "00/Q1/2026", 20_000_000, "2026-05-04");
		publishItem(mst, increase, "00/Q1/2026", 3_000_000, "2026-05-04");
		publishItem(mst, otherPeriod, "00/Q2/2026", 4_000_000, "2026-07-31");
		gateway.reads().awaitOutstanding(otherPeriod, 4_000_000);
		gateway.pay(mst, "RDC2026052000000003", "2026-05-20", List.of(Line.naming(original, "1701", 20_000_000)));
		gateway.reads().awaitOutstanding(original, 0);

		gateway.publish("etax.payable-items.v1", mst,
				item(UUID.randomUUID(), mst, UUID.randomUUID().toString(), "00/Q1/2026", -5_000_000, "2026-05-04"),
				Map.of());

		gateway.reads().awaitOutstanding(increase, 0);
		assertThat(gateway.reads().outstanding(original)).as("2,000,000 paid beyond its total, offset").isZero();
		assertThat(gateway.reads().outstanding(otherPeriod)).as("the other period is not reduced, only paid by the credit")
			.isEqualByComparingTo("2000000");
		assertThat(basis(increase).amount()).isZero();
		assertThat(basis(original).amount()).isEqualByComparingTo("18000000");
		assertThat(basis(otherPeriod).amount()).isEqualByComparingTo("4000000");
	}

	/** Interest as batch-processor's job computes it from the view: 0.03 % a day of what is unpaid. */
	private static BigDecimal interestThrough(Basis basis, LocalDate day) {
		BigDecimal total = BigDecimal.ZERO;
		for (LocalDate d = basis.dueDate().plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
			BigDecimal unpaid = basis.amount();
			for (int i = 0; i < basis.reductionDates().size(); i++) {
				if (!basis.reductionDates().get(i).isAfter(d)) {
					unpaid = unpaid.subtract(basis.reductionAmounts().get(i));
				}
			}
			total = total.add(unpaid.max(BigDecimal.ZERO).multiply(new BigDecimal("0.0003")));
		}
		return total;
	}

	private List<String> rejections(String mst) {
		return gateway.jdbc().sql("""
				SELECT reason FROM payment.rejected_event WHERE kafka_topic = 'etax.payable-items.v1' AND raw_value LIKE ?
				ORDER BY kafka_offset""").param("%" + mst + "%").query(String.class).list();
	}

	/** A payable item of sub-item 1701, the one every test here charges. */
	private static String item(UUID eventId, String mst, String itemId, String period, long amount, String dueDate) {
		return GatewayFixture.payableItem(eventId, mst, itemId, "1701", period, amount, dueDate);
	}

	private static void publishItem(String mst, String itemId, String period, long amount, String dueDate) {
		gateway.publishItem(mst, itemId, "1701", period, amount, dueDate);
	}

	private Basis basis(String item) {
		return gateway.jdbc().sql("""
				SELECT amount, due_date, outstanding, reduction_dates, reduction_amounts
				FROM payment.interest_basis_v1 WHERE payable_item_id = ?""")
			.param(item)
			.query((row, n) -> new Basis(row.getBigDecimal(1), row.getObject(2, LocalDate.class), row.getBigDecimal(3),
					dates(row.getArray(4)), amounts(row.getArray(5))))
			.single();
	}

	private static List<LocalDate> dates(Array array) throws SQLException {
		return Arrays.stream((Date[]) array.getArray()).map(Date::toLocalDate).toList();
	}

	private static List<BigDecimal> amounts(Array array) throws SQLException {
		return Arrays.asList((BigDecimal[]) array.getArray());
	}

	private record Basis(BigDecimal amount, LocalDate dueDate, BigDecimal outstanding, List<LocalDate> reductionDates,
			List<BigDecimal> reductionAmounts) {

	}

}

package etax.payment.ledger;

import java.math.BigDecimal;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interest taken back: batch-processor's {@code InterestCorrected} on {@code etax.assessments.v1} reduces
 * the interest obligations booked on its payable item, the latest day first, once per event (and per item
 * and day); what the taxpayer already paid of it becomes a credit. Amounts are hand-computed at 0.03 % a
 * day. Taxpayers 8451–8453; the ledger is balanced after every test.
 */
@GatewayIntegrationTest
class InterestCorrectionIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aSupplementThatLowersTheTaxLowersTheInterestOwedOnce() {
		String mst = DevBanks.mst(8451);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 22_000_000, "2026-09-04");
		// 5 to 10 September on 22,000,000; then a supplement lowers the tax to 10,000,000
		String tenth = assess(mst, item, "2026-09-10", 39_600);
		gateway.reads().awaitOutstanding(tenth, 39_600);
		gateway.publishItem(mst, UUID.randomUUID().toString(), -12_000_000, "2026-09-04");
		gateway.reads().awaitOutstanding(item, 10_000_000);

		// the run of 11 September: 7 days on 10,000,000 are 21,000, so 18,600 is taken back
		UUID correction = UUID.randomUUID();
		String event = correction(correction, mst, item, "2026-09-11", 18_600);
		gateway.publish("etax.assessments.v1", mst, event, Map.of());
		gateway.publish("etax.assessments.v1", mst, event, Map.of());
		gateway.reads().awaitOutstanding(tenth, 21_000);
		String twelfth = assess(mst, item, "2026-09-12", 3_000);
		gateway.reads().awaitOutstanding(twelfth, 3_000);

		assertThat(interestOwed(item)).as("5 to 12 September on 10,000,000: 8 x 3,000").isEqualByComparingTo("24000");
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), PaymentAllocated.TOPIC,
				(r) -> r.value().contains(tenth) && r.value().contains("\"REDUCED\""), 1, TIMEOUT))
			.singleElement()
			.satisfies((r) -> {
				JsonNode reduced = JSON.readTree(r.value()).path("allocations").get(0);
				assertThat(reduced.path("amount").decimalValue()).isEqualByComparingTo("18600");
				assertThat(reduced.path("outstandingAfter").decimalValue()).isEqualByComparingTo("21000");
			});

		// delivered again after it was booked, under another event id, with another amount, and more than booked
		gateway.publish("etax.assessments.v1", mst, event, Map.of());
		gateway.publish("etax.assessments.v1", mst, correction(UUID.randomUUID(), mst, item, "2026-09-11", 18_600),
				Map.of());
		gateway.publish("etax.assessments.v1", mst, correction(UUID.randomUUID(), mst, item, "2026-09-11", 1_000),
				Map.of());
		gateway.publish("etax.assessments.v1", mst, correction(UUID.randomUUID(), mst, item, "2026-09-13", 24_001),
				Map.of());
		String marker = assess(mst, item, "2026-09-13", 3_000);
		gateway.reads().awaitOutstanding(marker, 3_000);

		assertThat(interestOwed(item)).as("taken back once").isEqualByComparingTo("27000");
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.ledger_line WHERE reduction_id = ?")
			.param(correction.toString())
			.query(Long.class)
			.single()).as("one entry, two lines").isEqualTo(2);
		assertThat(rejections(mst)).containsExactly("conflict", "not-reducible");
	}

	@Test
	void aPaymentConfirmedLateLeavesExactlyTheInterestUpToItsDateTakenOffTheLatestDaysFirst() {
		String mst = DevBanks.mst(8452);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 22_000_000, "2026-09-04");
		String tenth = assess(mst, item, "2026-09-10", 39_600);
		String twentieth = assess(mst, item, "2026-09-20", 66_000);
		gateway.reads().awaitOutstanding(twentieth, 66_000);

		// paid on 8 September, confirmed on the 21st: 8 to 20 September, 13 days x 6,600, are taken back
		gateway.pay(mst, "ICR2026090800000002", "2026-09-08", List.of(Line.naming(item, "1701", 22_000_000)));
		gateway.reads().awaitOutstanding(item, 0);
		gateway.publish("etax.assessments.v1", mst, correction(UUID.randomUUID(), mst, item, "2026-09-21", 85_800),
				Map.of());

		gateway.reads().awaitOutstanding(tenth, 19_800);
		assertThat(gateway.reads().outstanding(twentieth)).isZero();
		assertThat(interestOwed(item)).as("5 to 7 September: 3 x 6,600").isEqualByComparingTo("19800");
		assertThat(charged(twentieth)).as("the latest day is taken off first").isZero();
		assertThat(charged(tenth)).isEqualByComparingTo("19800");
	}

	@Test
	void interestAlreadyPaidAndTakenBackBecomesTheTaxpayersCredit() throws Exception {
		String mst = DevBanks.mst(8453);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, 22_000_000, "2026-09-04");
		String twentieth = assess(mst, item, "2026-09-20", 105_600);
		gateway.reads().awaitOutstanding(twentieth, 105_600);
		gateway.pay(mst, "ICR2026092200000003", "2026-09-22", List.of(Line.naming(twentieth, "4931", 105_600)));
		gateway.reads().awaitOutstanding(twentieth, 0);
		gateway.pay(mst, "ICR2026090800000003", "2026-09-08", List.of(Line.naming(item, "1701", 22_000_000)));
		gateway.reads().awaitOutstanding(item, 0);
		// another tax item, paid late: nothing of another sub-item is due when the credit arises (ADR 0006)
		String next = UUID.randomUUID().toString();
		gateway.publishItem(mst, next, 1_000_000, "2026-09-04");
		gateway.reads().awaitOutstanding(next, 1_000_000);
		gateway.pay(mst, "ICR2026092300000003", "2026-09-23", List.of(Line.naming(next, "1701", 1_000_000)));
		gateway.reads().awaitOutstanding(next, 0);

		gateway.publish("etax.assessments.v1", mst, correction(UUID.randomUUID(), mst, item, "2026-09-23", 85_800),
				Map.of());

		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(85_800)) == 0);
		assertThat(charged(twentieth)).as("19,800 in force, paid").isEqualByComparingTo("19800");
		assertThat(gateway.reads().outstanding(twentieth)).isZero();
		JsonNode credit = gateway.reads().balance(mst).path("credits").get(0);
		assertThat(credit.path("subItem").asString()).isEqualTo("4931");
		assertThat(TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(), PaymentAllocated.TOPIC,
				(r) -> r.value().contains(twentieth) && r.value().contains("\"REDUCED\""), 1, TIMEOUT))
			.as("the taxpayer hears of it")
			.singleElement()
			.satisfies((r) -> assertThat(JSON.readTree(r.value()).path("credits").get(0).path("amount").decimalValue())
				.isEqualByComparingTo("85800"));

		// the next interest of the sub-item is paid by the credit
		String nextInterest = assess(mst, next, "2026-09-22", 5_400);
		gateway.reads().awaitOutstanding(nextInterest, 0);
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("80400");
	}

	/** What the taxpayer still owes of the interest booked on a payable item. */
	private BigDecimal interestOwed(String item) {
		return gateway.jdbc().sql("SELECT coalesce(sum(outstanding), 0) FROM payment.obligation WHERE base_item_id = ?")
			.param(item)
			.query(BigDecimal.class)
			.single();
	}

	/** The amount in force of an obligation: as booked, less what was taken off. */
	private BigDecimal charged(String itemId) {
		return gateway.jdbc().sql("SELECT amount - reduced FROM payment.obligation WHERE item_id = ?")
			.param(itemId)
			.query(BigDecimal.class)
			.single();
	}

	private List<String> rejections(String mst) {
		return gateway.jdbc().sql("""
				SELECT reason FROM payment.rejected_event WHERE kafka_topic = 'etax.assessments.v1' AND raw_value LIKE ?
				ORDER BY kafka_offset""").param("%" + mst + "%").query(String.class).list();
	}

	/** Publishes an assessment of the day, as batch-processor does; returns the interest obligation's id. */
	private static String assess(String mst, String item, String day, long amount) {
		UUID eventId = UUID.randomUUID();
		gateway.publish("etax.assessments.v1", mst, """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-09-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":%d,"assessedFor":"%s","dueDate":"%s"}""".formatted(eventId, item, mst, amount, day, day), Map.of());
		return eventId.toString();
	}

	private static String correction(UUID eventId, String mst, String item, String day, long amount) {
		return """
				{"eventId":"%s","type":"InterestCorrected","version":1,"occurredAt":"2026-09-22T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":%d,"assessedFor":"%s"}""".formatted(eventId, item, mst, amount, day);
	}

}

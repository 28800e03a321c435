package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.treasury.PostingAcknowledged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A taxpayer's overpayment of one sub-item pays its due items of another (VN-ETAX §5.7, ADR 0006 addendum), and
 * the treasury is asked to re-code the money (ADR 0007 addendum): end to end, from the bank's confirmation and
 * the interest assessed on {@code etax.assessments.v1} to the treasury's ack.
 */
@GatewayIntegrationTest
class OffsetAcrossSubItemsIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	DueOffsets dueOffsets;

	@Autowired
	ObligationRepository obligations;

	@Autowired
	LedgerRepository ledger;

	@Test
	void aVatOverpaymentPaysTheInterestBookedLaterAndTheTreasuryRecodesIt() throws Exception {
		String mst = DevBanks.mst(8601);
		String vat = UUID.randomUUID().toString();
		String reference = "OFS2026051000000001";
		gateway.publishItem(mst, vat, 10_000_000, "2026-04-30");
		gateway.reads().awaitOutstanding(vat, 10_000_000);
		gateway.pay(mst, reference, "2026-05-10", List.of(Line.of("1701", 10_500_000)));
		gateway.reads().awaitOutstanding(vat, 0);
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(500_000)) == 0);
		UUID vatLine = gateway.reads().paymentPosting(reference);

		// 9 days late on 10,000,000: batch-processor assesses the interest on the item
		String interest = assess(mst, vat, "2026-05-09", 27_000);

		gateway.reads().awaitOutstanding(interest, 0);
		JsonNode balance = gateway.reads().balance(mst);
		assertThat(balance.path("settled").asBoolean()).isTrue();
		assertThat(balance.path("totalCredit").decimalValue()).isEqualByComparingTo("473000");
		assertThat(balance.path("credits")).singleElement()
			.satisfies((credit) -> assertThat(credit.path("subItem").asString()).isEqualTo("1701"));
		assertThat(balance.path("periods").valueStream().filter((p) -> p.path("subItem").asString().equals("4931")))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.path("paid").decimalValue()).isEqualByComparingTo("27000");
				assertThat(p.path("outstanding").decimalValue()).isZero();
			});
		assertThat(gateway.jdbc().sql("""
				SELECT value_date FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(interest)
			.query(LocalDate.class)
			.single()).as("the credit counts as paid on its own payment date").isEqualTo(LocalDate.of(2026, 5, 10));

		UUID recoding = awaitRecoding(vatLine);
		JsonNode requested = JSON.readTree(postingRequested(recoding).value());
		assertThat(requested.path("type").asString()).isEqualTo("PostingRequested");
		assertThat(requested.path("version").asInt()).isEqualTo(2);
		assertThat(requested.path("direction").asString()).isEqualTo("RECODING");
		assertThat(requested.path("recodingOf").asString()).isEqualTo(vatLine.toString());
		assertThat(requested.path("fromSubItem").asString()).isEqualTo("1701");
		assertThat(requested.path("subItem").asString()).isEqualTo("4931");
		assertThat(requested.path("amountVnd").decimalValue()).isEqualByComparingTo("27000");
		assertThat(requested.path("treasuryCode").asString()).isEqualTo("0111");
		assertThat(requested.path("bankReference").asString()).isEqualTo(reference);
		assertThat(requested.path("paymentDate").asString()).isEqualTo("2026-05-10");

		ack(mst, recoding);

		await().atMost(TIMEOUT).until(() -> "POSTED".equals(gateway.reads().postingStatus(recoding)));
		assertThat(gateway.jdbc().sql("""
				SELECT side || ':' || account || ':' || sub_item || ':' || treasury_code || ':' || amount
				FROM payment.ledger_line WHERE posting_id = ? AND entry_type = 'RECODING_CONFIRMED' ORDER BY side DESC""")
			.param(recoding)
			.query(String.class)
			.list()).as("the treasury holds the money under the interest's sub-item now")
			.containsExactly("D:TREASURY:4931:0111:27000", "C:TREASURY:1701:0111:27000");
	}

	/**
	 * A payment whose rest pays a due item of another sub-item at once: the treasury is asked to post the line
	 * before it is asked to re-code money of it, on the one topic, under the payer's key.
	 */
	@Test
	void aLineIsPostedBeforeItsMoneyIsRecodedInTheSamePoll() throws Exception {
		String mst = DevBanks.mst(8604);
		String vat = UUID.randomUUID().toString();
		String reference = "OFS2026051000000004";
		gateway.publishItem(mst, vat, 10_000_000, "2026-04-30");
		gateway.reads().awaitOutstanding(vat, 10_000_000);
		String interest = assess(mst, vat, "2026-05-09", 27_000);
		gateway.reads().awaitOutstanding(interest, 27_000);

		gateway.pay(mst, reference, "2026-05-10", List.of(Line.of("1701", 10_027_000)));

		gateway.reads().awaitOutstanding(interest, 0);
		UUID line = gateway.reads().paymentPosting(reference);
		List<ConsumerRecord<String, String>> records = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"treasury.postings.v1", (r) -> r.value() != null && r.value().contains(line.toString()), 2, TIMEOUT);
		assertThat(records).extracting((r) -> JSON.readTree(r.value()).path("direction").asString())
			.as("in the order the treasury must take them")
			.containsExactly("PAYMENT", "RECODING");
	}

	@Test
	void anItemNotYetDueWaitsUntilItFallsDue() throws Exception {
		String mst = DevBanks.mst(8602);
		String reference = "OFS2026051100000002";
		LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMonths(2);
		String cit = UUID.randomUUID().toString();
		gateway.publishItem(mst, cit, "1052", "00/Q1/2026", 1_000_000, due.toString());
		gateway.reads().awaitOutstanding(cit, 1_000_000);
		gateway.pay(mst, reference, "2026-05-11", List.of(Line.of("1701", 3_000_000)));
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(3_000_000)) == 0);
		assertThat(gateway.reads().outstanding(cit)).as("not due yet").isEqualByComparingTo("1000000");

		this.dueOffsets.offsetDue(due);
		assertThat(gateway.reads().outstanding(cit)).as("not due on its due date").isEqualByComparingTo("1000000");
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("3000000");

		assertThat(this.dueOffsets.offsetDue(due.plusDays(1))).as("the day after").isPositive();

		assertThat(gateway.reads().outstanding(cit)).isZero();
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("2000000");
		assertThat(gateway.reads().postingStatus(awaitRecoding(gateway.reads().paymentPosting(reference))))
			.isEqualTo("REQUESTED");
		assertThat(this.dueOffsets.offsetDue(due.plusDays(1))).as("nothing left to offset").isZero();
	}

	@Test
	void aCreditLeftBesideAnOpenItemOfItsOwnSubItemIsOffsetAtNight() throws Exception {
		String mst = DevBanks.mst(8603);
		gateway.pay(mst, "OFS2026051200000003", "2026-05-12", List.of(Line.of("1701", 3_000_000)));
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(3_000_000)) == 0);
		// an item of the credit's sub-item booked by an allocation that did not load the credit (as one booking a
		// quarter over provisional payments did), not due yet: the credit is left beside it
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		Obligation vat = ObligationReader.hashed(new Obligation(UUID.randomUUID().toString(), Obligation.Kind.TAX, mst,
				"754", "1701", "00/Q1/2026", new BigDecimal(1_000_000), today.plusMonths(1), new BigDecimal(1_000_000),
				UUID.randomUUID(), "", null, null, 0));
		this.obligations.insertObligations(List.of(vat), Instant.now());
		this.ledger.insertEntries(List.of(LedgerEntry.booking(vat, today)), Instant.now());

		this.dueOffsets.offsetDue(today);

		assertThat(gateway.reads().outstanding(vat.itemId())).isZero();
		assertThat(gateway.reads().totalCredit(mst)).isEqualByComparingTo("2000000");
		assertThat(gateway.jdbc().sql("""
				SELECT value_date FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(vat.itemId())
			.query(LocalDate.class)
			.single()).as("paid when the bank paid it").isEqualTo(LocalDate.of(2026, 5, 12));
	}

	/** Publishes an assessment of the day, as batch-processor does; returns the interest obligation's id. */
	private static String assess(String mst, String item, String day, long amount) {
		UUID eventId = UUID.randomUUID();
		gateway.publish("etax.assessments.v1", mst, """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":%d,"assessedFor":"%s","dueDate":"%s"}""".formatted(eventId, item, mst, amount, day, day), Map.of());
		return eventId.toString();
	}

	/** The one re-coding of money paid with a payment line. */
	private static UUID awaitRecoding(UUID paidWith) {
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.treasury_posting WHERE recoding_of = ?")
				.param(paidWith)
				.query(Long.class)
				.single() == 1);
		return gateway.jdbc()
			.sql("SELECT posting_id FROM payment.treasury_posting WHERE recoding_of = ? AND direction = 'RECODING'")
			.param(paidWith)
			.query(UUID.class)
			.single();
	}

	private static ConsumerRecord<String, String> postingRequested(UUID postingId) {
		List<ConsumerRecord<String, String>> records = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"treasury.postings.v1", (r) -> r.value() != null && r.value().contains(postingId.toString()), 1, TIMEOUT);
		assertThat(records).as("sent through the outbox").hasSize(1);
		return records.get(0);
	}

	/** The treasury posts it, as it answers any posting. */
	private static void ack(String mst, UUID postingId) {
		gateway.publish(PostingAcknowledged.TOPIC, mst, """
				{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"POSTED",\
				"reason":null,"ackedAt":"%s"}""".formatted(UUID.randomUUID(), postingId, Instant.now()), Map.of());
	}

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TopicReader;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.devstack.TestCallers.bank;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.BANK;
import static etax.payment.GatewayFixture.JSON;
import static etax.payment.GatewayFixture.TIMEOUT;
import static etax.payment.GatewayFixture.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Obligations from their topics, payments allocated to them, the balance and ledger over HTTP; the
 * ledger is balanced after every test.
 */
@GatewayIntegrationTest
class LedgerIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void paysTheNamedItemAndShowsTheReturnSettled() throws Exception {
		String mst = DevBanks.mst(8001);
		String item = UUID.randomUUID().toString();
		String other = UUID.randomUUID().toString();
		gateway.publishItem(mst, other, "1701", "00/Q1/2026", 5_000_000, "2026-01-20");
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 22_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 22_000_000);
		gateway.reads().awaitOutstanding(other, 5_000_000);

		gateway.pay(mst, "LED2026042000000001", "2026-04-20", List.of(Line.naming(item, "1701", 22_000_000)));

		gateway.reads().awaitOutstanding(item, 0);
		assertThat(gateway.reads().outstanding(other)).as("the older item is not paid: the payer named another")
			.isEqualByComparingTo("5000000");
		JsonNode balance = gateway.reads().balance(mst);
		assertThat(balance.path("items").valueStream().map((i) -> i.path("payableItemId").stringValue()))
			.as("only what still owes").containsExactly(other);
		assertThat(balance.path("totalOutstanding").decimalValue()).isEqualByComparingTo("5000000");
		List<ConsumerRecord<String, String>> allocated = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				PaymentAllocated.TOPIC, (r) -> r.value().contains(item) && r.value().contains("PaymentAllocated"), 1,
				TIMEOUT);
		assertThat(allocated).singleElement().satisfies((r) -> {
			JsonNode event = JSON.readTree(r.value());
			assertThat(r.key()).isEqualTo(mst);
			assertThat(event.path("allocations").get(0).path("settled").booleanValue()).isTrue();
			assertThat(event.path("version").intValue()).isEqualTo(1);
		});
	}

	@Test
	void paysOldestDueItemsOfTheSubItemFirstAndKeepsTheRestAsCredit() throws Exception {
		String mst = DevBanks.mst(8002);
		String older = UUID.randomUUID().toString();
		String newer = UUID.randomUUID().toString();
		String otherSubItem = UUID.randomUUID().toString();
		gateway.publishItem(mst, newer, "1701", "00/Q1/2026", 3_000_000, "2026-05-04");
		gateway.publishItem(mst, older, "1701", "00/Q1/2026", 2_000_000, "2026-02-20");
		// not due yet: what is left of the payment offsets only what is due of other sub-items (ADR 0006)
		gateway.publishItem(mst, otherSubItem, "1052", "00/Q1/2026", 1_000_000,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1).toString());
		gateway.reads().awaitOutstanding(older, 2_000_000);
		gateway.reads().awaitOutstanding(newer, 3_000_000);
		gateway.reads().awaitOutstanding(otherSubItem, 1_000_000);

		gateway.pay(mst, "LED2026042000000002", "2026-04-20", List.of(Line.of("1701", 6_000_000)));

		gateway.reads().awaitOutstanding(newer, 0);
		assertThat(gateway.reads().outstanding(older)).isZero();
		assertThat(gateway.reads().outstanding(otherSubItem)).as("another sub-item is not paid").isEqualByComparingTo("1000000");
		JsonNode balance = gateway.reads().balance(mst);
		assertThat(balance.path("totalCredit").decimalValue()).isEqualByComparingTo("1000000");

		String next = UUID.randomUUID().toString();
		gateway.publishItem(mst, next, "1701", "00/Q1/2026", 4_000_000, "2026-08-20");
		gateway.reads().awaitOutstanding(next, 3_000_000);
		assertThat(gateway.reads().balance(mst).path("totalCredit").decimalValue()).as("the credit went to the next item").isZero();
	}

	@Test
	void keepsAPaymentForAnUnknownItemUntilTheItemArrives() throws Exception {
		String mst = DevBanks.mst(8003);
		String item = UUID.randomUUID().toString();
		String reference = "LED2026042000000003";
		gateway.pay(mst, reference, "2026-04-20", List.of(Line.naming(item, "1701", 7_000_000)));
		// the taxpayer's balance is not found until the payment is recorded
		await().atMost(TIMEOUT)
			.ignoreExceptions()
			.until(() -> gateway.reads().balance(mst).path("totalCredit").decimalValue().compareTo(new BigDecimal(7_000_000)) == 0);

		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 7_000_000, "2026-05-04");

		gateway.reads().awaitOutstanding(item, 0);
		assertThat(gateway.reads().balance(mst).path("totalCredit").decimalValue()).isZero();
		assertThat(gateway.reads().balance(mst).path("credits")).as("a credit used up is no credit").isEmpty();
		assertThat(gateway.reads().balance(mst).path("totalOutstanding").decimalValue()).isZero();
	}

	@Test
	void booksInterestAndPaysItInTheConfiguredOrder() throws Exception {
		String mst = DevBanks.mst(8004);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 22_000_000, "2026-05-04");
		String interestEvent = UUID.randomUUID().toString();
		String interest = """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":99000,"assessedFor":"2026-05-20","dueDate":"2026-05-20"}""".formatted(interestEvent, item, mst);
		gateway.publish("etax.assessments.v1", mst, interest, Map.of());
		gateway.publish("etax.assessments.v1", mst, interest, Map.of());
		gateway.publish("etax.assessments.v1", mst,
				interest.replace(interestEvent, UUID.randomUUID().toString()), Map.of());
		gateway.reads().awaitOutstanding(interestEvent, 99_000);

		gateway.pay(mst, "LED2026042000000004", "2026-04-20", List.of(Line.of("4931", 50_000)));

		gateway.reads().awaitOutstanding(interestEvent, 49_000);
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.obligation WHERE base_item_id = ?")
			.param(item)
			.query(Long.class)
			.single()).as("the same assessment again, also under a new event id, is booked once").isOne();
	}

	@Test
	void listsTheOldestGeneralCreditsOfATaxpayerAndCountsTheRest() throws Exception {
		String mst = DevBanks.mst(8007);
		int open = Balance.MAX_ITEMS + 3;
		// one payment of as many lines, owing nothing: a general credit per line
		gateway.pay(mst, "LED2026042000000501", "2026-04-20",
				Collections.nCopies(open, Line.of("1701", 1_000)));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.credit WHERE mst = ?")
				.param(mst)
				.query(Long.class)
				.single() == open);

		JsonNode balance = gateway.reads().balance(mst);

		assertThat(balance.path("generalCredits")).hasSize(Balance.MAX_ITEMS);
		assertThat(balance.path("generalCreditsLeftOut").longValue()).isEqualTo(3);
		assertThat(balance.path("waitingCredits")).isEmpty();
		assertThat(balance.path("waitingCreditsLeftOut").longValue()).isZero();

		// the treasury posts them all, so that none is left overdue in the lists the other tests read
		List<UUID> postings = gateway.jdbc()
			.sql("SELECT posting_id FROM payment.treasury_posting WHERE bank_reference = 'LED2026042000000501'")
			.query(UUID.class)
			.list();
		for (UUID posting : postings) {
			gateway.publish("treasury.acks.v1", mst, """
					{"eventId":"%s","type":"PostingAcknowledged","version":1,"postingId":"%s","status":"POSTED",\
					"ackedAt":"%s"}""".formatted(UUID.randomUUID(), posting, java.time.Instant.now()), Map.of());
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> gateway.jdbc()
				.sql("""
						SELECT count(*) FROM payment.treasury_posting
						WHERE bank_reference = 'LED2026042000000501' AND status = 'POSTED'""")
				.query(Long.class)
				.single() == open);
	}

	@Test
	void listsTheOldestDueItemsOfATaxpayerOwingForYearsAndCountsTheRest() throws Exception {
		String mst = DevBanks.mst(8006);
		int owing = Balance.MAX_ITEMS + 2;
		LocalDate firstDue = LocalDate.of(2024, 1, 20);
		String last = null;
		for (int i = owing - 1; i >= 0; i--) {
			last = UUID.randomUUID().toString();
			gateway.publishItem(mst, last, "1701", "00/Q1/2024", 1_000, firstDue.plusDays(i).toString());
		}
		// one partition, the taxpayer's: the last booked, all are
		gateway.reads().awaitOutstanding(last, 1_000);

		JsonNode balance = gateway.reads().balance(mst);
		assertThat(balance.path("items")).hasSize(Balance.MAX_ITEMS);
		assertThat(balance.path("itemsLeftOut").longValue()).isEqualTo(2);
		assertThat(balance.path("items").get(0).path("dueDate").stringValue()).isEqualTo(firstDue.toString());
		assertThat(balance.path("items").get(Balance.MAX_ITEMS - 1).path("dueDate").stringValue())
			.isEqualTo(firstDue.plusDays(Balance.MAX_ITEMS - 1).toString());
		assertThat(balance.path("totalOutstanding").decimalValue()).as("the totals count every item")
			.isEqualByComparingTo(BigDecimal.valueOf(1_000L * owing));
		JsonNode voucher = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(voucher.path("lines")).hasSize(PaymentVoucherDrafts.MAX_LINES);
		assertThat(voucher.path("itemsLeftOut").intValue()).isEqualTo(owing - PaymentVoucherDrafts.MAX_LINES);
		assertThat(voucher.path("lines").get(0).path("dueDate").stringValue()).isEqualTo(firstDue.toString());
		assertThat(voucher.path("total").longValue()).isEqualTo(1_000L * PaymentVoucherDrafts.MAX_LINES);
		// what a taxpayer owes can be read through the index of obligations owing, in its order, not through all it
		// ever owed: whatever the statistics say when this runs (autovacuum's analyze comes when it comes, and with
		// every item owing the planner finds the two indexes alike), so plans that sort or scan are ruled out
		String plan = new TransactionTemplate(this.transactions).execute((status) -> {
			gateway.jdbc().sql("SET LOCAL enable_seqscan = off").update();
			gateway.jdbc().sql("SET LOCAL enable_bitmapscan = off").update();
			gateway.jdbc().sql("SET LOCAL enable_sort = off").update();
			gateway.jdbc().sql("SET LOCAL enable_incremental_sort = off").update();
			return String.join("\n", gateway.jdbc().sql("""
					EXPLAIN SELECT item_id FROM payment.obligation WHERE mst = ? AND owing
					ORDER BY due_date, booking_seq LIMIT 500""").param(mst).query(String.class).list());
		});
		assertThat(plan).contains("obligation_owing").doesNotContain("Sort");
	}

	/**
	 * A taxpayer's reducible tax items, whether it has an item of an office, and a held credit by its payment line are
	 * each read through an index of their own (V49), not through every obligation of the taxpayer or every credit.
	 */
	@Test
	void readsReducibleItemsOfficesAndHeldCreditsThroughTheirIndexes() {
		String plans = new TransactionTemplate(this.transactions).execute((status) -> {
			gateway.jdbc().sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", gateway.jdbc().sql("""
					EXPLAIN SELECT item_id FROM payment.obligation
					WHERE mst = ANY (ARRAY['0100109106']) AND kind = 'TAX' AND amount > reduced""")
				.query(String.class)
				.list()) + "\n" + String.join("\n", gateway.jdbc().sql("""
						EXPLAIN SELECT EXISTS (SELECT 1 FROM payment.obligation
						WHERE mst = '0100109106' AND tax_office_code = '99999')""").query(String.class).list())
					+ "\n" + String.join("\n", gateway.jdbc().sql("""
							EXPLAIN SELECT credit_id FROM payment.credit
							WHERE posting_id = '6f1c2d4e-0000-3000-8000-000000000001'""").query(String.class).list());
		});
		assertThat(plans).contains("obligation_reducible", "obligation_taxpayer_office", "credit_posting")
			.doesNotContain("Seq Scan");
	}

	@Test
	void servesTheLedgerInPagesToOfficersOnly() throws Exception {
		String mst = DevBanks.mst(8005);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 1_000_000, "2026-05-04");
		// booked before the payment, so that the ledger holds two entries, not a credit that waited for it
		gateway.reads().awaitOutstanding(item, 1_000_000);
		gateway.pay(mst, "LED2026042000000005", "2026-04-20", List.of(Line.naming(item, "1701", 1_000_000)));
		gateway.reads().awaitOutstanding(item, 0);

		JsonNode page = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/ledger?size=1").with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("totalElements").longValue()).isEqualTo(2);
		assertThat(page.path("items").get(0).path("entryType").stringValue()).isEqualTo("PAYMENT_APPLIED");
		String later = UUID.randomUUID().toString();
		gateway.publishItem(mst, later, "1701", "00/Q2/2026", 2_000_000, "2026-07-30");
		gateway.reads().awaitOutstanding(later, 2_000_000);
		JsonNode next = JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/ledger?size=1&before=" + page.path("next").longValue())
				.with(officer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(next.path("items")).as("the line booked since is before the first page, not on the second")
			.singleElement()
			.satisfies((line) -> {
				assertThat(line.path("entryType").stringValue()).isEqualTo("OBLIGATION_BOOKED");
				assertThat(line.path("payableItemId").stringValue()).isEqualTo(item);
			});
		assertThat(next.path("next").isNull()).isTrue();
		assertThat(gateway.reads().balance(mst).path("items")).as("the settled item is in the ledger, not the balance")
			.singleElement()
			.satisfies((open) -> assertThat(open.path("payableItemId").stringValue()).isEqualTo(later));
		gateway.mvc().perform(get("/api/v1/taxpayers/" + mst + "/balance").with(bank(BANK)))
			.andExpect(status().isForbidden());
		gateway.mvc().perform(get("/api/v1/taxpayers/" + mst + "/ledger").with(taxpayer(mst))).andExpect(status().isOk());
		gateway.mvc().perform(get("/api/v1/taxpayers/" + mst + "/balance").with(taxpayer(DevBanks.mst(7999))))
			.andExpect(status().isNotFound());
		gateway.mvc().perform(get("/api/v1/taxpayers/0313829149/balance").with(officer()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTaxpayerPaysItsOwnItemFromTheSandboxBank() throws Exception {
		String mst = DevBanks.mst(8201);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 7_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 7_000_000);
		String request = "{\"payableItemId\":\"" + item + "\",\"paymentDate\":\"2026-05-20\"}";

		gateway.mvc()
			.perform(post("/api/v1/sandbox/bank-payments").with(taxpayer(DevBanks.mst(8202)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isNotFound());
		gateway.mvc()
			.perform(post("/api/v1/sandbox/bank-payments").with(bank(BANK))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isForbidden());
		gateway.mvc()
			.perform(post("/api/v1/sandbox/bank-payments").with(taxpayer(mst))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.amount").value(7_000_000))
			.andExpect(jsonPath("$.paymentDate").value("2026-05-20"));

		gateway.reads().awaitOutstanding(item, 0);
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.confirmation WHERE payer_mst = ? AND payment_date = ?")
			.params(mst, LocalDate.parse("2026-05-20"))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void countsAReversedPaymentAsUnpaidNotAsANewCharge() throws Exception {
		String mst = DevBanks.mst(9511);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 22_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 22_000_000);
		gateway.pay(mst, "LED2026042000000011", "2026-04-20", List.of(Line.naming(item, "1701", 30_000_000)));
		gateway.reads().awaitOutstanding(item, 0);

		gateway.publishSigned(mst, reversal("LED2026042000000012", "LED2026042000000011", mst, "2026-04-21",
				List.of(Line.naming(item, "1701", 30_000_000))));
		gateway.reads().awaitOutstanding(item, 22_000_000);

		JsonNode period = gateway.reads().balance(mst).path("periods").get(0);
		assertThat(period.path("charged").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(period.path("paid").decimalValue()).isZero();
		assertThat(period.path("outstanding").decimalValue()).isEqualByComparingTo("22000000");
		assertThat(gateway.reads().balance(mst).path("totalCredit").decimalValue()).isZero();
	}

	@Test
	void refusesSandboxPaymentsNoBankWouldMake() throws Exception {
		String mst = DevBanks.mst(9512);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 7_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 7_000_000);
		String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

		sandboxPay(mst, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("payableItemId")));
		sandboxPay(mst, "{\"payableItemId\":\"" + item + "\",\"amount\":1.5}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/invalid-sandbox-payment"))
			.andExpect(jsonPath("$.detail").value(containsString("fractions")));
		sandboxPay(mst, "{\"payableItemId\":\"" + item + "\",\"amount\":-5}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("amount must be positive"));
		sandboxPay(mst, "{\"payableItemId\":\"" + item + "\",\"paymentDate\":\"2099-12-31\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("after today")));
		sandboxPay(mst, "{\"payableItemId\":\"" + item + "\",\"paymentDate\":\"1999-01-01\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("registered")));
		assertThat(gateway.reads().outstanding(item)).isEqualByComparingTo("7000000");
		sandboxPay(mst, "{\"payableItemId\":\"" + item + "\",\"amount\":7000000.00,\"paymentDate\":\"" + today + "\"}")
			.andExpect(status().isAccepted());
		gateway.reads().awaitOutstanding(item, 0);
	}

	private ResultActions sandboxPay(String mst, String request) throws Exception {
		return gateway.mvc().perform(post("/api/v1/sandbox/bank-payments").with(taxpayer(mst))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request));
	}

}

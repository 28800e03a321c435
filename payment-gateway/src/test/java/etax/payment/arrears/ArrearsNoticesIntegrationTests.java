package etax.payment.arrears;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.devstack.LocalInfrastructure;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import etax.outbox.Outbox;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import etax.payment.RefusingTrigger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.officer;
import static etax.devstack.TestCallers.taxpayer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notices of tax arrears and late-payment interest (07/QLN): a month's notice tells a taxpayer what it owed at the
 * month's end on items already overdue, with the interest booked; once per taxpayer and month, announced on
 * {@code etax.notices.v1}; issued by national officers on demand as by the daily schedule, for any month that is over.
 * Taxpayers 8871–8876, 8879 and 8881–8885.
 */
@GatewayIntegrationTest
class ArrearsNoticesIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ArrearsNoticeRepository notices;

	@Autowired
	OverdueItems items;

	@Autowired
	Outbox outbox;

	@Autowired
	Clock clock;

	@Test
	void aMonthsNoticeListsWhatWasOverdueAndUnpaidAtItsEndOnceForEachTaxpayer() throws Exception {
		String mst = DevBanks.mst(8871);
		String overdue = UUID.randomUUID().toString();
		gateway.publishItem(mst, overdue, 10_000_000, "2026-05-04");
		gateway.publishItem(mst, UUID.randomUUID().toString(), 5_000_000, "2026-06-30"); // not due by the month's end
		gateway.reads().awaitOutstanding(overdue, 10_000_000);
		gateway.pay(mst, "ARR2026051000008871", "2026-05-10", List.of(Line.naming(overdue, "1701", 4_000_000)));
		gateway.reads().awaitOutstanding(overdue, 6_000_000);
		for (String day : List.of("2026-05-05", "2026-06-01")) { // June's interest is no arrears of May
			gateway.publish("etax.assessments.v1", mst, """
					{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-06T01:00:00Z",\
					"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
					"amount":3000,"assessedFor":"%s","dueDate":"%s"}""".formatted(
					UUID.nameUUIDFromBytes((overdue + day).getBytes(StandardCharsets.UTF_8)), overdue, mst, day, day), Map.of());
		}
		String settled = DevBanks.mst(8872);
		String paid = UUID.randomUUID().toString();
		gateway.publishItem(settled, paid, 1_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(paid, 1_000_000);
		gateway.pay(settled, "ARR2026050400008872", "2026-05-04", List.of(Line.naming(paid, "1701", 1_000_000)));
		gateway.reads().awaitOutstanding(paid, 0);
		await()
			.atMost(GatewayFixture.TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ?")
				.param(overdue)
				.query(Long.class)
				.single() == 2);

		bookedBefore("2026-05-31", mst, settled);
		assertThat(issue("2026-05", officer()).path("issued").asInt()).isPositive();

		JsonNode notice = single(notices(mst));
		assertThat(notice.path("month").asString()).isEqualTo("2026-05");
		assertThat(notice.path("asOf").asString()).isEqualTo("2026-05-31");
		assertThat(notice.path("items").valueStream()
			.map((item) -> String.join(" ", item.path("payableItemId").asString().equals(overdue) ? "the item" : "interest",
					item.path("kind").asString(), item.path("subItem").asString(), item.path("dueDate").asString(),
					item.path("outstanding").asString(), item.path("daysOverdue").asString())))
			.containsExactly("the item TAX 1701 2026-05-04 6000000 27", "interest INTEREST 4931 2026-05-05 3000 26");
		assertThat(notice.path("totalTax").asLong()).isEqualTo(6_000_000);
		assertThat(notice.path("totalInterest").asLong()).isEqualTo(3_000);
		assertThat(notice.path("itemsNotListed").asInt()).isZero();
		assertThat(items(mst, "2026-05", "page=1&size=1").valueStream().map((item) -> item.path("kind").asString()))
			.containsExactly("INTEREST");
		assertThat(notices(settled)).as("nothing overdue").isEmpty();
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + settled + "/arrears-notices/2026-05/items").with(taxpayer(settled)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/arrears-notice-not-found"));

		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.arrears_month WHERE month = '2026-05'")
			.query(Long.class)
			.single()).as("the month done: the next mornings leave it").isOne();
		// issued again: nothing new for the taxpayer, the same notice
		issue("2026-05", officer());
		assertThat(single(notices(mst))).isEqualTo(notice);

		List<ConsumerRecord<String, String>> announced = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.notices.v1", (record) -> mst.equals(record.key()), 1, Duration.ofSeconds(20));
		JsonNode event = GatewayFixture.JSON.readTree(announced.get(0).value());
		assertThat(event.path("type").asString()).isEqualTo("ArrearsNotified");
		// what declaration-api reads to pass the notice to the taxpayer's webhooks
		assertThat(event.path("mst").asString()).isEqualTo(mst);
		assertThat(event.path("eventId").asString()).isEqualTo(notice.path("noticeId").asString());
		assertThat(Instant.parse(event.path("occurredAt").asString())).isNotNull();
		assertThat(event.path("noticeId").asString()).isEqualTo(notice.path("noticeId").asString());
		assertThat(event.path("totalTax").asLong()).isEqualTo(6_000_000);
		assertThat(event.path("part").asInt()).isOne();
		assertThat(event.path("parts").asInt()).isOne();
	}

	@Test
	void onlyANationalOfficerIssuesNoticesAndATaxpayerReadsOnlyItsOwn() throws Exception {
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "2026-05")
				.with(bearer(TokenIssuer.local().officer("10100"))))
			.andExpect(status().isForbidden());
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "May 2026").with(officer()))
			.andExpect(status().isBadRequest());
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + DevBanks.mst(8871) + "/arrears-notices").with(taxpayer(DevBanks.mst(8872))))
			.andExpect(status().isNotFound());
	}

	/**
	 * A notice states what was outstanding at its month's end, whatever was paid since: a taxpayer owing 22M and 6M
	 * (of 10M, 4M paid in March) at 31 March, that paid both in April and owes nothing now, gets a March notice of
	 * 28M; one that owed 5M and paid 2M of it in April gets one of 5M. Issued months late, March comes out as on time.
	 * (Another test's May may list the second taxpayer's 3M: its notices are picked by month.)
	 */
	@Test
	void aDebtPaidAfterTheMonthsEndIsOnItsNoticeWithWhatWasOutstandingAtTheEnd() throws Exception {
		String settled = DevBanks.mst(8873);
		String whole = gateway.booked(settled, 22_000_000, "2026-03-20");
		String part = gateway.booked(settled, 10_000_000, "2026-03-10");
		gateway.pay(settled, "ARR2026032500008873", "2026-03-25", List.of(Line.naming(part, "1701", 4_000_000)));
		gateway.reads().awaitOutstanding(part, 6_000_000);
		gateway.pay(settled, "ARR2026040200008873", "2026-04-02",
				List.of(Line.naming(whole, "1701", 22_000_000), Line.naming(part, "1701", 6_000_000)));
		gateway.reads().awaitOutstanding(whole, 0);
		gateway.reads().awaitOutstanding(part, 0);
		String owing = DevBanks.mst(8874);
		String item = gateway.booked(owing, 5_000_000, "2026-03-16");
		gateway.pay(owing, "ARR2026041000008874", "2026-04-10", List.of(Line.naming(item, "1701", 2_000_000)));
		gateway.reads().awaitOutstanding(item, 3_000_000);
		bookedBefore("2026-03-31", settled, owing);
		// filed after the month's end, due before it: no debt the ledger knew at the end
		gateway.booked(owing, 7_000_000, "2026-03-05");

		JsonNode issued = issue("2026-03", officer());
		assertThat(issued.path("issued").asInt()).isPositive();
		assertThat(issued.path("failed").asInt()).isZero();

		JsonNode notice = ofMonth(notices(settled), "2026-03");
		assertThat(notice.path("asOf").asString()).isEqualTo("2026-03-31");
		assertThat(notice.path("items").valueStream()
			.map((i) -> String.join(" ", i.path("payableItemId").asString().equals(whole) ? "whole" : "part",
					i.path("dueDate").asString(), i.path("outstanding").asString(), i.path("daysOverdue").asString())))
			.containsExactly("part 2026-03-10 6000000 21", "whole 2026-03-20 22000000 11");
		assertThat(notice.path("totalTax").asLong()).isEqualTo(28_000_000);
		JsonNode partly = ofMonth(notices(owing), "2026-03");
		assertThat(partly.path("items").valueStream().map((i) -> i.path("outstanding").asLong())).containsExactly(5_000_000L);
		assertThat(partly.path("totalTax").asLong()).isEqualTo(5_000_000);
		assertThat(completed("2026-03")).isOne();

		// bounded reads: the items owing now through V44's index, the lines paid after the day through V46's, never
		// every item or line the taxpayers ever had; and so are the counts that bound a transaction
		LocalDate end = LocalDate.of(2026, 3, 31);
		String[] both = { settled, owing };
		String owed = plan(OverdueItems.OWED, both, end, end, both, end, end, end, end, end, end);
		String owingPage = plan(OverdueItems.OWING, "", end, end, end, 500);
		String paidPage = plan(OverdueItems.page(true), both, "", settled, end, end, end, end, 500, 500);
		String lastPage = plan(OverdueItems.page(false), both, "", end, end, end, end, 500, 500);
		String counted = plan(OverdueItems.COUNTED, end, end, end, end, both);
		assertThat(owed).contains("obligation_owing")
			.contains("ledger_line_obligation_paid")
			.doesNotContain("Seq Scan", "ledger_line_taxpayer", "obligation_taxpayer_office", "obligation_reducible");
		assertThat(owingPage).contains("obligation_owing").doesNotContain("Seq Scan");
		assertThat(paidPage).contains("ledger_line_obligation_paid").doesNotContain("Seq Scan", "ledger_line_taxpayer");
		assertThat(lastPage).contains("ledger_line_obligation_paid").doesNotContain("Seq Scan", "ledger_line_taxpayer");
		assertThat(counted).contains("obligation_owing", "ledger_line_obligation_paid")
			.doesNotContain("Seq Scan", "ledger_line_taxpayer", "obligation_taxpayer_office", "obligation_reducible");
	}

	private String plan(String sql, Object... params) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			gateway.jdbc().sql("SET LOCAL enable_seqscan = off").update();
			gateway.jdbc().sql("SET LOCAL enable_bitmapscan = off").update();
			return String.join("\n", gateway.jdbc().sql("EXPLAIN " + sql).params(params).query(String.class).list());
		});
	}

	/**
	 * A taxpayer whose notice cannot be stored holds back no other: its page is issued again one taxpayer at a time,
	 * the others get theirs, and the month stays not completed, so that the next run issues the one left.
	 */
	@Test
	void aNoticeThatFailsHoldsBackNoOtherAndIsIssuedByTheNextRun() throws Exception {
		String failing = DevBanks.mst(8875);
		String other = DevBanks.mst(8876);
		for (String mst : List.of(failing, other)) {
			gateway.booked(mst, 1_000_000, "2026-02-10");
		}
		bookedBefore("2026-02-28", failing, other);
		JsonNode first;
		try (RefusingTrigger trigger = RefusingTrigger.on(gateway.jdbc(), "payment.arrears_notice", "INSERT",
				"NEW.mst = '%s' AND NEW.month = '2026-02'".formatted(failing))) {
			first = issue("2026-02", officer());
		}

		assertThat(first.path("failed").asInt()).isOne();
		assertThat(ofMonth(notices(other), "2026-02").path("totalTax").asLong()).isEqualTo(1_000_000);
		assertThat(notices(failing).valueStream().map((n) -> n.path("month").asString())).doesNotContain("2026-02");
		assertThat(completed("2026-02")).as("left for the next run").isZero();

		JsonNode next = issue("2026-02", officer());
		assertThat(next.path("issued").asInt()).isOne();
		assertThat(next.path("failed").asInt()).isZero();
		assertThat(ofMonth(notices(failing), "2026-02").path("totalTax").asLong()).isEqualTo(1_000_000);
		assertThat(completed("2026-02")).isOne();
	}

	/**
	 * A page of taxpayers is issued in transactions of a bounded number of items: a debtor of years owes an interest
	 * item per item and day, and a page of such taxpayers in one transaction would read and store millions of items. A
	 * transaction takes the next taxpayer while its items fit, one with more than fit has a transaction of its own, and
	 * the month is completed once all are issued. Five items a transaction here; the rows a transaction inserted carry
	 * its id ({@code xmin}).
	 */
	@Test
	void aPageOfTaxpayersIsIssuedInTransactionsOfABoundedNumberOfItems() throws Exception {
		List<String> msts = IntStream.rangeClosed(8881, 8885).mapToObj(DevBanks::mst).sorted().toList();
		List<Integer> owed = List.of(2, 2, 7, 1, 1);
		for (int i = 0; i < msts.size(); i++) {
			for (int item = 0; item < owed.get(i); item++) {
				gateway.booked(msts.get(i), 100_000, "2026-01-1" + item);
			}
		}
		bookedBefore("2026-01-31", msts.toArray(String[]::new));
		ArrearsNotices fiveItemsATransaction = new ArrearsNotices(this.notices, this.items, this.outbox,
				this.transactions, this.clock, new ArrearsProperties(5));

		ArrearsNotices.Issuance run = fiveItemsATransaction.issue(YearMonth.of(2026, 1));

		assertThat(run.issued()).isEqualTo(5);
		assertThat(run.failed()).isZero();
		assertThat(gateway.jdbc()
			.sql("""
					SELECT string_agg(mst, ' ' ORDER BY mst) FROM payment.arrears_notice
					WHERE month = '2026-01' AND mst = ANY (?) GROUP BY xmin::text ORDER BY min(mst)""")
			.param(msts.toArray(String[]::new))
			.query(String.class)
			.list()).containsExactly(msts.get(0) + " " + msts.get(1), msts.get(2), msts.get(3) + " " + msts.get(4));
		assertThat(ofMonth(notices(msts.get(2)), "2026-01").path("items").size()).isEqualTo(7);
		assertThat(completed("2026-01")).isOne();
	}

	/** As if the taxpayers' items (and their interest) had been booked in the month, not as the test runs. */
	private static void bookedBefore(String day, String... msts) {
		gateway.jdbc()
			.sql("UPDATE payment.obligation SET booked_at = ?::date - 1 WHERE mst = ANY (?)")
			.params(day, msts)
			.update();
	}

	private static long completed(String month) {
		return gateway.jdbc()
			.sql("SELECT count(*) FROM payment.arrears_month WHERE month = ? AND completed_at IS NOT NULL")
			.param(month)
			.query(Long.class)
			.single();
	}

	/**
	 * This month, or a later one, is refused: its notices would be issued before its last days' debts and interest
	 * are known, and a notice is never changed. Nothing is stored for it, so it is issued in full once it is over.
	 */
	@Test
	void aMonthNotOverIsRefusedAndNothingIsStored() throws Exception {
		YearMonth now = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		for (String month : List.of(now.toString(), now.plusMonths(1).toString(), "2999-01")) {
			MockHttpServletResponse refused = gateway.mvc()
				.perform(post("/api/v1/arrears-notices").param("month", month).with(officer()))
				.andReturn()
				.getResponse();
			GatewayFixture.assertProblem(refused, 422, "arrears-month-not-over").contains(month);
		}
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.arrears_month WHERE month >= ?")
			.param(now.toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.arrears_notice WHERE month >= ?")
			.param(now.toString())
			.query(Long.class)
			.single()).isZero();
		gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", "0000-12").with(officer()))
			.andExpect(status().isBadRequest());
	}

	/**
	 * A month of a year after 9999 is the caller's mistake, as one before year 1 is: Java reads years up to
	 * 999,999,999, and the settling days after the end of such a month are past the last date it can hold.
	 */
	@Test
	void aMonthOfAYearAfter9999IsABadRequestAndNotAFailureOfTheServer() throws Exception {
		for (String month : List.of("+999999999-12", "+10000-01")) {
			MockHttpServletResponse refused = gateway.mvc()
				.perform(post("/api/v1/arrears-notices").param("month", month).with(officer()))
				.andReturn()
				.getResponse();
			GatewayFixture.assertProblem(refused, 400, "bad-request").contains("of a year from 1 to 9999");
		}
		assertThat(gateway.jdbc()
			.sql("SELECT count(*) FROM payment.arrears_month WHERE length(month) > 7")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A debtor of years owes an interest item per item and day: a list of its notices shows the first hundred items of
	 * each and counts the others, which the notice's pages of items list.
	 */
	@Test
	void aListOfNoticesShowsTheFirstHundredItemsOfEachAndItsPagesTheRest() throws Exception {
		String mst = DevBanks.mst(8879);
		gateway.jdbc().sql("""
				INSERT INTO payment.arrears_notice (notice_id, mst, month, as_of, issued_at, items, total_tax, total_interest,
				    total_penalty)
				SELECT gen_random_uuid(), ?, '2026-04', '2026-04-30', now(), jsonb_agg(jsonb_build_object('payableItemId',
				    'item-' || n, 'kind', 'INTEREST', 'chapter', '754', 'subItem', '4931', 'taxPeriod', '00/Q1/2026',
				    'dueDate', '2026-04-01', 'outstanding', 3000, 'daysOverdue', 29) ORDER BY n), 0, 450000, 0
				FROM generate_series(1, 150) AS n""").param(mst).update();

		JsonNode notice = ofMonth(notices(mst), "2026-04");
		assertThat(notice.path("items").size()).isEqualTo(100);
		assertThat(notice.path("items").get(99).path("payableItemId").asString()).isEqualTo("item-100");
		assertThat(notice.path("itemsNotListed").asInt()).isEqualTo(50);
		JsonNode rest = items(mst, "2026-04", "page=1&size=100");
		assertThat(rest.size()).isEqualTo(50);
		assertThat(rest.get(0).path("payableItemId").asString()).isEqualTo("item-101");
		assertThat(items(mst, "2026-04", "page=2&size=100").size()).isZero();
	}

	private static JsonNode items(String mst, String month, String query) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/arrears-notices/" + month + "/items?" + query)
				.with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode issue(String month, RequestPostProcessor caller) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(post("/api/v1/arrears-notices").param("month", month).with(caller))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The taxpayer's notices of the latest five years: the tests' months stay listed for a while. */
	private static JsonNode notices(String mst) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/arrears-notices").param("months", "60").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode ofMonth(JsonNode notices, String month) {
		List<JsonNode> of = notices.valueStream().filter((n) -> n.path("month").asString().equals(month)).toList();
		assertThat(of).hasSize(1);
		return of.get(0);
	}

	private static JsonNode single(JsonNode notices) {
		assertThat(notices.size()).isOne();
		return notices.get(0);
	}

}

package etax.declaration.submission;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etax.devstack.LocalInfrastructure;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.TokenIssuer;
import etax.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.finding;
import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static etax.devstack.TestCallers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A supplement that pays a refund back (01/KHBS section B, VN-ETAX.md §5.6) owes it from the day the refund was
 * received: one more payable item, under the sub-item the refund was paid from, due the day before, so that the
 * interest the ledger assesses from the day after a due date runs from the day received. On 10 May 2026, the sample
 * 01/GTGT of Q1/2026 ([40] 22,000,000, due 4 May) and its supplements, signed on 9 May.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class RefundClawbackIntegrationTests {

	private static final TokenIssuer TOKENS = TokenIssuer.local();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aSupplementPayingARefundBackOwesItFromTheDayTheRefundWasReceived() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));
		// [40] 22,000,000 -> 25,000,000, and 10,000,000 of VAT refunded on 20 April paid back: 19 days to 8 May
		String raised = SampleReturns.explaining(raised(supplement(mst, 1), 25_000_000), "40", 22_000_000, 25_000_000);

		JsonNode receipt = calls.file(clawingBack(raised, "1701", 10_000_000, "2026-04-20", 19, 57_000));

		assertThat(receipt.get("status").asString()).as(receipt.toString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(receipt)).doesNotContainAnyElementsOf(List.of("KHBS01-R004", "KHBS01-R005", "KHBS01-R006",
				"KHBS01-R007"));
		JsonNode items = receipt.get("payableItems");
		assertThat(items.valueStream().map((item) -> item.get("indicator").asString())).containsExactly("ct40",
				"PL01_KHBS.ct14");
		assertThat(items.at("/0/amount").asLong()).isEqualTo(3_000_000L);
		assertThat(items.at("/0/dueDate").asString()).isEqualTo("2026-05-04");
		JsonNode clawback = items.get(1);
		assertThat(clawback.get("amount").asLong()).isEqualTo(10_000_000L);
		assertThat(clawback.get("subItem").asString()).isEqualTo("1701");
		assertThat(clawback.get("taxPeriod").asString()).isEqualTo("00/Q1/2026");
		assertThat(clawback.get("dueDate").asString())
			.as("the day before the refund was received: interest runs from the day after the due date")
			.isEqualTo("2026-04-19");
		assertThat(clawback.get("paymentReference").asString())
			.isEqualTo(receipt.get("transactionCode").asString() + "-02");
		String itemId = clawback.get("id").asString();

		List<ConsumerRecord<String, String>> events = TopicReader.read(LocalInfrastructure.kafka().bootstrapServers(),
				"etax.payable-items.v1", (record) -> record.value().contains(itemId), 1, Duration.ofSeconds(20));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.key()).isEqualTo(mst);
			JsonNode body = this.json.readTree(event.value());
			assertThat(body.get("type").asString()).isEqualTo("PayableItemCreated");
			assertThat(body.get("returnId").asString()).isEqualTo(receipt.get("returnId").asString());
			assertThat(body.get("chapter").asString()).isEqualTo("754");
			assertThat(body.get("subItem").asString()).isEqualTo("1701");
			assertThat(body.get("taxPeriod").asString()).isEqualTo("00/Q1/2026");
			assertThat(body.get("amount").asLong()).isEqualTo(10_000_000L);
			assertThat(body.get("dueDate").asString()).isEqualTo("2026-04-19");
			assertThat(body.get("paymentReference").asString()).isEqualTo(clawback.get("paymentReference").asString());
			assertThat(body.get("taxOfficeCode").asString()).isEqualTo("99999");
		});
		assertThat(calls.notice(receipt)).as("the acceptance notice lists it with the others")
			.contains("<idKhoanNop>" + itemId + "</idKhoanNop>")
			.contains("<soTien>10000000</soTien>")
			.contains("<hanNop>2026-04-19</hanNop>");
		assertThat(this.jdbc.sql("""
				SELECT sub_item || ' ' || indicator || ' ' || amount || ' ' || due_date FROM filing.payable_item
				WHERE id = ?::uuid
				""").param(itemId).query(String.class).single()).isEqualTo("1701 PL01_KHBS.ct14 10000000 2026-04-19");
	}

	@Test
	void noItemWhenTheSupplementPaysNoRefundBack() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));

		JsonNode zero = calls.file(supplement(mst, 1).replace("<PL01_KHBS/>",
				"<PL01_KHBS><HoanThueThuHoi><tieuMuc/><ct14>0</ct14><ngayNhanHoan/><ct15>0</ct15><ct16>0</ct16>"
						+ "</HoanThueThuHoi></PL01_KHBS>"));
		JsonNode absent = calls.file(supplement(mst, 2));

		for (JsonNode receipt : List.of(zero, absent)) {
			assertThat(receipt.get("status").asString()).as(receipt.toString()).isEqualTo("ACCEPTED");
			assertThat(receipt.get("payableItems")).as("nothing changed, nothing paid back").isEmpty();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM filing.tax_return WHERE mst = ? AND clawback_amount IS NOT NULL")
			.param(mst)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSupplementRepeatingTheChainsClawbackChargesOnlyWhatItAdds() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));

		JsonNode first = calls.file(clawingBack(supplement(mst, 1), "1701", 10_000_000, "2026-04-20", 19, 57_000));
		JsonNode repeated = calls.file(clawingBack(supplement(mst, 2), "1701", 10_000_000, "2026-04-20", 19, 57_000));
		JsonNode none = calls.file(supplement(mst, 3));
		JsonNode raised = calls.file(clawingBack(supplement(mst, 4), "1701", 12_000_000, "2026-04-20", 19, 68_400));
		JsonNode another = calls.file(clawingBack(supplement(mst, 5), "1701", 5_000_000, "2026-03-10", 60, 90_000));

		assertThat(List.of(first, repeated, none, raised, another))
			.allSatisfy((receipt) -> assertThat(receipt.get("status").asString()).as(receipt.toString())
				.isEqualTo("ACCEPTED"));
		assertThat(clawbacks(first)).containsExactly("10000000 due 2026-04-19");
		assertThat(clawbacks(repeated)).as("the same refund, already charged by supplement 1").isEmpty();
		assertThat(clawbacks(none)).as("declaring none takes nothing back").isEmpty();
		assertThat(clawbacks(raised)).as("what it adds to the 10,000,000 charged").containsExactly("2000000 due 2026-04-19");
		assertThat(clawbacks(another)).as("another refund, received on 10 March").containsExactly("5000000 due 2026-03-09");
		assertThat(ruleIds(repeated)).as("the whole refund again, as [14] is meant")
			.doesNotContain("CTX-DUP-13", "CTX-DUP-14");
		assertThat(ruleIds(raised)).doesNotContain("CTX-DUP-13", "CTX-DUP-14");
		assertThat(ruleIds(another)).as("a new day under sub-item 1701, charged").contains("CTX-DUP-14");
		assertThat(this.jdbc.sql("""
				SELECT sum(amount) FROM filing.payable_item WHERE mst = ? AND indicator = 'PL01_KHBS.ct14'
				""").param(mst).query(Long.class).single()).isEqualTo(17_000_000L);
	}

	@Test
	void aLowerFigureOrANewDayOfARefundTheChainChargedIsAWarning() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));
		JsonNode first = calls.file(clawingBack(supplement(mst, 1), "1701", 10_000_000, "2026-04-20", 19, 57_000));

		// only this supplement's increase written: 4,000,000 of the 10,000,000 charged
		JsonNode lower = calls.file(clawingBack(supplement(mst, 2), "1701", 4_000_000, "2026-04-20", 19, 22_800));
		// the day received corrected to 21 April
		JsonNode moved = calls.file(clawingBack(supplement(mst, 3), "1701", 10_000_000, "2026-04-21", 18, 54_000));

		assertThat(List.of(first, lower, moved)).allSatisfy((receipt) -> assertThat(receipt.get("status").asString())
			.as(receipt.toString())
			.isEqualTo("ACCEPTED"));
		assertThat(ruleIds(first)).doesNotContain("CTX-DUP-13", "CTX-DUP-14");
		String charged = first.get("transactionCode").asString();
		JsonNode less = finding(lower, "CTX-DUP-13");
		assertThat(less.get("severity").asString()).isEqualTo("WARNING");
		assertThat(less.get("category").asString()).isEqualTo("DUPLICATE_CONDITION");
		assertThat(less.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/ct14");
		assertThat(less.get("value").asString()).isEqualTo("4000000");
		assertThat(less.at("/message/en").asString()).isEqualTo("[14] declares 4000000 to pay back of the refund "
				+ "received on 2026-04-20 (sub-item 1701), less than the chain already charged: 10000000 (transaction "
				+ "code " + charged + "); nothing is taken back.");
		assertThat(less.at("/message/vi").asString()).contains("mã giao dịch " + charged);
		assertThat(less.at("/remedy/en").asString()).contains("the same figure again if an earlier supplement declared it")
			.contains("corrected by the tax office");
		assertThat(clawbacks(lower)).as("nothing taken back, nothing charged").isEmpty();
		assertThat(ruleIds(lower)).doesNotContain("CTX-DUP-14");

		JsonNode another = finding(moved, "CTX-DUP-14");
		assertThat(another.get("severity").asString()).isEqualTo("WARNING");
		assertThat(another.get("category").asString()).isEqualTo("DUPLICATE_CONDITION");
		assertThat(another.get("xpath").asString())
			.isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/ngayNhanHoan");
		assertThat(another.get("value").asString()).isEqualTo("2026-04-21");
		assertThat(another.at("/message/en").asString()).isEqualTo("The chain already charged the refund under "
				+ "sub-item 1701 received on 2026-04-20 (10000000, transaction code " + charged + "); the one received "
				+ "on 2026-04-21 is another refund: its 10000000 is charged in full.");
		assertThat(another.at("/remedy/en").asString()).contains("ask the tax office");
		assertThat(clawbacks(moved)).as("charged in full as another refund").containsExactly("10000000 due 2026-04-20");
		assertThat(ruleIds(moved)).doesNotContain("CTX-DUP-13");
	}

	@Test
	void returnsFiledTogetherChargeTheSameRefundOnce() throws Exception {
		String agent = SampleReturns.registeredTaxpayer(this.jdbc, "M");
		String client = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		this.jdbc.sql("""
				INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from)
				VALUES (?, ?, ?, DATE '2026-01-01')
				""").params(agent, client, "HD-" + client).update();
		String original = SampleReturns.withAgent(SampleReturns.forTaxpayer(client), agent);
		List<String> returns = List.of(original,
				clawingBack(SampleReturns.supplement(signed(original), 1), "1701", 10_000_000, "2026-04-20", 19, 57_000),
				clawingBack(SampleReturns.supplement(signed(original), 2), "1701", 10_000_000, "2026-04-20", 19, 57_000));

		JsonNode items = batch(agent, returns).get("items");

		assertThat(items.valueStream().map((item) -> item.at("/receipt/status").asString()))
			.containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
		assertThat(clawbacks(items.at("/1/receipt"))).containsExactly("10000000 due 2026-04-19");
		assertThat(clawbacks(items.at("/2/receipt"))).as("supplement 1, decided before it in the same request")
			.isEmpty();
	}

	@Test
	void aRefundPaidBackWithoutItsSubItemOrDayIsNotAccepted() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));

		JsonNode receipt = calls.file(supplement(mst, 1).replace("<PL01_KHBS/>",
				"<PL01_KHBS><HoanThueThuHoi><ct14>10000000</ct14><ct15>0</ct15><ct16>0</ct16></HoanThueThuHoi></PL01_KHBS>"));

		assertThat(receipt.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(ruleIds(receipt)).contains("KHBS01-R004", "KHBS01-R005");
		for (String rule : List.of("KHBS01-R004", "KHBS01-R005")) {
			JsonNode missing = finding(receipt, rule);
			assertThat(missing.get("severity").asString()).isEqualTo("REJECT");
			assertThat(missing.get("category").asString()).isEqualTo("MISSING_DATA");
		}
		assertThat(finding(receipt, "KHBS01-R004").get("xpath").asString())
			.isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/tieuMuc");
		assertThat(finding(receipt, "KHBS01-R005").at("/message/en").asString())
			.isEqualTo("[14] declares 10000000 of refund to pay back but not the day the refund was received, from which "
					+ "late-payment interest runs.");
		assertThat(receipt.get("payableItems")).isEmpty();
	}

	@Test
	void daysThatDoNotCountFromTheDayReceivedAreAWarningAndTheItemFollowsTheDay() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		calls.file(SampleReturns.forTaxpayer(mst));

		// counted to 20 May, when the taxpayer means to pay: 30 days, not the 19 to the day before signing
		JsonNode receipt = calls.file(clawingBack(supplement(mst, 1), "1701", 10_000_000, "2026-04-20", 30, 90_000));

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode days = finding(receipt, "KHBS01-R007");
		assertThat(days.get("severity").asString()).isEqualTo("WARNING");
		assertThat(days.get("category").asString()).isEqualTo("MATH_ERROR");
		assertThat(days.get("xpath").asString()).isEqualTo("/HSoThueDTu/HSoKhaiThue/PLuc/PL01_KHBS/HoanThueThuHoi/ct15");
		assertThat(days.get("value").asString()).isEqualTo("30");
		assertThat(days.at("/message/en").asString()).isEqualTo("[15] counts 30 days; from the day the refund was "
				+ "received (2026-04-20) to the day before signing (2026-05-09) there are 19.");
		assertThat(clawbacks(receipt)).containsExactly("10000000 due 2026-04-19");
	}

	/** Supplement n of the sample for a taxpayer, signed on 9 May 2026, with empty 01/KHBS and 01-1/KHBS. */
	private static String supplement(String mst, int n) {
		return SampleReturns.supplement(signed(SampleReturns.forTaxpayer(mst)), n);
	}

	private static String signed(String xml) {
		return SampleReturns.with(xml, "ngayKy", "2026-05-09");
	}

	/** The sample's [40] raised, [25] and [36] with it. */
	private static String raised(String xml, long ct40) {
		long more = ct40 - 22_000_000;
		String raised = SampleReturns.with(xml, "ct25", String.valueOf(48_000_000 - more));
		raised = SampleReturns.with(raised, "ct36", String.valueOf(34_000_000 + more));
		raised = SampleReturns.with(raised, "ct40a", String.valueOf(ct40));
		return SampleReturns.with(raised, "ct40", String.valueOf(ct40));
	}

	/** A supplement whose 01/KHBS section B pays a refund back. */
	private static String clawingBack(String supplement, String subItem, long amount, String received, int days,
			long interest) {
		return supplement.replace("<PL01_KHBS/>", "<PL01_KHBS><HoanThueThuHoi><tieuMuc>" + subItem + "</tieuMuc><ct14>"
				+ amount + "</ct14><ngayNhanHoan>" + received + "</ngayNhanHoan><ct15>" + days + "</ct15><ct16>" + interest
				+ "</ct16></HoanThueThuHoi></PL01_KHBS>");
	}

	/** The receipt's clawback items, as amount and due date. */
	private static List<String> clawbacks(JsonNode receipt) {
		return receipt.get("payableItems")
			.valueStream()
			.filter((item) -> item.get("indicator").asString().equals("PL01_KHBS.ct14"))
			.map((item) -> item.get("amount").asLong() + " due " + item.get("dueDate").asString())
			.toList();
	}

	/** Files returns in one request of batch-processor's, as the agent: decided in one transaction, in order. */
	private JsonNode batch(String agent, List<String> returns) throws Exception {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < returns.size(); i++) {
			items.add(Map.of("idempotencyKey", "clawback-" + agent + "-" + (i + 1), "xml",
					returns.get(i).getBytes(StandardCharsets.UTF_8)));
		}
		Map<String, Object> request = Map.of("filer", Map.of("subject", "agent-" + agent, "role", "AGENT", "mst", agent),
				"items", items);
		return this.json.readTree(this.mvc
			.perform(post("/api/v1/returns:batch").with(bearer(TOKENS.service("batch-processor")))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsBytes(request)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}

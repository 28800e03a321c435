package etax.payment.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import etax.devstack.TokenIssuer;
import etax.payment.DevBanks;
import etax.payment.DevBanks.Line;
import etax.payment.GatewayFixture;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static etax.devstack.TestCallers.bearer;
import static etax.devstack.TestCallers.taxpayer;
import static etax.payment.GatewayFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A taxpayer's payment voucher (C1-02/NS) prefilled from what it owes: one line per open item in the order the law
 * ranks them, each naming its item; paid as prepared, it settles every item it names. Taxpayers 8893–8894; the ledger
 * is balanced after every test.
 */
@GatewayIntegrationTest
class PaymentVoucherIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aVoucherPreparedFromWhatIsOwedAndPaidAsPreparedSettlesEveryItemItNames() throws Exception {
		String mst = DevBanks.mst(8893);
		String arrears = UUID.randomUUID().toString();
		String current = UUID.randomUUID().toString();
		String paid = UUID.randomUUID().toString();
		// not due yet whenever the test runs
		LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(60);
		String period = "00/Q" + ((due.getMonthValue() + 2) / 3) + "/" + due.getYear();
		gateway.publishItem(mst, current, "1701", period, 5_000_000, due.toString());
		gateway.publishItem(mst, arrears, "1701", "00/Q1/2026", 10_000_000, "2026-05-04");
		gateway.publishItem(mst, paid, "1701", "00/Q2/2026", 1_000_000, "2026-07-31");
		String interest = UUID.randomUUID().toString();
		gateway.publish("etax.assessments.v1", mst, """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-05-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4931","taxPeriod":"00/Q1/2026",\
				"amount":45000,"assessedFor":"2026-05-20","dueDate":"2026-05-20"}""".formatted(interest, arrears, mst),
				Map.of());
		gateway.reads().awaitOutstanding(interest, 45_000);
		gateway.reads().awaitOutstanding(current, 5_000_000);
		gateway.pay(mst, "VCH2026080100000001", "2026-08-01", List.of(Line.naming(paid, "1701", 1_000_000)));
		gateway.reads().awaitOutstanding(paid, 0);

		JsonNode voucher = voucher(mst, "");
		assertThat(voucher.get("form").asString()).isEqualTo("C1-02/NS");
		assertThat(voucher.get("treasuryAccount").asString()).isEqualTo("7111");
		assertThat(voucher.get("lines").valueStream().map((l) -> l.get("payableItemId").asString()))
			.as("arrears, then interest, then tax not yet due; nothing for what is paid")
			.containsExactly(arrears, interest, current);
		assertThat(voucher.get("lines").valueStream().map((l) -> l.get("itemClass").asString()))
			.containsExactly("ARREARS", "INTEREST", "CURRENT");
		JsonNode interestLine = voucher.at("/lines/1");
		assertThat(interestLine.get("subItem").asString()).isEqualTo("4931");
		assertThat(interestLine.get("taxPeriod").asString()).isEqualTo("00/Q1/2026");
		assertThat(interestLine.get("amount").asLong()).isEqualTo(45_000);
		assertThat(voucher.get("total").asLong()).isEqualTo(15_045_000);
		assertThat(voucher.get("itemsLeftOut").asInt()).isZero();
		assertThat(voucher(mst, "?item=" + current).get("lines").valueStream().map((l) -> l.get("payableItemId").asString()))
			.containsExactly(current);

		List<Line> lines = voucher.get("lines")
			.valueStream()
			.map((l) -> new Line(l.get("subItem").asString(), l.get("taxPeriod").asString(), l.get("amount").asLong(),
					l.get("payableItemId").asString()))
			.toList();
		gateway.pay(mst, "VCH2026080100000002", "2026-08-01", lines);
		gateway.reads().awaitOutstanding(current, 0);
		assertThat(gateway.reads().outstanding(arrears)).isZero();
		assertThat(gateway.reads().outstanding(interest)).isZero();
		assertThat(voucher(mst, "").get("lines").isEmpty()).as("nothing left to pay").isTrue();
		assertThat(voucher(mst, "").get("total").asLong()).isZero();
	}

	@Test
	void onlyTheTaxpayerAndItsOfficersPrepareItAndOnlyForItemsThatOweSomething() throws Exception {
		String mst = DevBanks.mst(8894);
		String item = UUID.randomUUID().toString();
		gateway.publishItem(mst, item, "1701", "00/Q1/2026", 2_000_000, "2026-05-04");
		gateway.reads().awaitOutstanding(item, 2_000_000);
		String unknown = UUID.randomUUID().toString();

		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher?item=" + item + "&item=" + unknown)
				.with(taxpayer(mst)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://etax.example/problems/voucher-items-not-open"))
			.andExpect(jsonPath("$.items[0]").value(unknown));
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher").with(taxpayer(DevBanks.mst(8893))))
			.andExpect(status().isNotFound());
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher").with(bearer(TokenIssuer.local().bank("01202001"))))
			.andExpect(status().isForbidden());
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher")
				.with(bearer(TokenIssuer.local().nationalOfficer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines.length()").value(1));
	}

	private static JsonNode voucher(String mst, String query) throws Exception {
		return JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/payment-voucher" + query).with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}

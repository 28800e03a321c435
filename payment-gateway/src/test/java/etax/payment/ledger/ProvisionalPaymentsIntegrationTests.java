package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import static etax.payment.GatewayFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Corporate income tax paid by quarter on account of the year's (VN-ETAX §3.5 R-DL-4) is booked as the obligation
 * its payment declares, paid at once: never an overpayment offset elsewhere, never paid twice by the year's
 * finalization; and an item of the quarter booked later takes it (ADR 0006 addendum). End to end, from the bank's
 * confirmation and the payable items' topic to the ledger and the interest basis; what the quarters of the year's rule
 * fall short of its share of the year's tax (from 2022 the four quarters and 80 % by 30 January of the next year, up to
 * 2021 the first three and 75 % by 30 October, as the finalization's event announces it) is published as a basis of
 * interest of its own ({@code provisional_shortfall_v1}).
 */
@GatewayIntegrationTest
class ProvisionalPaymentsIntegrationTests {

	@RegisterExtension
	static final GatewayFixture gateway = new GatewayFixture();

	@Test
	void aQuarterPaidOnAccountIsItsOwnObligationNotACreditForTheVatArrearsNorForTheFinalization() throws Exception {
		String mst = DevBanks.mst(8801);
		String vat = UUID.randomUUID().toString();
		gateway.publishItem(mst, vat, 10_000_000, "2026-04-30");
		gateway.reads().awaitOutstanding(vat, 10_000_000);

		gateway.pay(mst, "TNQ2026051000000001", "2026-05-10", List.of(Line.of("1052", 40_000_000)));

		String provisional = awaitProvisional(mst, "00/Q1/2026");
		assertThat(gateway.reads().outstanding(provisional)).isZero();
		assertThat(gateway.reads().totalCredit(mst)).as("no overpayment").isZero();
		assertThat(gateway.reads().outstanding(vat)).as("the VAT arrears are not paid with CIT")
			.isEqualByComparingTo("10000000");
		assertThat(gateway.jdbc().sql("""
				SELECT due_date::text || ' ' || amount || ' ' || outstanding || ' ' || reduction_dates::text
				FROM payment.interest_basis_v1 WHERE payable_item_id = ?""")
			.param(provisional)
			.query(String.class)
			.single()).as("due as it is paid: no interest of its own")
			.isEqualTo("2026-05-10 40000000 0 {2026-05-10}");

		// 03/TNDN: the year's tax less what was paid on account (G) leaves I1
		String finalization = UUID.randomUUID().toString();
		gateway.publishItem(mst, finalization, "1052", "00/CN/2026", 5_000_000, "2027-03-31");
		gateway.reads().awaitOutstanding(finalization, 5_000_000);
		assertThat(gateway.reads().balance(mst).path("settled").asBoolean()).isFalse();
		assertThat(gateway.reads().outstanding(provisional)).isZero();
	}

	@Test
	void anItemOfTheQuarterBookedAfterThePaymentTakesItAndTheRestIsTheTaxpayersCredit() throws Exception {
		String mst = DevBanks.mst(8802);
		gateway.pay(mst, "TNQ2026051100000002", "2026-05-11", List.of(Line.of("1052", 1_500_000)));
		String provisional = awaitProvisional(mst, "00/Q1/2026");

		// a return declaring the quarter's CIT after all (a foreign supplier's, 01/NCCNN)
		String quarterly = UUID.randomUUID().toString();
		gateway.publishItem(mst, quarterly, "1052", "00/Q1/2026", 1_000_000, "2026-04-30");

		gateway.reads().awaitOutstanding(quarterly, 0);
		await().atMost(TIMEOUT).until(() -> gateway.reads().totalCredit(mst).compareTo(new BigDecimal(500_000)) == 0);
		assertThat(gateway.jdbc().sql("SELECT amount - reduced FROM payment.obligation WHERE item_id = ?")
			.param(provisional)
			.query(BigDecimal.class)
			.single()).as("superseded").isZero();
		assertThat(gateway.jdbc().sql("""
				SELECT value_date FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(quarterly)
			.query(LocalDate.class)
			.single()).as("paid when the bank paid it").isEqualTo(LocalDate.of(2026, 5, 11));
		assertThat(gateway.jdbc().sql("SELECT reduction_dates::text FROM payment.interest_basis_v1 WHERE payable_item_id = ?")
			.param(quarterly)
			.query(String.class)
			.single()).isEqualTo("{2026-05-11}");
	}

	@Test
	void whatASupersededPaymentFreesPaysTheArrearsOfItsSubItemBeforeTheQuarter() throws Exception {
		String mst = DevBanks.mst(8803);
		// 25 April: the quarter on account, naming no item, of a taxpayer with no credit
		gateway.pay(mst, "TNQ2026042500000803", "2026-04-25",
				List.of(new Line("1052", "00/Q1/2026", 70_000_000, null)));
		String provisional = awaitProvisional(mst, "00/Q1/2026");
		// 26 April: a late finalization of 2025, due 31 March, arrears at once; nothing pays it yet
		String finalization = UUID.randomUUID().toString();
		gateway.publishItem(mst, finalization, "1052", "00/CN/2025", 25_000_000, "2026-03-31");
		gateway.reads().awaitOutstanding(finalization, 25_000_000);

		// 28 April: an item of the quarter supersedes the provisional payment and frees its 70,000,000
		String quarterly = UUID.randomUUID().toString();
		gateway.publishItem(mst, quarterly, "1052", "00/Q1/2026", 60_000_000, "2026-04-30");
		await().atMost(TIMEOUT).until(() -> gateway.reads().outstanding(quarterly) != null);

		assertThat(gateway.reads().outstanding(finalization)).as("the arrears first").isZero();
		assertThat(gateway.reads().outstanding(quarterly)).as("then the quarter").isEqualByComparingTo("15000000");
		assertThat(gateway.reads().totalCredit(mst)).as("nothing left beside what is owed").isZero();
		assertThat(gateway.jdbc().sql("""
				SELECT value_date || ' ' || amount FROM payment.ledger_line
				WHERE item_id = ? AND entry_type = 'CREDIT_APPLIED' AND side = 'C'""")
			.param(finalization)
			.query(String.class)
			.single()).as("paid when the bank paid it").isEqualTo("2026-04-25 25000000");
		assertThat(gateway.jdbc().sql("SELECT amount - reduced FROM payment.obligation WHERE item_id = ?")
			.param(provisional)
			.query(BigDecimal.class)
			.single()).as("superseded").isZero();
	}

	@Test
	void theShortfallsViewHasTheColumnsOfTheInterestBasis() {
		String columns = """
				SELECT column_name || ' ' || data_type FROM information_schema.columns
				WHERE table_schema = 'payment' AND table_name = ? ORDER BY ordinal_position""";
		assertThat(gateway.jdbc().sql(columns).param("provisional_shortfall_v1").query(String.class).list())
			.isEqualTo(gateway.jdbc().sql(columns).param("interest_basis_v1").query(String.class).list())
			.hasSize(11);
		assertThat(gateway.jdbc().sql(columns).param("tax_paid_v1").query(String.class).list()).as("declaration-api's")
			.containsExactly("mst text", "sub_item text", "tax_period text", "item_id text", "paid_on date",
					"amount numeric", "booked_at timestamp with time zone");
	}

	@Test
	void whatTheFourQuartersFallShortOf80PercentOfTheYearIsPublishedAsAShortfallPaidOffByLaterPayments()
			throws Exception {
		String mst = DevBanks.mst(8851);
		gateway.pay(mst, "TNQ2025042500000851", "2025-04-25", List.of(quarter(1, 80_000_000)));
		gateway.pay(mst, "TNQ2025072800000851", "2025-07-28", List.of(quarter(2, 80_000_000)));
		gateway.pay(mst, "TNQ2025102900000851", "2025-10-29", List.of(quarter(3, 80_000_000)));
		gateway.pay(mst, "TNQ2025111000000851", "2025-11-10", List.of(quarter(3, 20_000_000)));
		gateway.pay(mst, "TNQ2026012900000851", "2026-01-29", List.of(quarter(4, 40_000_000)));
		// the fourth quarter topped up after its deadline: it pays the shortfall off
		gateway.pay(mst, "TNQ2026030200000851", "2026-03-02", List.of(quarter(4, 30_000_000)));
		awaitProvisionalPayments(mst, 6);

		// 03/TNDN for 2025: E1 + E5 = 400,000,000, of which 80 % is 320,000,000; 300,000,000 paid by 30 January 2026
		UUID finalization = UUID.randomUUID();
		gateway.publish("etax.payable-items.v1", mst, annualTax(UUID.randomUUID(), finalization, mst, 400_000_000), Map.of());

		String shortfall = "TAMNOP75-1052-2025-" + mst;
		await().atMost(TIMEOUT).until(() -> shortfall(shortfall) != null);
		assertThat(shortfall(shortfall)).isEqualTo("00/CN/2025 1052 20000000 2026-01-30 0 {2026-03-02} {20000000}");
		assertThat(gateway.jdbc().sql("""
				SELECT tax_period || ' ' || paid_on || ' ' || amount FROM payment.tax_paid_v1
				WHERE mst = ? AND sub_item = '1052' ORDER BY paid_on""")
			.param(mst)
			.query(String.class)
			.list()).as("what declaration-api holds a finalization's G1 and G2 to")
			.containsExactly("00/Q1/2025 2025-04-25 80000000", "00/Q2/2025 2025-07-28 80000000",
					"00/Q3/2025 2025-10-29 80000000", "00/Q3/2025 2025-11-10 20000000", "00/Q4/2025 2026-01-29 40000000",
					"00/Q4/2025 2026-03-02 30000000");

		// the same event again, and the same return under another event id, change nothing; other content is a
		// conflict, another rule too
		String again = annualTax(UUID.randomUUID(), finalization, mst, 400_000_000);
		gateway.publish("etax.payable-items.v1", mst, again, Map.of());
		gateway.publish("etax.payable-items.v1", mst, annualTax(UUID.randomUUID(), finalization, mst, 500_000_000),
				Map.of());
		gateway.publish("etax.payable-items.v1", mst,
				announcedBefore(UUID.randomUUID(), finalization, mst, 400_000_000).replace("\"taxOfficeCode\"",
						"\"provisionalQuarters\":3,\"requiredPercent\":90,\"taxOfficeCode\""),
				Map.of());
		await().atMost(TIMEOUT).until(() -> gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_event WHERE raw_value LIKE ? AND reason = 'conflict'")
			.param("%" + mst + "%")
			.query(Long.class)
			.single() == 2);
		assertThat(gateway.jdbc().sql("""
				SELECT count(*) || ' ' || min(required_percent) || ' ' || min(provisional_quarters) || ' ' || min(required)
				FROM payment.annual_tax WHERE mst = ?""")
			.param(mst)
			.query(String.class)
			.single()).isEqualTo("1 80 4 320000000");

		// interest assessed on the shortfall belongs to the finalization's office: 0.03 % a day on 20,000,000 from
		// 31 January to 1 March 2026, 30 days
		String assessed = """
				{"eventId":"%s","type":"InterestAssessed","version":1,"occurredAt":"2026-03-21T01:00:00Z",\
				"payableItemId":"%s","mst":"%s","chapter":"754","subItem":"4918","taxPeriod":"00/CN/2025",\
				"amount":180000,"assessedFor":"2026-03-20","dueDate":"2026-03-20"}""".formatted(UUID.randomUUID(),
				shortfall, mst);
		gateway.publish("etax.assessments.v1", mst, assessed, Map.of());
		await().atMost(TIMEOUT).until(() -> gateway.jdbc()
			.sql("SELECT tax_office_code FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ?")
			.param(shortfall)
			.query(String.class)
			.optional()
			.isPresent());
		assertThat(gateway.jdbc()
			.sql("SELECT tax_office_code FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ?")
			.param(shortfall)
			.query(String.class)
			.single()).isEqualTo("10100");

		// the taxpayer sees why: the rule, what the quarters had to pay, what they paid, what paid the shortfall off
		JsonNode year = years(mst).get(0);
		assertThat(year.path("id").asString()).isEqualTo(shortfall);
		assertThat(year.path("taxYear").asInt()).isEqualTo(2025);
		assertThat(year.path("finalizationReturnId").asString()).isEqualTo(finalization.toString());
		assertThat(List.of(year.path("provisionalQuarters").asInt(), year.path("requiredPercent").asInt()))
			.containsExactly(4, 80);
		assertThat(List.of(year.path("annualTax").asLong(), year.path("required").asLong(),
				year.path("paidByDeadline").asLong(), year.path("shortfall").asLong(), year.path("outstanding").asLong(),
				year.path("interestBooked").asLong()))
			.containsExactly(400_000_000L, 320_000_000L, 300_000_000L, 20_000_000L, 0L, 180_000L);
		assertThat(year.path("provisionalDeadline").asString()).isEqualTo("2026-01-30");
		assertThat(year.path("paidOff").valueStream().map((p) -> p.path("on").asString() + " " + p.path("amount").asLong()))
			.containsExactly("2026-03-02 20000000");
		gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/provisional-shortfalls").with(taxpayer(DevBanks.mst(8853))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSamePaymentsAreEnoughForTheFourQuartersAnd80PercentButFallShortOfTheFirstThreeAnd75Percent()
			throws Exception {
		// 240,000,000 paid by 30 October 2025, 20,000,000 on 10 November and 100,000,000 on 29 January 2026
		String judgedByQ4 = DevBanks.mst(8854);
		String judgedByQ3 = DevBanks.mst(8855);
		for (String mst : List.of(judgedByQ4, judgedByQ3)) {
			String ref = mst.equals(judgedByQ4) ? "0854" : "0855";
			gateway.pay(mst, "TNQ202504250000" + ref, "2025-04-25", List.of(quarter(1, 80_000_000)));
			gateway.pay(mst, "TNQ202507280000" + ref, "2025-07-28", List.of(quarter(2, 80_000_000)));
			gateway.pay(mst, "TNQ202510290000" + ref, "2025-10-29", List.of(quarter(3, 80_000_000)));
			gateway.pay(mst, "TNQ202511100000" + ref, "2025-11-10", List.of(quarter(3, 20_000_000)));
			gateway.pay(mst, "TNQ202601290000" + ref, "2026-01-29", List.of(quarter(4, 100_000_000)));
			awaitProvisionalPayments(mst, 5);
		}

		// the year's finalization as declaration-api announces it now: 360,000,000 paid by 30 January 2026 reaches
		// 80 % of 400,000,000, 320,000,000
		gateway.publish("etax.payable-items.v1", judgedByQ4,
				annualTax(UUID.randomUUID(), UUID.randomUUID(), judgedByQ4, 400_000_000), Map.of());
		// as it announced it before it carried the rule: the first three quarters and 75 %, 300,000,000, of which the
		// 240,000,000 paid by 30 October fall 60,000,000 short, paid off by the later payments in their order
		gateway.publish("etax.payable-items.v1", judgedByQ3,
				announcedBefore(UUID.randomUUID(), UUID.randomUUID(), judgedByQ3, 400_000_000), Map.of());

		String q4 = "TAMNOP75-1052-2025-" + judgedByQ4;
		String q3 = "TAMNOP75-1052-2025-" + judgedByQ3;
		await().atMost(TIMEOUT).until(() -> shortfall(q4) != null && shortfall(q3) != null);
		assertThat(shortfall(q4)).isEqualTo("00/CN/2025 1052 0 2026-01-30 0 {} {}");
		assertThat(shortfall(q3)).isEqualTo(
				"00/CN/2025 1052 60000000 2025-10-30 0 {2025-11-10,2026-01-29} {20000000,40000000}");
		JsonNode byQ4 = years(judgedByQ4).get(0);
		JsonNode byQ3 = years(judgedByQ3).get(0);
		assertThat(List.of(byQ4.path("provisionalQuarters").asInt(), byQ4.path("requiredPercent").asInt(),
				byQ4.path("required").asLong(), byQ4.path("paidByDeadline").asLong(), byQ4.path("shortfall").asLong()))
			.containsExactly(4, 80, 320_000_000L, 360_000_000L, 0L);
		assertThat(List.of(byQ3.path("provisionalQuarters").asInt(), byQ3.path("requiredPercent").asInt(),
				byQ3.path("required").asLong(), byQ3.path("paidByDeadline").asLong(), byQ3.path("shortfall").asLong()))
			.containsExactly(3, 75, 300_000_000L, 240_000_000L, 60_000_000L);

		// a later finalization of the year is in force with the rule it announces
		gateway.publish("etax.payable-items.v1", judgedByQ3,
				annualTax(UUID.randomUUID(), UUID.randomUUID(), judgedByQ3, 400_000_000), Map.of());
		await().atMost(TIMEOUT).until(() -> shortfall(q3).contains(" 2026-01-30 "));
		assertThat(shortfall(q3)).isEqualTo("00/CN/2025 1052 0 2026-01-30 0 {} {}");
	}

	@Test
	void aLaterFinalizationOfTheYearIsInForceAndNoShortfallIsLeftWhenTheQuartersPaidEnough() {
		String mst = DevBanks.mst(8852);
		gateway.pay(mst, "TNQ2025102000000852", "2025-10-20", List.of(quarter(1, 150_000_000), quarter(3, 90_000_000)));
		awaitProvisionalPayments(mst, 2);
		String shortfall = "TAMNOP75-1052-2025-" + mst;
		gateway.publish("etax.payable-items.v1", mst, annualTax(UUID.randomUUID(), UUID.randomUUID(), mst, 400_000_000),
				Map.of());
		await().atMost(TIMEOUT).until(() -> shortfall(shortfall) != null);
		assertThat(shortfall(shortfall)).isEqualTo("00/CN/2025 1052 80000000 2026-01-30 80000000 {} {}");

		// a supplement lowers the year's tax to 300,000,000: 80 % is 240,000,000, all paid by the deadline
		gateway.publish("etax.payable-items.v1", mst, annualTax(UUID.randomUUID(), UUID.randomUUID(), mst, 300_000_000),
				Map.of());
		await().atMost(TIMEOUT).until(() -> shortfall(shortfall).contains(" 0 2026-01-30 0 "));
		assertThat(shortfall(shortfall)).isEqualTo("00/CN/2025 1052 0 2026-01-30 0 {} {}");

		// a year's tax below zero, a year that is not one, or a rule that is none books nothing: an officer finds it
		// with the reason
		String valid = annualTax(UUID.randomUUID(), UUID.randomUUID(), mst, 1);
		for (String bad : List.of(annualTax(UUID.randomUUID(), UUID.randomUUID(), mst, -1),
				valid.replace("\"taxYear\":2025", "\"taxYear\":\"2025\""),
				valid.replace("\"provisionalQuarters\":4", "\"provisionalQuarters\":5"),
				valid.replace("\"requiredPercent\":80", "\"requiredPercent\":0"),
				valid.replace("\"requiredPercent\":80", "\"requiredPercent\":\"80\""))) {
			gateway.publish("etax.payable-items.v1", mst, bad, Map.of());
		}
		await().atMost(TIMEOUT).until(() -> gateway.jdbc()
			.sql("SELECT count(*) FROM payment.rejected_event WHERE raw_value LIKE ? AND reason = 'invalid-event'")
			.param("%" + mst + "%")
			.query(Long.class)
			.single() == 5);
		assertThat(gateway.jdbc().sql("SELECT count(*) FROM payment.annual_tax WHERE mst = ?")
			.param(mst)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/** A payment on account of a quarter of 2025, naming no item. */
	private static Line quarter(int quarter, long amount) {
		return new Line("1052", "00/Q" + quarter + "/2025", amount, null);
	}

	/**
	 * {@code AnnualTaxFinalized} as declaration-api announces an accepted 03/TNDN for 2025: the four quarters must
	 * have paid 80 % of the year's tax by the fourth quarter's provisional deadline, Friday 30 January 2026.
	 */
	private static String annualTax(UUID eventId, UUID returnId, String mst, long annualTax) {
		return announcedBefore(eventId, returnId, mst, annualTax).replace(
				"\"provisionalDeadline\":\"2025-10-30\"",
				"\"provisionalDeadline\":\"2026-01-30\",\"provisionalQuarters\":4,\"requiredPercent\":80");
	}

	/**
	 * {@code AnnualTaxFinalized} for 2025 as declaration-api announced it before it carried the year's rule: the
	 * third quarter's provisional deadline, Thursday 30 October 2025, and no quarters nor share, which the ledger takes
	 * as the first rule's, three and 75 %.
	 */
	private static String announcedBefore(UUID eventId, UUID returnId, String mst, long annualTax) {
		return """
				{"eventId":"%s","type":"AnnualTaxFinalized","version":1,"occurredAt":"2026-03-20T03:00:00Z",\
				"returnId":"%s","transactionCode":"10820260000000851","mst":"%s","chapter":"754","subItem":"1052",\
				"taxYear":2025,"taxPeriod":"00/CN/2025","annualTax":%d,"provisionalDeadline":"2025-10-30",\
				"taxOfficeCode":"10100"}""".formatted(eventId, returnId, mst, annualTax);
	}

	/** The taxpayer's years of provisional payments, as it reads them. */
	private static JsonNode years(String mst) throws Exception {
		return GatewayFixture.JSON.readTree(gateway.mvc()
			.perform(get("/api/v1/taxpayers/" + mst + "/provisional-shortfalls").with(taxpayer(mst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static void awaitProvisionalPayments(String mst, long count) {
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.obligation WHERE mst = ? AND item_id LIKE 'TAMNOP-%'")
				.param(mst)
				.query(Long.class)
				.single() == count);
	}

	/** The shortfall's row of {@code payment.provisional_shortfall_v1}, as text; null until there is one. */
	private static String shortfall(String id) {
		return gateway.jdbc().sql("""
				SELECT tax_period || ' ' || sub_item || ' ' || amount || ' ' || due_date || ' ' || outstanding || ' '
					|| reduction_dates::text || ' ' || reduction_amounts::text
				FROM payment.provisional_shortfall_v1 WHERE payable_item_id = ?""")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String awaitProvisional(String mst, String period) {
		await().atMost(TIMEOUT)
			.until(() -> gateway.jdbc()
				.sql("SELECT count(*) FROM payment.obligation WHERE mst = ? AND tax_period = ? AND item_id LIKE 'TAMNOP-%'")
				.params(mst, period)
				.query(Long.class)
				.single() == 1);
		return gateway.jdbc()
			.sql("SELECT item_id FROM payment.obligation WHERE mst = ? AND tax_period = ? AND item_id LIKE 'TAMNOP-%'")
			.params(mst, period)
			.query(String.class)
			.single();
	}

}

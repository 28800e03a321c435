package etax.declaration.submission;

import java.time.LocalDate;
import java.util.List;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static etax.declaration.submission.GeneratedReturns.citFinalization;
import static etax.declaration.submission.GeneratedReturns.findings;
import static etax.declaration.submission.GeneratedReturns.indicator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CTX-X-06 (R-X-3): what a 2025 03/TNDN declares paid on account, by the fourth quarter's provisional deadline
 * (G2: Friday 30 January 2026) and after it (G1), against the provisional payments the ledger recorded for the
 * year's quarters of sub-item 1052. The gateway's view {@code payment.tax_paid_v1} is a stand-in with its columns
 * (the gateway's {@code ProvisionalPaymentsIntegrationTests} holds the view to the same list), there only while a
 * test of this class runs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class PaidOnAccountIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private FilingCalls filing;

	@BeforeEach
	void standInForTheGatewaysView() {
		this.filing = new FilingCalls(this.mvc, this.json);
		this.jdbc.sql("""
				CREATE SCHEMA IF NOT EXISTS payment;
				CREATE TABLE payment.tax_paid_v1 (mst text, sub_item text, tax_period text, item_id text, paid_on date,
					amount numeric, booked_at timestamp with time zone)""").update();
	}

	@AfterEach
	void dropTheStandIn() {
		this.jdbc.sql("DROP TABLE payment.tax_paid_v1").update();
	}

	@Test
	void whatTheFinalizationDeclaresPaidOnAccountAsTheLedgerRecordedItIsNoFinding() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = finalization(mst);
		long byDeadline = Long.parseLong(indicator(xml, "ctG2"));
		long after = Long.parseLong(indicator(xml, "ctG1"));
		paid(mst, "00/Q1/2025", "2025-04-25", byDeadline - 1_000);
		paid(mst, "00/Q4/2025", "2026-01-30", 1_000); // on the deadline
		paid(mst, "00/Q4/2025", "2026-02-20", after);
		paid(mst, "00/CN/2025", "2026-02-20", 7_000_000); // the year's own item is no payment on account
		paid(mst, "00/Q2/2025", "2025-07-28", 0);

		JsonNode receipt = this.filing.file(xml);

		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(paidOnAccount(receipt)).isEmpty();
	}

	@Test
	void eachFigureThatDiffersFromTheLedgerIsAWarningNamingWhatWasRecorded() throws Exception {
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		String xml = finalization(mst);
		long byDeadline = Long.parseLong(indicator(xml, "ctG2"));
		paid(mst, "00/Q3/2025", "2025-10-29", byDeadline + 5_000);
		paid(mst, "00/Q3/2025", "2025-10-29", 0);
		paid(mst, "1701", "00/Q1/2025", "2025-04-25", 9_000_000); // VAT is no CIT paid on account

		JsonNode receipt = this.filing.file(xml);

		assertThat(receipt.get("status").asString()).as("a warning").isEqualTo("ACCEPTED");
		List<JsonNode> findings = paidOnAccount(receipt);
		assertThat(findings).extracting((f) -> f.get("severity").asString()).containsOnly("WARNING");
		assertThat(findings).extracting((f) -> f.get("xpath").asString())
			.containsExactly("/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ThueDaTamNop/ctG2",
					"/HSoThueDTu/HSoKhaiThue/CTieuTKhaiChinh/ThueDaTamNop/ctG1");
		assertThat(findings.get(0).get("message").get("en").asString())
			.isEqualTo("G2 for 2025 is " + byDeadline + ", not the CIT paid by the fourth quarter's provisional deadline "
					+ "(2026-01-30) the tax office recorded: " + (byDeadline + 5_000) + ".");
		assertThat(findings.get(1).get("message").get("en").asString()).endsWith(" the tax office recorded: 0.");
	}

	/** A generated 2025 03/TNDN with CIT paid on account both by the fourth quarter's deadline and after it. */
	private static String finalization(String mst) {
		return citFinalization(mst, 2025, (candidate) -> Long.parseLong(indicator(candidate, "ctG1")) > 0
				&& Long.parseLong(indicator(candidate, "ctG2")) > 1_000);
	}

	private void paid(String mst, String period, String paidOn, long amount) {
		paid(mst, "1052", period, paidOn, amount);
	}

	/** What the ledger counts as paid on an item of the taxpayer's sub-item and period on a day. */
	private void paid(String mst, String subItem, String period, String paidOn, long amount) {
		this.jdbc.sql("""
				INSERT INTO payment.tax_paid_v1 VALUES (?, ?, ?, gen_random_uuid()::text, ?, ?, now())""")
			.params(mst, subItem, period, LocalDate.parse(paidOn), amount)
			.update();
	}

	private List<JsonNode> paidOnAccount(JsonNode receipt) {
		return findings(receipt).stream().filter((f) -> "CTX-X-06".equals(f.get("ruleId").asString())).toList();
	}


}

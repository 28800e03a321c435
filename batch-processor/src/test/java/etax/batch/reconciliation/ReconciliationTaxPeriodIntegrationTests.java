package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.UUID;

import etax.batch.BatchProcessorIntegrationTest;
import etax.devstack.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A bank's file that reports a voucher line for another tax period (KY_THUE) than the tax side credited is
 * a coding exception naming {@code taxPeriod}, each leg's period kept and shown in the lines API and on the
 * console's exception page; a line whose bank file leaves the period out does not disagree. Works on
 * business day 2025-03-26, references RP…
 */
@BatchProcessorIntegrationTest
class ReconciliationTaxPeriodIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 26);

	private static final String PERIOD = "<KY_THUE>00/Q1/2025</KY_THUE>";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aLineOfAnotherTaxPeriodAtTheBankIsACodingMismatchShowingBothPeriods() {
		TaxSide tax = new TaxSide(this.jdbc);
		UUID same = tax.paid("RP01", DAY, "VND", "1000000", "1701");
		UUID otherPeriod = tax.paid("RP02", DAY, "VND", "2000000", "1701");
		UUID noPeriod = tax.paid("RP03", DAY, "VND", "3000000", "1701");
		String bank = bankFile(DAY, voucher("RP01", DAY, "01", "VND", "1000000", "1701"),
				voucher("RP02", DAY, "01", "VND", "2000000", "1701").replace(PERIOD, "<KY_THUE>00/Q4/2024</KY_THUE>"),
				voucher("RP03", DAY, "01", "VND", "3000000", "1701").replace(PERIOD, ""));
		new ReconciledDays(this.mvc, this.jdbc).reconcile(DAY, bank,
				statement(posted(same, DAY, "VND", "1000000", "1701"), posted(otherPeriod, DAY, "VND", "2000000", "1701"),
						posted(noPeriod, DAY, "VND", "3000000", "1701")));

		assertThat(this.jdbc.sql("""
				SELECT bank_reference || ' ' || class || ' ' || coalesce(array_to_string(mismatched, ','), '-')
				FROM reconciliation.line WHERE business_day = ? ORDER BY bank_reference""")
			.param(DAY)
			.query(String.class)
			.list()).containsExactly("RP01 MATCHED -", "RP02 CODING_MISMATCH taxPeriod", "RP03 MATCHED -");
		assertThat(this.mvc.get()
			.uri("/api/v1/reconciliation/days/{day}/lines?class=CODING_MISMATCH", DAY)
			.with(officer())
			.exchange()).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.items[0].bankReference").isEqualTo("RP02");
				assertThat(json).extractingPath("$.items[0].mismatched").asArray().containsExactly("taxPeriod");
				assertThat(json).extractingPath("$.items[0].tax.taxPeriod").isEqualTo("00/Q1/2025");
				assertThat(json).extractingPath("$.items[0].bank.taxPeriod").isEqualTo("00/Q4/2024");
				assertThat(json).extractingPath("$.items[0].treasury.taxPeriod").isNull();
			});

		long item = this.jdbc.sql("SELECT work_item_id FROM reconciliation.work_item WHERE business_day = ?")
			.param(DAY)
			.query(Long.class)
			.single();
		MockHttpSession console = signIn(TokenIssuer.local().officer(TaxSide.OFFICE));
		assertThat(this.mvc.get().uri("/console/exceptions/" + item).session(console).exchange()).hasStatusOk()
			.bodyText()
			.contains("Tax period", "00/Q1/2025", "00/Q4/2024");
	}

	private MockHttpSession signIn(String token) {
		MvcTestResult result = this.mvc.post().uri("/console/login").param("token", token).with(csrf()).exchange();
		assertThat(result).hasRedirectedUrl("/console/exceptions");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession();
	}

}

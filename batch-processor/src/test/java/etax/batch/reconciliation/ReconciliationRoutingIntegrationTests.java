package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.posted;
import static etax.batch.reconciliation.TaxSide.statement;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A voucher line routed to another treasury, another collection account, another collecting agency or
 * attributed to another payer by the bank's file or the treasury's statement is a coding exception with a
 * work item, the differing fields named and each leg's values kept; a bank's file that leaves these
 * optional fields out does not disagree. Works on business day 2025-03-18, references RR…
 */
@BatchProcessorIntegrationTest
class ReconciliationRoutingIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 18);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aLineRoutedElsewhereByAnotherLegIsACodingMismatchNamingTheFields() {
		TaxSide tax = new TaxSide(this.jdbc);
		UUID same = tax.paid("RR01", DAY, "VND", "1000000", "1701");
		UUID otherTreasury = tax.paid("RR02", DAY, "VND", "1100000", "1701");
		UUID otherAccountAtBank = tax.paid("RR03", DAY, "VND", "1200000", "1701");
		UUID otherAccountAtTreasury = tax.paid("RR04", DAY, "VND", "1300000", "1701");
		UUID otherAgency = tax.paid("RR05", DAY, "VND", "1400000", "1701");
		UUID otherPayer = tax.paid("RR06", DAY, "VND", "1500000", "1701");
		UUID unrouted = tax.paid("RR07", DAY, "VND", "1600000", "1701");

		String bank = bankFile(DAY, voucher("RR01", DAY, "01", "VND", "1000000", "1701"),
				voucher("RR02", DAY, "01", "VND", "1100000", "1701").replace("<MA_HIEU_KBAC>0111<", "<MA_HIEU_KBAC>0222<"),
				voucher("RR03", DAY, "01", "VND", "1200000", "1701").replace("<STK_THU>7111<", "<STK_THU>3511<"),
				voucher("RR04", DAY, "01", "VND", "1300000", "1701"),
				voucher("RR05", DAY, "01", "VND", "1400000", "1701").replace("<MA_CQTHU>" + TaxSide.AGENCY + "<",
						"<MA_CQTHU>1099999<"),
				voucher("RR06", DAY, "01", "VND", "1500000", "1701").replace("<MST_NNOP>0313829148<",
						"<MST_NNOP>0100109106<"),
				voucher("RR07", DAY, "01", "VND", "1600000", "1701").replace("<MST_NNOP>0313829148</MST_NNOP>", "")
					.replace("<MA_HIEU_KBAC>0111</MA_HIEU_KBAC><STK_THU>7111</STK_THU>", "")
					.replace("<MA_CQTHU>" + TaxSide.AGENCY + "</MA_CQTHU>", ""));
		String treasury = statement(posted(same, DAY, "VND", "1000000", "1701"),
				posted(otherTreasury, DAY, "VND", "1100000", "1701").replace(",0111,", ",0222,"),
				posted(otherAccountAtBank, DAY, "VND", "1200000", "1701"),
				posted(otherAccountAtTreasury, DAY, "VND", "1300000", "1701").replace(",7111,", ",8991,"),
				posted(otherAgency, DAY, "VND", "1400000", "1701"), posted(otherPayer, DAY, "VND", "1500000", "1701"),
				posted(unrouted, DAY, "VND", "1600000", "1701"));
		assertThat(importFile("/api/v1/reconciliation/bank-files", MediaType.APPLICATION_XML, bank))
			.isEqualTo(HttpStatus.CREATED);
		assertThat(importFile("/api/v1/reconciliation/treasury-statements", MediaType.parseMediaType("text/csv"),
				treasury))
			.isEqualTo(HttpStatus.CREATED);

		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/reconciliation/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + DAY + "\"}")
			.exchange()).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");

		assertThat(mismatched()).containsExactlyInAnyOrderEntriesOf(Map.of("RR01", List.of(), "RR02",
				List.of("treasuryCode"), "RR03", List.of("treasuryAccount"), "RR04", List.of("treasuryAccount"), "RR05",
				List.of("collectingAgency"), "RR06", List.of("payerMst"), "RR07", List.of()));
		assertThat(classes()).containsExactlyInAnyOrderEntriesOf(Map.of("RR01", "MATCHED", "RR02", "CODING_MISMATCH",
				"RR03", "CODING_MISMATCH", "RR04", "CODING_MISMATCH", "RR05", "CODING_MISMATCH", "RR06",
				"CODING_MISMATCH", "RR07", "MATCHED"));
		assertThat(this.jdbc.sql("""
				SELECT bank_reference FROM reconciliation.work_item
				WHERE business_day = ? AND class = 'CODING_MISMATCH' AND status = 'OPEN' AND tax_office = ?
				ORDER BY bank_reference""")
			.params(DAY, TaxSide.OFFICE)
			.query(String.class)
			.list()).containsExactly("RR02", "RR03", "RR04", "RR05", "RR06");
		assertThat(this.mvc.get()
			.uri("/api/v1/reconciliation/days/{day}/lines?class=CODING_MISMATCH", DAY)
			.with(officer())
			.exchange()).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.totalItems").isEqualTo(5);
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR02')].tax.treasuryCode")
					.asArray()
					.containsExactly("0111");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR02')].bank.treasuryCode")
					.asArray()
					.containsExactly("0222");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR02')].treasury.treasuryCode")
					.asArray()
					.containsExactly("0222");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR04')].treasury.treasuryAccount")
					.asArray()
					.containsExactly("8991");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR05')].bank.collectingAgency")
					.asArray()
					.containsExactly("1099999");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR06')].tax.payerMst")
					.asArray()
					.containsExactly("0313829148");
				assertThat(json).extractingPath("$.items[?(@.bankReference=='RR06')].bank.payerMst")
					.asArray()
					.containsExactly("0100109106");
			});
	}

	private HttpStatus importFile(String uri, MediaType type, String content) {
		SignedFiles.registerBanks(this.jdbc);
		String signature = uri.endsWith("/bank-files") ? SignedFiles.bank(content) : SignedFiles.treasury(content);
		return HttpStatus.valueOf(this.mvc.post()
			.uri(uri)
			.with(officer())
			.contentType(type)
			.header(SignedFiles.HEADER, signature)
			.content(content)
			.exchange()
			.getResponse()
			.getStatus());
	}

	/** The differing fields by bank reference. */
	private Map<String, List<String>> mismatched() {
		return this.jdbc.sql("""
				SELECT bank_reference, coalesce(mismatched, '{}') FROM reconciliation.line
				WHERE business_day = ? AND bank_reference IS NOT NULL""")
			.param(DAY)
			.query((row, n) -> entry(row.getString(1), List.of((String[]) row.getArray(2).getArray())))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Class by bank reference. */
	private Map<String, String> classes() {
		return this.jdbc.sql("SELECT bank_reference, class FROM reconciliation.line WHERE business_day = ?")
			.param(DAY)
			.query((row, n) -> entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}

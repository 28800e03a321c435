package etax.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.voucher;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank's files for the same day are ordered by when the bank generated them ({@code NGAY_GDICH_DC}), not by
 * when they arrive: one older than the file in force is refused and changes nothing; a newer one supersedes it.
 * Works on business day 2025-01-21, references RF…
 */
@BatchProcessorIntegrationTest
class ReconciliationFileOrderIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 1, 21);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aFileOlderThanTheOneInForceIsRefusedAndANewerOneSupersedesIt() {
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		calls.importBank(generatedAt("22/01/2025 08:00:00", "1000000"));

		assertThat(calls.postBankFile(generatedAt("22/01/2025 06:00:00", "1200000"))).as("generated before it, arrived after")
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.satisfies((problem) -> {
				assertThat(problem).extractingPath("$.type")
					.isEqualTo("https://etax.example/problems/reconciliation-file-outdated");
				assertThat(problem).extractingPath("$.detail").asString().contains("in force for 2025-01-21");
			});
		assertThat(amounts()).as("nothing changed").containsExactly(new BigDecimal("1000000.00"));

		calls.importBank(generatedAt("22/01/2025 09:00:00", "1300000"));
		assertThat(amounts()).containsExactly(new BigDecimal("1300000.00"));
	}

	private static String generatedAt(String time, String amount) {
		return bankFile(DAY, voucher("RF01", DAY, "01", "VND", amount, "1701"))
			.replace("<NGAY_GDICH_DC>21/01/2025 06:00:00<", "<NGAY_GDICH_DC>" + time + "<");
	}

	private List<BigDecimal> amounts() {
		return this.jdbc.sql("SELECT amount FROM reconciliation.bank_file_line WHERE business_day = ? AND bank_reference = 'RF01'")
			.param(DAY)
			.query(BigDecimal.class)
			.list();
	}

}

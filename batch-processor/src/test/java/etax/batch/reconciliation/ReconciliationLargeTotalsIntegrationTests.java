package etax.batch.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.IntStream;

import etax.batch.BatchProcessorIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.batch.reconciliation.TaxSide.bankFile;
import static etax.batch.reconciliation.TaxSide.voucher;
import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals of lines as large as the readers accept (18 digits before the point): a day of 101 of them in one
 * class still classifies, and its total is exact (V44; numeric(22,2) overflowed). Works on business day
 * 2025-01-20, references RL…
 */
@BatchProcessorIntegrationTest
class ReconciliationLargeTotalsIntegrationTests {

	private static final LocalDate DAY = LocalDate.of(2025, 1, 20);

	private static final String LARGEST = "999999999999999999.99";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aDayOfTheLargestAmountsClassifiesWithExactTotals() {
		new TaxSide(this.jdbc); // the tax side's view, empty for this day
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		calls.importBank(bankFile(DAY, IntStream.rangeClosed(1, 101)
			.mapToObj((n) -> voucher("RL%03d".formatted(n), DAY, "01", "VND", LARGEST, "1701"))
			.toArray(String[]::new)));

		calls.reconcile(DAY);

		BigDecimal total = new BigDecimal(LARGEST).multiply(BigDecimal.valueOf(101));
		assertThat(this.jdbc.sql("""
				SELECT sum(amount) FROM reconciliation.day_total
				WHERE business_day = ? AND class = 'ONLY_BANK' AND currency = 'VND'""")
			.param(DAY)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo(total);
		assertThat(this.mvc.get().uri("/api/v1/reconciliation/days/{day}", DAY).with(officer()).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.totals[0].lines")
			.isEqualTo(101);
	}

}

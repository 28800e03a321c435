package etax.batch.reconciliation;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class's business day, imported and reconciled through the API once, by the first test that needs
 * it; the later tests of the class work the exceptions it raised.
 */
public final class ReconciledDays {

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	public ReconciledDays(MockMvcTester mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/**
	 * @param day a business day
	 * @return whether an earlier test already reconciled it (it has work items)
	 */
	public boolean reconciled(LocalDate day) {
		return this.jdbc.sql("SELECT count(*) FROM reconciliation.work_item WHERE business_day = ?")
			.param(day)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Imports the day's bank file and treasury statement, each signed by its sender, as an officer and runs its reconciliation.
	 * @param day the business day
	 * @param bankFile the bank's reconciliation file ({@link TaxSide#bankFile})
	 * @param statement the treasury's statement ({@link TaxSide#statement})
	 */
	public void reconcile(LocalDate day, String bankFile, String statement) {
		ReconciliationCalls calls = new ReconciliationCalls(this.mvc, this.jdbc);
		calls.postBankFile(bankFile);
		calls.postTreasuryStatement(statement);
		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/reconciliation/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange()).hasStatus(HttpStatus.CREATED);
	}

}

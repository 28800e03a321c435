package etax.batch.reconciliation;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static etax.devstack.TestCallers.officer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reconciliation tests ask of the API as an officer: a signed bank file or treasury statement
 * imported, a day reconciled.
 *
 * @param mvc the service
 * @param jdbc its database, where the dev banks' keys are registered
 */
record ReconciliationCalls(MockMvcTester mvc, JdbcClient jdbc) {

	/** A bank's file, signed by its bank's key, as the service answered it. */
	MvcTestResult postBankFile(String xml) {
		SignedFiles.registerBanks(this.jdbc);
		return this.mvc.post()
			.uri("/api/v1/reconciliation/bank-files")
			.with(officer())
			.contentType(MediaType.APPLICATION_XML)
			.header(SignedFiles.HEADER, SignedFiles.bank(xml))
			.content(xml)
			.exchange();
	}

	/** The treasury's statement, signed by the treasury's key, as the service answered it. */
	MvcTestResult postTreasuryStatement(String csv) {
		return this.mvc.post()
			.uri("/api/v1/reconciliation/treasury-statements")
			.with(officer())
			.contentType("text/csv")
			.header(SignedFiles.HEADER, SignedFiles.treasury(csv))
			.content(csv)
			.exchange();
	}

	void importBank(String xml) {
		assertThat(postBankFile(xml)).hasStatus(HttpStatus.CREATED);
	}

	void importTreasury(String csv) {
		assertThat(postTreasuryStatement(csv)).hasStatus(HttpStatus.CREATED);
	}

	/** Runs the reconciliation job for a day, which must complete. */
	void reconcile(LocalDate day) {
		assertThat(this.mvc.post()
			.uri("/api/v1/jobs/reconciliation/executions")
			.with(officer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"businessDay\":\"" + day + "\"}")
			.exchange()).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");
	}

}

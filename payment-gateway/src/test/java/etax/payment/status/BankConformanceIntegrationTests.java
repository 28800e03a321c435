package etax.payment.status;

import java.util.List;

import etax.devstack.TokenIssuer;
import etax.devstack.conformance.BankConformance;
import etax.devstack.conformance.BankTarget;
import etax.devstack.conformance.CaseResult;
import etax.payment.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The banks' conformance pack over real HTTP, on the real topic and database: every case as the pack checks it. */
@GatewayIntegrationTest
class BankConformanceIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyCaseOfTheBanksConformancePackPasses() {
		List<CaseResult> results = BankConformance
			.run(new BankTarget("http://localhost:" + this.port, TokenIssuer.local(), "01202001", "01204001"));

		assertThat(results).hasSize(5).allSatisfy((result) -> assertThat(result.passed())
			.as("%s: %s", result.id(), result.detail())
			.isTrue());
	}

}

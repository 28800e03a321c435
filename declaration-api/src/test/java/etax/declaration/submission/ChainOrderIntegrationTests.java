package etax.declaration.submission;

import etax.devstack.LocalInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static etax.declaration.submission.GeneratedReturns.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return in force is the one decided last, whatever the postmarks say: a return received first may be decided
 * second (two filings of one chain at once), and a sandbox postmark is the filer's to choose. On 10 May 2026, the
 * sample 01/GTGT of Q1/2026 ([40] 22,000,000) and its supplements.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
@Import(TenthOfMay2026.class)
class ChainOrderIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aSupplementDecidedLaterStaysInForceThoughItsPostmarkIsEarlier() throws Exception {
		FilingCalls calls = new FilingCalls(this.mvc, this.json);
		String mst = SampleReturns.registeredTaxpayer(this.jdbc, "Q");
		JsonNode original = calls.file(SampleReturns.forTaxpayer(mst));
		JsonNode first = calls.file(supplement(mst, 1, 22_000_000, 25_000_000));
		assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("ACCEPTED");
		// decided after the original, but with a postmark a day before it
		this.jdbc.sql("UPDATE filing.tax_return SET received_at = (SELECT received_at FROM filing.tax_return WHERE "
				+ "id = ?::uuid) - interval '1 day' WHERE id = ?::uuid")
			.params(original.get("returnId").asString(), first.get("returnId").asString())
			.update();

		JsonNode second = calls.file(supplement(mst, 2, 25_000_000, 26_000_000));

		assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("ACCEPTED");
		assertThat(ruleIds(second)).doesNotContain("CTX-DUP-04");
		assertThat(second.at("/payableItems/0/amount").asLong()).as("the difference from supplement 1, in force")
			.isEqualTo(1_000_000);
	}

	/** Supplement n of the sample, [40] moved from what is in force to a new figure by [25] and [36]. */
	private static String supplement(String mst, int number, long declared, long adjusted) {
		long lower = adjusted - 22_000_000;
		String supplement = SampleReturns.supplement(SampleReturns.forTaxpayer(mst), number);
		supplement = SampleReturns.with(supplement, "ct25", String.valueOf(48_000_000 - lower));
		supplement = SampleReturns.with(supplement, "ct36", String.valueOf(34_000_000 + lower));
		supplement = SampleReturns.with(supplement, "ct40a", String.valueOf(adjusted));
		supplement = SampleReturns.with(supplement, "ct40", String.valueOf(adjusted));
		return SampleReturns.explaining(supplement, "40", declared, adjusted);
	}

}

package etax.declaration.submission;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Properties;

import etax.access.Caller;
import etax.access.Role;
import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.LocalPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of the look-ups that must stay quick however many returns there are, where PostgreSQL knows
 * least: thousands of rows but no statistics yet, as in a new database, a restore, or an upgrade before
 * ANALYZE. Each test rolls back what it did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class ReturnQueryPlansIntegrationTests {

	private static final String TAXPAYER = "0100000042";

	private static final String AGENT = "0309999999";

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	@Test
	void theEarliestAcceptedReturnOfAFilersContentIsFoundThroughItsIndex() throws SQLException {
		// the generic plan, which the filing transaction keeps
		String lookup = Idempotency.FIND_EARLIER.replaceFirst("\\?", "\\$1")
			.replaceFirst("\\?", "\\$2")
			.replaceFirst("\\?", "\\$3");
		assertThat(plan("EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + lookup, false))
			.contains("\"tax_return_accepted_content\"")
			.doesNotContain("\"tax_return_received_at\"");
	}

	@Test
	void theAcceptedOriginalsOfATaxpayersDateRangeFormAreFoundThroughTheIndexOnItsMst() throws SQLException {
		String originals = DateRanges.ACCEPTED_ORIGINALS.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2");
		assertThat(plan("EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + originals, false))
			.contains("\"tax_return_accepted_originals\"")
			.doesNotContain("\"Seq Scan\"");
	}

	@Test
	void aPageOfATaxpayersReturnsIsReadThroughItsIndex() throws SQLException {
		ReturnScope scope = ReturnScope.of(new Caller(TAXPAYER, Role.TAXPAYER, TAXPAYER, null, null), LocalDate.now());
		ReturnRepository.Query page = ReturnRepository.page(new ReturnFilter(null, null, null, null), scope, 0, 20);
		assertThat(plan(page, false)).contains("\"tax_return_head_office\"")
			.doesNotContain("\"tax_return_received_at\"");
	}

	@Test
	void aPageOfAnAgentsReturnsIsReadThroughTheIndexesOnFilerAndTaxpayerOnceThereAreStatistics() throws SQLException {
		// its own filings or its clients': no one index both filters and orders these, so this plan needs the
		// statistics (ADR 0020)
		ReturnScope scope = ReturnScope.of(new Caller("agent-1", Role.AGENT, AGENT, null, null), LocalDate.now());
		ReturnRepository.Query page = ReturnRepository.page(new ReturnFilter(null, null, null, null), scope, 0, 20);
		assertThat(plan(page, true)).contains("\"tax_return_filed_by\"", "\"tax_return_mst_form_period\"")
			.doesNotContain("\"tax_return_received_at\"");
	}

	private String plan(ReturnRepository.Query query, boolean analyzed) throws SQLException {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query.sql());
		MapSqlParameterSource parameters = new MapSqlParameterSource(query.parameters());
		return plan("EXPLAIN (FORMAT JSON) " + NamedParameterUtils.substituteNamedParameters(parsed, parameters),
				analyzed, NamedParameterUtils.buildValueArray(parsed, parameters, null));
	}

	/**
	 * The plan of a statement over 20,000 returns of 5,000 taxpayers, five of them the agent's clients, with none
	 * of tax_return's statistics unless analyzed. The connection sends parameters as literals, so that EXPLAIN
	 * may also plan a statement whose parameters have no values.
	 */
	private String plan(String explain, boolean analyzed, Object... values) throws SQLException {
		Properties simpleQueries = new Properties();
		simpleQueries.setProperty("user", LocalPostgres.USER);
		simpleQueries.setProperty("preferQueryMode", "simple");
		try (Connection connection = DriverManager.getConnection(this.datasourceUrl, simpleQueries)) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				// first, so that autovacuum neither holds these tables while ANALYZE waits for them nor waits for
				// the row of pg_class updated below while holding them: a deadlock either way
				sql.execute("LOCK TABLE filing.tax_return, filing.agent_contract IN SHARE UPDATE EXCLUSIVE MODE");
				sql.execute("DELETE FROM pg_statistic WHERE starelid = 'filing.tax_return'::regclass");
				sql.execute("UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'filing.tax_return'::regclass");
				sql.execute("""
						INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version,
						    filing_type, submission_number, period_kind, period_value, tax_office_code, status, received_at,
						    content_sha256, indicators, findings, xml, chain_key, filed_by)
						SELECT gen_random_uuid(), 'P' || lpad(n::text, 16, '0'), '01000' || lpad((n % 5000)::text, 5, '0'),
						    '01/GTGT', '842', '2.8.3', 'C', 0, 'Q', '1/2026', '10100', 'ACCEPTED', now() - n * interval '1 second',
						    encode(sha256(n::text::bytea), 'hex'), '{}', '[]', '\\x00', 'plan-test', 'plan-test'
						FROM generate_series(1, 20000) AS n""");
				sql.execute("INSERT INTO filing.agent_contract (agent_mst, taxpayer_mst, contract_number, valid_from) "
						+ "SELECT '" + AGENT + "', '01000' || lpad(n::text, 5, '0'), 'plan-test-' || n, DATE '2020-01-01' "
						+ "FROM generate_series(100, 104) AS n");
				if (analyzed) {
					sql.execute("ANALYZE filing.tax_return, filing.agent_contract");
				}
				try (PreparedStatement explained = connection.prepareStatement(explain)) {
					for (int i = 0; i < values.length; i++) {
						explained.setObject(i + 1, values[i]);
					}
					try (ResultSet plan = explained.executeQuery()) {
						assertThat(plan.next()).isTrue();
						return plan.getString(1);
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

}

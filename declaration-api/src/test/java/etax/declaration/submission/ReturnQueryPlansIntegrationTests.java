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

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	@Test
	void theEarliestReturnOfAContentIsFoundThroughItsIndex() throws SQLException {
		// the generic plan, which the filing transaction keeps
		String lookup = Idempotency.FIND_EARLIER.replaceFirst("\\?", "\\$1")
			.replaceFirst("\\?", "\\$2")
			.replaceFirst("\\?", "\\$3");
		assertThat(planWithoutStatistics("EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + lookup))
			.contains("\"tax_return_content_received\"")
			.doesNotContain("\"tax_return_received_at\"");
	}

	@Test
	void aPageOfATaxpayersReturnsIsReadThroughItsIndex() throws SQLException {
		ReturnScope scope = ReturnScope.of(new Caller(TAXPAYER, Role.TAXPAYER, TAXPAYER, null, null), LocalDate.now());
		ReturnRepository.Statement page = ReturnRepository.page(new ReturnFilter(null, null, null, null), scope, 0, 20);
		assertThat(planWithoutStatistics(page)).contains("\"tax_return_head_office\"")
			.doesNotContain("\"tax_return_received_at\"");
	}

	private String planWithoutStatistics(ReturnRepository.Statement statement) throws SQLException {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
		MapSqlParameterSource parameters = new MapSqlParameterSource(statement.parameters());
		return planWithoutStatistics("EXPLAIN (FORMAT JSON) " + NamedParameterUtils.substituteNamedParameters(parsed, parameters),
				NamedParameterUtils.buildValueArray(parsed, parameters, null));
	}

	/**
	 * The plan of a statement over 5,000 returns of 500 taxpayers, with none of tax_return's statistics. The
	 * connection sends parameters as literals, so that EXPLAIN may also plan a statement whose parameters
	 * have no values.
	 */
	private String planWithoutStatistics(String explain, Object... values) throws SQLException {
		Properties simpleQueries = new Properties();
		simpleQueries.setProperty("user", LocalPostgres.USER);
		simpleQueries.setProperty("preferQueryMode", "simple");
		try (Connection connection = DriverManager.getConnection(this.datasourceUrl, simpleQueries)) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				sql.execute("DELETE FROM pg_statistic WHERE starelid = 'filing.tax_return'::regclass");
				sql.execute("UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'filing.tax_return'::regclass");
				sql.execute("""
						INSERT INTO filing.tax_return (id, transaction_code, mst, form_code, ma_tkhai, form_version,
						    filing_type, submission_number, period_kind, period_value, tax_office_code, status, received_at,
						    content_sha256, indicators, findings, xml, chain_key, filed_by)
						SELECT gen_random_uuid(), 'P' || lpad(n::text, 16, '0'), '0100000' || lpad((n % 500)::text, 3, '0'),
						    '01/GTGT', '842', '2.8.3', 'C', 0, 'Q', '1/2026', '10100', 'ACCEPTED', now() - n * interval '1 second',
						    encode(sha256(n::text::bytea), 'hex'), '{}', '[]', '\\x00', 'plan-test', 'plan-test'
						FROM generate_series(1, 5000) AS n""");
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

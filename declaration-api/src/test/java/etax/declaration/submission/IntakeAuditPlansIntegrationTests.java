package etax.declaration.submission;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * The pages of the intake audit are read from the index of their scope, which also orders them, with 20,000 lines
 * and no statistics (ADR 0020): a flood of refused uploads never makes a filer's or an office's page read them all.
 * Each test rolls back what it did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class IntakeAuditPlansIntegrationTests {

	private static final IntakeAuditFilter EVERY_LINE = new IntakeAuditFilter(null, null, null, null, null);

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	@Test
	void aFilersPageIsReadThroughItsIndex() throws SQLException {
		Caller tvan = new Caller("tvan-7", Role.TVAN, null, null, null);
		assertThat(plan(IntakeAudit.page(EVERY_LINE, IntakeAuditScope.of(tvan), 0, 20))).contains("\"intake_audit_caller\"")
			.doesNotContain("\"intake_audit_at\"");
	}

	@Test
	void anOfficesPageIsReadThroughItsIndex() throws SQLException {
		Caller officer = new Caller("officer-10107", Role.OFFICER, null, "10107", null);
		IntakeAuditFilter refusals = new IntakeAuditFilter(null, null, "refused", null, null);
		assertThat(plan(IntakeAudit.page(refusals, IntakeAuditScope.of(officer), 0, 20)))
			.contains("\"intake_audit_office\"")
			.doesNotContain("\"intake_audit_at\"");
	}

	@Test
	void oneContentIsFoundThroughItsIndex() throws SQLException {
		Caller national = new Caller("national-officer", Role.NATIONAL_OFFICER, null, null, null);
		IntakeAuditFilter content = new IntakeAuditFilter(null, null, null, null, "0".repeat(63) + "7");
		assertThat(plan(IntakeAudit.page(content, IntakeAuditScope.of(national), 0, 20)))
			.contains("\"intake_audit_content\"")
			.doesNotContain("\"intake_audit_at\"");
	}

	/**
	 * The plan of a page over 20,000 lines of 2,000 callers and 100 offices, with none of intake_audit's
	 * statistics. The connection sends parameters as literals.
	 */
	private String plan(ReturnRepository.Query query) throws SQLException {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query.sql());
		MapSqlParameterSource parameters = new MapSqlParameterSource(query.parameters());
		Object[] values = NamedParameterUtils.buildValueArray(parsed, parameters, null);
		Properties simpleQueries = new Properties();
		simpleQueries.setProperty("user", LocalPostgres.USER);
		simpleQueries.setProperty("preferQueryMode", "simple");
		try (Connection connection = DriverManager.getConnection(this.datasourceUrl, simpleQueries)) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				sql.execute("DELETE FROM pg_statistic WHERE starelid = 'filing.intake_audit'::regclass");
				sql.execute("UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'filing.intake_audit'::regclass");
				sql.execute("""
						INSERT INTO filing.intake_audit (at, outcome, reason, size_bytes, content_sha256, caller_subject,
						    caller_role, mst, managing_office_code)
						SELECT now() - n * interval '1 second', 'malformed', 'NOT_WELL_FORMED', 100,
						    encode(sha256(n::text::bytea), 'hex'), 'tvan-' || (n % 2000), 'TVAN', NULL,
						    '10' || lpad((n % 100)::text, 3, '0')
						FROM generate_series(1, 20000) AS n""");
				String explain = "EXPLAIN (FORMAT JSON) " + NamedParameterUtils.substituteNamedParameters(parsed, parameters);
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

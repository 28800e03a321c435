package etax.batch.console;

import java.util.Map;
import java.util.stream.Collectors;

import etax.batch.BatchProcessorIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Migration V43 on audit rows recorded before it: an office officer's work item action that was done gets the
 * item's office, unless the item has moved since; every other row stays no office's (national officers
 * only). Runs the migrations in a database of its own on the test JVM's PostgreSQL, up to V42, adds the rows,
 * then runs V43.
 */
@BatchProcessorIntegrationTest
class ConsoleAuditOfficeMigrationIntegrationTests {

	private static final String DATABASE = "console_audit_office_migration";

	@Autowired
	private JdbcClient jdbc;

	@Value("${spring.datasource.url}")
	private String url;

	@Value("${spring.datasource.username}")
	private String user;

	@Test
	void olderRowsGetAnOfficeOnlyWhereTheActionProvesIt() {
		this.jdbc.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
		this.jdbc.sql("CREATE DATABASE " + DATABASE).update();
		try {
			DriverManagerDataSource database = new DriverManagerDataSource(
					this.url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE), this.user, "");
			migrate(database, "42");
			JdbcClient old = JdbcClient.create(database);
			old.sql("""
					INSERT INTO reconciliation.work_item (work_item_id, business_day, line_key, class, tax_office,
					    status, created_at, updated_at) VALUES
					    (1, '2025-01-02', 'a', 'ONLY_BANK', '1054321', 'OPEN', now(), now()),
					    (2, '2025-01-02', 'b', 'ONLY_BANK', '70129', 'OPEN', now(), now())""").update();
			old.sql("""
					INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
					VALUES (2, now(), 'reconciliationJob', 'MOVED', '1054321 -> 70129')""").update();
			old.sql("""
					INSERT INTO batch.console_audit (at, subject, role, action, target, outcome, detail) VALUES
					    (now(), 'done', 'OFFICER', 'WORK_ITEM_ASSIGN', 'work-item 1', 'OK', NULL),
					    (now(), 'refused', 'OFFICER', 'WORK_ITEM_ASSIGN', 'work-item 1', 'REFUSED', 'not found'),
					    (now(), 'moved', 'OFFICER', 'WORK_ITEM_ASSIGN', 'work-item 2', 'OK', NULL),
					    (now(), 'national', 'NATIONAL_OFFICER', 'WORK_ITEM_ASSIGN', 'work-item 1', 'OK', NULL),
					    (now(), 'longer-id', 'OFFICER', 'WORK_ITEM_ASSIGN', 'work-item 10', 'OK', NULL),
					    (now(), 'taxpayer', 'OFFICER', 'EXTENSION_GRANT', 'taxpayer 0313829148 extension 1', 'OK',
					        NULL),
					    (now(), 'signed-in', 'OFFICER', 'SIGN_IN', NULL, 'OK', NULL)""").update();

			migrate(database, "latest");

			Map<String, String> offices = old
				.sql("SELECT subject, coalesce(tax_office, 'none') FROM batch.console_audit")
				.query((row, n) -> entry(row.getString(1), row.getString(2)))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(offices).containsOnly(entry("done", "1054321"), entry("refused", "none"), entry("moved", "none"),
					entry("national", "none"), entry("longer-id", "none"), entry("taxpayer", "none"),
					entry("signed-in", "none"));
		}
		finally {
			this.jdbc.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
		}
	}

	private static void migrate(DriverManagerDataSource database, String target) {
		Flyway.configure()
			.dataSource(database)
			.schemas("batch")
			.defaultSchema("batch")
			.locations("classpath:db/migration/batch", "classpath:db/migration/outbox")
			.target(target)
			.load()
			.migrate();
	}

}

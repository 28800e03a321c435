package etax.declaration.taxpayer;

import java.util.UUID;

import etax.devstack.LocalInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment's registry starts empty: the made-up companies of the local run, and the contract between two of them,
 * come only with the seed location the local run and the tests add.
 */
class SeedMigrationIntegrationTests {

	private static final String MIGRATIONS = "classpath:db/migration/declaration";

	private static final String OUTBOX = "classpath:db/migration/outbox";

	@Test
	void aDeploymentsRegistryHoldsNoSeedAndTheLocalRunsHoldsIt() {
		JdbcClient deployment = migrate(MIGRATIONS, OUTBOX);
		JdbcClient local = migrate(MIGRATIONS, OUTBOX, "classpath:db/seed/declaration");

		assertThat(deployment.sql("SELECT count(*) FROM filing.taxpayer").query(Long.class).single()).isZero();
		assertThat(deployment.sql("SELECT count(*) FROM filing.agent_contract").query(Long.class).single()).isZero();
		assertThat(local.sql("SELECT mst FROM filing.taxpayer ORDER BY mst").query(String.class).list())
			.containsExactly("0100109106", "0313829148", "1801321141", "3500779171", "5702126556");
		assertThat(local.sql("SELECT taxpayer_mst FROM filing.agent_contract WHERE agent_mst = '0100109106'")
			.query(String.class)
			.list()).containsExactly("0313829148");
	}

	private static JdbcClient migrate(String... locations) {
		String url = LocalInfrastructure.postgres()
			.createDatabase("seed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("filing")
			.defaultSchema("filing")
			.locations(locations)
			.load()
			.migrate();
		return JdbcClient.create(dataSource);
	}

}

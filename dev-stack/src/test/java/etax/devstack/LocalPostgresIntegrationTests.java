package etax.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A durable server keeps its data where its caller says, on disk, and removes it when it stops.
 */
class LocalPostgresIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void aDurableServerKeepsItsDataInTheDirectoryItIsGivenUntilItStops() throws Exception {
		Path data = this.directory.resolve("postgres-data");
		try (LocalPostgres postgres = LocalPostgres.start(0, LocalPostgres.Durability.DURABLE, data);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
				ResultSet row = connection.createStatement().executeQuery("SHOW data_directory")) {
			row.next();
			assertThat(Path.of(row.getString(1))).isEqualTo(data);
		}
		assertThat(data).doesNotExist();
	}

	@Test
	void aDurableServerIsNotStartedInATemporaryDirectory() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalPostgres.start(0, LocalPostgres.Durability.DURABLE));
	}

}

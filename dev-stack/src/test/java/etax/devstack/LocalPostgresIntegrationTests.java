package etax.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A durable server keeps its data where its caller says, on disk, and removes it when it stops; a server asked to
 * requires its superuser's password of every connection.
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
	void aServerThatRequiresAPasswordRefusesAConnectionWithAnotherOne() throws Exception {
		try (LocalPostgres postgres = LocalPostgres.start(0, LocalPostgres.Durability.FAST)) {
			String password = postgres.requirePassword();

			assertThat(password).matches("[A-Za-z0-9_-]{32}");
			// the server reloads its pg_hba.conf shortly after it is asked to
			Instant deadline = Instant.now().plusSeconds(10);
			String refusal = null;
			while (refusal == null && Instant.now().isBefore(deadline)) {
				try (Connection guessed = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "x")) {
					Thread.sleep(100);
				}
				catch (SQLException ex) {
					refusal = ex.getSQLState();
				}
			}
			// invalid_password
			assertThat(refusal).isEqualTo("28P01");
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, password)) {
				assertThat(connection.isValid(5)).isTrue();
			}
			assertThat(postgres.createDatabase("after_password")).contains("/after_password");
		}
	}

	@Test
	void aDurableServerIsNotStartedInATemporaryDirectory() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalPostgres.start(0, LocalPostgres.Durability.DURABLE));
	}

}

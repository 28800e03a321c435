package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server run from the embedded binaries, with one database {@value #DATABASE}.
 *
 * <p>
 * Two durability profiles: {@link Durability#DURABLE} ({@code fsync} and {@code synchronous_commit} on,
 * as in production, used by the local run and benchmarks) and {@link Durability#FAST} (commits not
 * flushed before they return; for tests, where a lost commit on power failure does not matter). A durable server
 * keeps its data in a directory its caller chooses on disk: the temporary directory is memory (tmpfs) on many systems,
 * where a flush means nothing. The data directory is removed when the server stops. The time zone is UTC: business
 * dates are computed by the services in Asia/Ho_Chi_Minh.
 *
 * <p>
 * The server stops when its owner closes it, never by a shutdown hook of its own: the embedded binaries' hook ran
 * beside {@code ./etax up}'s on Ctrl-C, whatever its order, and stopped the database under the services still
 * finishing their requests and relaying their last messages. The owner stops it, last ({@code DevStack},
 * {@code LocalInfrastructure}).
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String DATABASE = "etax";

	public static final String USER = "postgres";

	public enum Durability {

		DURABLE, FAST

	}

	private final EmbeddedPostgres server;

	/** The superuser's password: none until {@link #requirePassword}, as initdb left it. */
	private volatile String password = "";

	private LocalPostgres(EmbeddedPostgres server) {
		this.server = server;
	}

	/**
	 * Starts a server of the {@link Durability#FAST} profile, its data in a new temporary directory.
	 * @param port the port, or 0 for a free one
	 * @param durability {@link Durability#FAST}
	 * @return the running server with database {@value #DATABASE} created
	 * @throws IllegalArgumentException for {@link Durability#DURABLE}, whose data goes on disk
	 * ({@link #start(int, Durability, Path)})
	 */
	public static LocalPostgres start(int port, Durability durability) {
		if (durability == Durability.DURABLE) {
			throw new IllegalArgumentException("A durable server's data goes in a directory on disk, not a temporary one");
		}
		return launch(port, durability, null);
	}

	/**
	 * Starts a server with its data in the given directory.
	 * @param port the port, or 0 for a free one
	 * @param durability the durability profile
	 * @param dataDirectory where the data goes, absent or empty (initdb fills it), on disk for
	 * {@link Durability#DURABLE}
	 * @return the running server with database {@value #DATABASE} created
	 */
	public static LocalPostgres start(int port, Durability durability, Path dataDirectory) {
		return launch(port, durability, dataDirectory);
	}

	private static LocalPostgres launch(int port, Durability durability, @Nullable Path dataDirectory) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setServerConfig("synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
				.setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB");
			if (Boolean.parseBoolean(System.getenv("ETAX_POSTGRES_STATEMENT_STATISTICS"))) {
				// where the database's time goes, per statement: CREATE EXTENSION pg_stat_statements, then query it
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			}
			if (port > 0) {
				builder.setPort(port);
			}
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory);
			}
			LocalPostgres postgres = new LocalPostgres(builder.start());
			postgres.createDatabase();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	private void createDatabase() {
		createDatabase(DATABASE);
	}

	/**
	 * Creates another database on this server, for a test that must not share its data with the
	 * services of the other tests in its JVM (such as a relay that would pick up its rows).
	 * @param name the database name (letters, digits, underscores)
	 * @return the JDBC URL of the new database
	 */
	public String createDatabase(String name) {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return jdbcUrl(name);
	}

	public int port() {
		return this.server.getPort();
	}

	/**
	 * The server's postmaster and data directory: pg_ctl detaches the server, so it outlives this JVM if that is
	 * killed ({@link StackProcesses}).
	 * @return the postmaster's process and the data directory, read from the server itself
	 */
	StackProcesses.Entry serverProcess() {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SHOW data_directory")) {
			row.next();
			Path directory = Path.of(row.getString(1));
			long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
			ProcessHandle postmaster = ProcessHandle.of(pid)
				.orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + pid + " is not running"));
			return StackProcesses.Entry.of("postgres", postmaster, directory);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read PostgreSQL's data directory", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read PostgreSQL's postmaster.pid", ex);
		}
	}

	/**
	 * Makes every connection give the password of {@value #USER}, a new random one ({@link PasswordAuthentication}):
	 * the server starts trusting any local user as its superuser. For the local run, which stays up on a known port;
	 * the tests' servers, on a random port for the length of a build, keep the trust their tests connect with.
	 * @return the password of {@value #USER}
	 */
	String requirePassword() {
		try (Connection connection = connect()) {
			this.password = PasswordAuthentication.require(connection, USER);
			return this.password;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set PostgreSQL's password", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write PostgreSQL's pg_hba.conf", ex);
		}
	}

	private Connection connect() throws SQLException {
		return this.server.getPostgresDatabase().getConnection(USER, this.password);
	}

	public String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	private String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database + "?reWriteBatchedInserts=true";
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

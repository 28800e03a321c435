package etax.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import etax.devstack.DevTokens;

/**
 * The {@code --name=value} options of a load benchmark against the running local stack, where that stack
 * is ({@code target/dev-stack/stack.properties}, option {@code stack}), its database (options
 * {@code jdbc}, {@code db-user}, {@code db-password}, by default the password in the stack's file) and a bearer
 * token of its token issuer.
 */
public final class RunOptions {

	private final Map<String, String> options;

	private RunOptions(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * @param args the command line
	 * @return its options
	 * @throws IllegalArgumentException for an argument that is not {@code --name=value}
	 */
	public static RunOptions parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Options are --name=value, not " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return new RunOptions(options);
	}

	public String get(String name, String fallback) {
		return this.options.getOrDefault(name, fallback);
	}

	/**
	 * @param property e.g. {@code batch-processor.url}
	 * @param fallback when the stack file does not say
	 * @return what the running stack's file says
	 */
	public String stack(String property, String fallback) throws IOException {
		Properties stack = new Properties();
		Path file = Path.of(get("stack", "target/dev-stack/stack.properties"));
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stack.load(reader);
			}
		}
		return stack.getProperty(property, fallback);
	}

	/**
	 * Connects to the stack's database and prints the settings every figure that touches it must be read
	 * with.
	 * @param defaultUrl the JDBC URL when option {@code jdbc} is absent
	 * @return the connection
	 */
	public Connection database(String defaultUrl) throws SQLException {
		Connection db = DriverManager.getConnection(get("jdbc", defaultUrl), credentials());
		try (Statement statement = db.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "default_toast_compression", "shared_buffers",
					"work_mem", "max_wal_size", "checkpoint_timeout", "server_version")) {
				try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
					row.next();
					System.out.printf("  PostgreSQL %s = %s%n", setting, row.getString(1));
				}
			}
			// how the returns' XML is stored (declaration-api's V8): lz4, or uncompressed where the server lacks it
			try (ResultSet row = statement.executeQuery("""
					SELECT CASE attstorage WHEN 'e' THEN 'external (uncompressed)' WHEN 'x' THEN 'extended' ELSE attstorage::text END,
					       CASE attcompression WHEN 'l' THEN 'lz4' WHEN 'p' THEN 'pglz' ELSE 'default' END
					FROM pg_attribute WHERE attrelid = to_regclass('filing.tax_return') AND attname = 'xml'""")) {
				if (row.next()) {
					System.out.printf("  PostgreSQL filing.tax_return.xml storage = %s, compression = %s%n", row.getString(1),
							row.getString(2));
				}
			}
		}
		return db;
	}

	/**
	 * @return {@code user} and {@code password} of the stack's database; the password, unless given, the one the
	 * running stack set and wrote to its file
	 */
	public Properties credentials() {
		Properties credentials = new Properties();
		credentials.setProperty("user", get("db-user", "postgres"));
		try {
			credentials.setProperty("password", get("db-password", stack("postgres.password", "")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return credentials;
	}

	/**
	 * @return the value of an {@code Authorization} header for a national officer of the running stack
	 */
	public String officerAuthorization() {
		return "Bearer " + DevTokens.issuer(Path.of(".")).nationalOfficer();
	}

}

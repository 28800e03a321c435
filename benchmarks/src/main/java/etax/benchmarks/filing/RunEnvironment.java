package etax.benchmarks.filing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Where a load benchmark runs: the database settings it prints next to its figures, and the local stack's addresses. */
public final class RunEnvironment {

	private RunEnvironment() {
	}

	/**
	 * Reads a load benchmark's command line.
	 * @param args options of the form {@code --name=value}
	 * @return name to value
	 * @throws IllegalArgumentException for anything else
	 */
	public static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Options are --name=value, not " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	/**
	 * Prints {@code SHOW fsync, synchronous_commit, default_toast_compression, shared_buffers, work_mem,
	 * server_version}.
	 * @param db a connection to the stack's database
	 */
	public static void printDatabase(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "default_toast_compression",
					"shared_buffers", "work_mem", "server_version")) {
				try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
					row.next();
					System.out.printf("  PostgreSQL %s = %s%n", setting, row.getString(1));
				}
			}
		}
	}

	/**
	 * The addresses {@code ./etax up} wrote ({@code declaration-api.url}, {@code batch-processor.url}, ...).
	 * @param file {@code target/dev-stack/stack.properties}, or another
	 * @return the properties, empty when the file does not exist
	 */
	public static Properties stack(Path file) throws IOException {
		Properties stack = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stack.load(reader);
			}
		}
		return stack;
	}

}

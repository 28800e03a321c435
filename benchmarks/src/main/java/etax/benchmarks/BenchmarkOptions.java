package etax.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import etax.devstack.DevTokens;

/**
 * The {@code --name=value} options of a load generator, and what it needs of the running local stack
 * ({@code ./etax up}): the addresses in {@code target/dev-stack/stack.properties} (option {@code stack})
 * and a bearer token of its token issuer.
 */
public final class BenchmarkOptions {

	private final Map<String, String> values;

	private BenchmarkOptions(Map<String, String> values) {
		this.values = values;
	}

	public static BenchmarkOptions parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Options are --name=value, not " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return new BenchmarkOptions(values);
	}

	public String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	/**
	 * The addresses of the running stack.
	 * @return its stack file's properties, none when there is no stack file
	 */
	public Properties stack() throws IOException {
		Properties stack = new Properties();
		Path file = Path.of(get("stack", "target/dev-stack/stack.properties"));
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stack.load(reader);
			}
		}
		return stack;
	}

	/**
	 * @return the value of an {@code Authorization} header for a national officer of the running stack
	 */
	public String officerAuthorization() {
		return "Bearer " + DevTokens.issuer(Path.of(".")).nationalOfficer();
	}

}

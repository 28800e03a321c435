package etax.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code --name=value} options of a load generator, and what it needs of the running local stack
 * ({@code ./etax up}): the addresses in {@code target/dev-stack/stack.properties} (option {@code stack})
 * and the dev credential (options {@code user}/{@code password}, dev/dev).
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
	 * @return the value of an {@code Authorization} header with the dev credential
	 */
	public String basicAuthorization() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((get("user", "dev") + ":" + get("password", "dev")).getBytes(StandardCharsets.UTF_8));
	}

}

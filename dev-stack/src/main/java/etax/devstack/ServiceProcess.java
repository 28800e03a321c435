package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * One service of the system running as a child JVM, its output in a log file, started with the same
 * {@code java} as this JVM: from its executable jar (the local run) or from this JVM's class path
 * (tests that kill a service with SIGKILL at a chosen point and start it again).
 */
public final class ServiceProcess {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final Process process;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a module's executable jar (built by {@code package}) in a new JVM.
	 * @param projectRoot the root of the Maven project
	 * @param module the module whose {@code target/*.jar} to run
	 * @param port the HTTP port
	 * @param properties Spring Boot properties, passed as command-line arguments but passwords and secrets
	 * ({@link #credential})
	 * @param logDirectory where the log file goes
	 * @return the started process (not yet healthy)
	 */
	public static ServiceProcess startJar(Path projectRoot, String module, int port, Map<String, Object> properties,
			Path logDirectory) {
		Path jar = executableJar(projectRoot.resolve(module).resolve("target"));
		return start(module, List.of("-jar", jar.toString()), port, properties, logDirectory);
	}

	/**
	 * Starts a Spring Boot application class in a new JVM on this JVM's class path.
	 * @param name a name for the log file
	 * @param mainClass the application class
	 * @param port the HTTP port
	 * @param properties Spring Boot properties, passed as command-line arguments but passwords and secrets
	 * ({@link #credential})
	 * @param logDirectory where the log file goes
	 * @return the started process (not yet healthy)
	 */
	public static ServiceProcess startClass(String name, Class<?> mainClass, int port, Map<String, Object> properties,
			Path logDirectory) {
		return start(name, List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), port, properties,
				logDirectory);
	}

	private static ServiceProcess start(String name, List<String> launch, int port, Map<String, Object> properties,
			Path logDirectory) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions(Runtime.version().feature(),
				System.getenv().getOrDefault("ETAX_SERVICE_JVM_OPTIONS", "")));
		command.addAll(launch);
		command.add("--server.port=" + port);
		Map<String, Object> credentials = new LinkedHashMap<>();
		properties.forEach((key, value) -> {
			if (credential(key)) {
				credentials.put(key, value);
			}
			else {
				command.add("--" + key + "=" + value);
			}
		});
		try {
			Files.createDirectories(logDirectory);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve(name + ".log").toFile()));
			if (!credentials.isEmpty()) {
				builder.environment().put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(credentials));
			}
			Process process = builder.start();
			return new ServiceProcess(name, port, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/**
	 * Whether a property is a password, a secret or a token: those go to the service in its environment
	 * ({@code SPRING_APPLICATION_JSON}, readable by its own user only), never on its command line, which every
	 * user of the machine can read.
	 */
	static boolean credential(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return name.endsWith("password") || name.endsWith("secret") || name.endsWith("token");
	}

	/**
	 * The options of a service's JVM: compact object headers where they are a product feature (JDK 25,
	 * JEP 519), since a filing allocates about 18 % fewer bytes with them (docs/benchmarks.md), then the
	 * caller's own options, which come later and so win (e.g. {@code -XX:-UseCompactObjectHeaders}, or a
	 * profiler's {@code -XX:FlightRecorderOptions:stackdepth=256}).
	 * @param javaVersion the feature version of the JVM the service runs on (this JVM's)
	 * @param extra options separated by white space, possibly blank
	 * @return the options, in order
	 */
	static List<String> jvmOptions(int javaVersion, String extra) {
		List<String> options = new ArrayList<>();
		if (javaVersion >= 25) {
			options.add("-XX:+UseCompactObjectHeaders");
		}
		if (!extra.isBlank()) {
			options.addAll(List.of(extra.strip().split("\\s+")));
		}
		return options;
	}

	private static Path executableJar(Path target) {
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + ": build first (./etax up does)"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No build output in " + target + ": build first (./etax up does)", ex);
		}
	}

	/**
	 * Waits until the service answers UP on its health endpoint.
	 * @param timeout how long to wait
	 */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ "; see its log");
			}
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					if (!this.process.isAlive()) {
						// another process on the port answered
						throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
								+ "; see its log");
					}
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " not healthy after " + timeout);
	}

	/** @return the process, as the list of a run's processes keeps it */
	StackProcesses.Entry entry() {
		return StackProcesses.Entry.of(this.name, this.process.toHandle(), null);
	}

	/** @return the process id, which a process's own {@code pid@host} name starts with */
	public long pid() {
		return this.process.pid();
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	String name() {
		return this.name;
	}

	/** Kills the process with SIGKILL: no shutdown hook, no graceful close, as in a crash. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** Stops the process gracefully (SIGTERM), forcibly after 20 seconds. */
	public void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * One service of the system running as a child JVM, its output in a log file, started with the same
 * {@code java} as this JVM: from its executable jar (the local run) or from this JVM's class path
 * (tests that kill a service with SIGKILL at a chosen point and start it again).
 *
 * <p>
 * A child never outlives this JVM by its doing: a failed {@link #awaitHealthy} kills it, and until it is stopped or
 * killed a shutdown hook of this JVM stops it, so a test JVM that ends early (a test that throws past its clean-up,
 * surefire ending a timed-out fork) leaves no service running on the machine. Only a SIGKILL of this JVM itself
 * still can: no hook runs then.
 *
 * <p>
 * The child writes the port its web server bound to a file of its own ({@link PortFile}): {@link #awaitHealthy}
 * asks only that port, so an answer from another process is never taken for the child's, and port {@code 0} (any
 * free port, chosen by the child when it binds) leaves no gap in which another process could take a port chosen
 * earlier.
 */
public final class ServiceProcess {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final Process process;

	private final PortFile portFile;

	private final Thread stopAtExit;

	/** The port the child bound, once its port file told it; 0 before. */
	private volatile int boundPort;

	private ServiceProcess(String name, int port, Process process, PortFile portFile) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.portFile = portFile;
		this.stopAtExit = new Thread(() -> {
			terminate(process);
			portFile.delete();
		}, "stop-" + name + "-at-exit");
	}

	/**
	 * Starts a module's executable jar (built by {@code package}) in a new JVM.
	 * @param projectRoot the root of the Maven project
	 * @param module the module whose {@code target/*.jar} to run
	 * @param port the HTTP port, or {@code 0} for any free one ({@link #url} is known once healthy)
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
	 * @param port the HTTP port, or {@code 0} for any free one ({@link #url} is known once healthy)
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
		PortFile portFile = PortFile.in(logDirectory, name + "-" + UUID.randomUUID() + ".port");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions(Runtime.version().feature(),
				System.getenv().getOrDefault("ETAX_SERVICE_JVM_OPTIONS", "")));
		command.addAll(portFile.jvmOptions());
		command.addAll(launch);
		command.add("--server.port=" + port);
		command.addAll(portFile.arguments());
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
			ServiceProcess service = new ServiceProcess(name, port, process, portFile);
			try {
				Runtime.getRuntime().addShutdownHook(service.stopAtExit);
			}
			catch (IllegalStateException shuttingDown) {
				// this JVM is already exiting: nothing would stop the child later
				service.destroyNow();
				throw shuttingDown;
			}
			return service;
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
	 * Waits until the service answers UP on its health endpoint, on the port the child itself says it bound. When it
	 * does not (it exits, the time runs out, this thread is interrupted), the child is killed before this throws: a
	 * caller that never got a healthy service has nothing to stop.
	 * @param timeout how long to wait
	 */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		boolean healthy = false;
		try {
			poll(timeout);
			healthy = true;
		}
		finally {
			if (!healthy) {
				destroyNow();
			}
		}
	}

	private void poll(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ "; see its log");
			}
			int bound = this.portFile.read();
			if (bound != 0) {
				if (this.port != 0 && bound != this.port) {
					throw new IllegalStateException(this.name + " bound port " + bound + ", not " + this.port);
				}
				this.boundPort = bound;
				if (up(client)) {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
								+ "; see its log");
					}
					return;
				}
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " not healthy after " + timeout + "; see its log");
	}

	private boolean up(HttpClient client) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException notYet) {
			// bound but not answering yet
			return false;
		}
	}

	/** @return the process, as the list of a run's processes keeps it */
	StackProcesses.Entry entry() {
		return StackProcesses.Entry.of(this.name, this.process.toHandle(), null);
	}

	/** @return the process id, which a process's own {@code pid@host} name starts with */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * @return the service's base URL
	 * @throws IllegalStateException when started on port {@code 0} and not yet found healthy: the port is not known
	 */
	public String url() {
		int known = (this.boundPort != 0) ? this.boundPort : this.port;
		if (known == 0) {
			throw new IllegalStateException(this.name + " was started on any free port: its URL is known once healthy");
		}
		return "http://localhost:" + known;
	}

	String name() {
		return this.name;
	}

	/** Kills the process with SIGKILL: no shutdown hook, no graceful close, as in a crash. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
		ended();
	}

	/** Stops the process gracefully (SIGTERM), forcibly after 20 seconds. */
	public void stop() {
		terminate(this.process);
		ended();
	}

	/** Kills the process with SIGKILL and waits a while for it to go, keeping an interrupt for the caller. */
	private void destroyNow() {
		boolean interrupted = Thread.interrupted();
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			ended();
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The child is gone: this JVM's exit has nothing left to stop, and its port file is of no more use. */
	private void ended() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopAtExit);
		}
		catch (IllegalStateException shuttingDown) {
			// stopped by a shutdown hook (./etax up's on Ctrl-C): this one runs too, and finds the child gone
		}
		this.portFile.delete();
	}

	/** SIGTERM, then SIGKILL after 20 seconds; both for {@link #stop} and for the shutdown hook. */
	private static void terminate(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

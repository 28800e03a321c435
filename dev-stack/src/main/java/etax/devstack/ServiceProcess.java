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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service of the system running as a child JVM from its executable jar, its output in a log
 * file. Started with the same {@code java} that runs the launcher.
 */
final class ServiceProcess {

	private final String name;

	private final int port;

	private final Process process;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	static ServiceProcess start(Path projectRoot, String module, int port, Map<String, Object> properties,
			Path logDirectory) {
		Path jar = executableJar(projectRoot.resolve(module).resolve("target"));
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(logDirectory);
			Path log = logDirectory.resolve(module + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ServiceProcess(module, port, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + module, ex);
		}
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
	void awaitHealthy(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ "; see its log in target/dev-stack/logs");
			}
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
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

	String url() {
		return "http://localhost:" + this.port;
	}

	String name() {
		return this.name;
	}

	void stop() {
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

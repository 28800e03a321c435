package etax.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceProcessTests {

	@Test
	void servicesOnJdk25OrNewerHaveCompactObjectHeadersAndTheCallersOptionsAfter() {
		assertThat(ServiceProcess.jvmOptions(25, " -XX:-UseCompactObjectHeaders  -Xmx1g "))
			.containsExactly("-XX:+UseCompactObjectHeaders", "-XX:-UseCompactObjectHeaders", "-Xmx1g");
	}

	@Test
	void servicesOnOlderJdksHaveOnlyTheCallersOptions() {
		assertThat(ServiceProcess.jvmOptions(21, "")).isEmpty();
		assertThat(ServiceProcess.jvmOptions(17, "-Xmx1g")).containsExactly("-Xmx1g");
	}

	@Test
	void passesPasswordsAndSecretsInTheEnvironmentNeverOnTheCommandLine(@TempDir Path logs)
			throws IOException, InterruptedException {
		ServiceProcess.startClass("launch", LaunchEcho.class, 0, Map.of("etax.example.url", "http://localhost:1",
				"spring.security.oauth2.client.registration.declaration-api.client-secret", "s3cr3t-value",
				"spring.datasource.password", "pa55word"), logs);

		String launch = launched(logs.resolve("launch.log"));
		String args = launch.lines().filter((line) -> line.startsWith("args=")).findFirst().orElseThrow();
		assertThat(args).contains("--etax.example.url=http://localhost:1").doesNotContain("s3cr3t-value", "pa55word");
		assertThat(launch).contains("env={").contains(
				"\"spring.security.oauth2.client.registration.declaration-api.client-secret\":\"s3cr3t-value\"",
				"\"spring.datasource.password\":\"pa55word\"");
	}

	@Test
	void aChildThatDoesNotBecomeHealthyIsKilledBeforeTheWaitFails(@TempDir Path logs) {
		ServiceProcess child = ServiceProcess.startClass("hangs", LaunchSleep.class, 0, Map.of(), logs);

		assertThatIllegalStateException().isThrownBy(() -> child.awaitHealthy(Duration.ofSeconds(2)))
			.withMessageContaining("not healthy after");
		assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).as("the child is gone").isEmpty();
	}

	@Test
	void anotherProcessAnsweringUpOnTheChildsPortIsNotTakenForTheChild(@TempDir Path logs) throws IOException {
		HttpServer other = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		other.createContext("/", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		other.start();
		try {
			// the port was taken between its choice and the child's start: the child writes no port file
			ServiceProcess child = ServiceProcess.startClass("port-taken", LaunchSleep.class,
					other.getAddress().getPort(), Map.of(), logs);

			assertThatIllegalStateException().isThrownBy(() -> child.awaitHealthy(Duration.ofSeconds(3)))
				.withMessageContaining("not healthy after");
			assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
		}
		finally {
			other.stop(0);
		}
	}

	@Test
	void theUrlOfAChildOnAnyFreePortIsKnownOnlyOnceItIsHealthy(@TempDir Path logs) {
		ServiceProcess child = ServiceProcess.startClass("any-port", LaunchSleep.class, 0, Map.of(), logs);
		try {
			assertThatIllegalStateException().isThrownBy(child::url).withMessageContaining("once healthy");
		}
		finally {
			child.stop();
		}
		assertThat(Optional.of(child.pid()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)).isEmpty();
	}

	private static String launched(Path log) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			String text = Files.exists(log) ? Files.readString(log) : "";
			if (text.contains("env=")) {
				return text;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the child printed nothing in 30 s");
	}

}

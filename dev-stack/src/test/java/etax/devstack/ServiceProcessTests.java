package etax.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

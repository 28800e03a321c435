package etax.devstack;

import org.junit.jupiter.api.Test;

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

}

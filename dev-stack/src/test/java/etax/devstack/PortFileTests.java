package etax.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PortFileTests {

	@Test
	void namesNoPortUntilTheChildHasWrittenOneWhole(@TempDir Path directory) throws IOException {
		PortFile file = PortFile.in(directory, "service.port");
		assertThat(file.read()).as("not written yet").isZero();

		Files.writeString(directory.resolve("service.port"), "");
		assertThat(file.read()).as("created, not yet written").isZero();

		Files.writeString(directory.resolve("service.port"), "43127");
		assertThat(file.read()).isEqualTo(43127);

		file.delete();
		assertThat(directory.resolve("service.port")).doesNotExist();
	}

	@Test
	void tellsTheChildWhereToWriteWithSpringBootsOwnWriter(@TempDir Path directory) {
		PortFile file = PortFile.in(directory, "service.port");

		assertThat(file.jvmOptions()).containsExactly("-DPORTFILE=" + directory.resolve("service.port").toAbsolutePath());
		assertThat(file.arguments()).containsExactly("--spring.main.sources=" + PortFile.WRITER);
	}

}

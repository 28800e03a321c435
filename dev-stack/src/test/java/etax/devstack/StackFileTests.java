package etax.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's file holds the database's password, so only its owner can read it.
 */
class StackFileTests {

	@TempDir
	Path directory;

	@Test
	void isReadableByItsOwnerOnly() throws Exception {
		Path file = this.directory.resolve("stack.properties");
		Files.writeString(file, "left by an earlier run");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		StackFile.write(file, "localhost:9092",
				List.of("http://localhost:8081", "http://localhost:8082", "http://localhost:8083"), "secret-1");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).contains("postgres.password=secret-1");
		assertThat(StackFile.read(file).paymentGateway()).isEqualTo("http://localhost:8082");
	}

}

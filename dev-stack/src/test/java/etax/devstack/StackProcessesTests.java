package etax.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a killed local run left running is stopped by the next; a run whose launcher still runs is not touched.
 */
class StackProcessesTests {

	@TempDir
	Path root;

	@Test
	void stopsTheProcessesOfAKilledRunAndRemovesTheirDirectories() throws Exception {
		Process left = new ProcessBuilder("sleep", "600").start();
		Path data = Files.createDirectories(this.root.resolve("epg-left/base"));
		Files.writeString(data.resolve("file"), "rows");
		StackProcesses killed = StackProcesses.cleanUp(this.root);
		killed.add(StackProcesses.Entry.of("postgres", left.toHandle(), this.root.resolve("epg-left")));
		// the launcher of that run is gone: its entry names a process that is not running
		rewriteLauncher(Instant.parse("2000-01-01T00:00:00Z"));

		StackProcesses next = StackProcesses.cleanUp(this.root);

		assertThat(left.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.root.resolve("epg-left")).doesNotExist();
		assertThat(Files.readAllLines(this.root.resolve(StackProcesses.PATH))).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("launcher\t" + ProcessHandle.current().pid() + "\t"));
		next.clear();
		assertThat(this.root.resolve(StackProcesses.PATH)).doesNotExist();
	}

	@Test
	void removesTheAddressesOfAKilledRun() throws Exception {
		Path stackFile = this.root.resolve(StackFile.PATH);
		Files.createDirectories(stackFile.getParent());
		Files.writeString(stackFile, "declaration-api.url=http://localhost:8081\n");

		StackProcesses.cleanUp(this.root).clear();

		assertThat(stackFile).doesNotExist();
	}

	@Test
	void removesThePostgresDataOfARunKilledBeforeItListedTheServer() throws Exception {
		Path data = Files.createDirectories(this.root.resolve(StackProcesses.POSTGRES_DATA).resolve("base"));
		Files.writeString(data.resolve("file"), "rows");

		StackProcesses.cleanUp(this.root).clear();

		assertThat(this.root.resolve(StackProcesses.POSTGRES_DATA)).doesNotExist();
	}

	@Test
	void leavesAProcessWhoseIdWasGivenToAnother() throws Exception {
		Process other = new ProcessBuilder("sleep", "600").start();
		try {
			Files.createDirectories(this.root.resolve(StackProcesses.PATH).getParent());
			Files.write(this.root.resolve(StackProcesses.PATH),
					List.of("payment-gateway\t" + other.pid() + "\t2000-01-01T00:00:00Z\t"));

			StackProcesses.cleanUp(this.root);

			assertThat(other.isAlive()).isTrue();
		}
		finally {
			other.destroyForcibly().waitFor();
		}
	}

	@Test
	void refusesToStartWhileTheRunThatWroteTheListRuns() {
		StackProcesses.cleanUp(this.root);

		assertThatIllegalStateException().isThrownBy(() -> StackProcesses.cleanUp(this.root))
			.withMessageContaining("Another ./etax up is running (process " + ProcessHandle.current().pid() + ")");
	}

	private void rewriteLauncher(Instant started) throws Exception {
		Path file = this.root.resolve(StackProcesses.PATH);
		List<String> lines = Files.readAllLines(file)
			.stream()
			.map((line) -> line.startsWith("launcher\t")
					? "launcher\t" + ProcessHandle.current().pid() + "\t" + started + "\t" : line)
			.toList();
		Files.write(file, lines);
	}

}

package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * The processes of a local run that outlive its JVM when that is killed (SIGKILL, the OOM killer): the services'
 * JVMs and the PostgreSQL server, which pg_ctl detaches, with its data directory. They are listed in {@value #PATH}
 * while the stack runs, and the next {@code ./etax up} stops those still running before it starts: without that it
 * would find its ports taken, and its readiness checks answered by the old processes. A process is recognised by its id and start time,
 * so an id the system has since given to another process is left alone; while the run that wrote the list still
 * runs, another is refused. The list is kept out of {@code target/}: a {@code ./mvnw clean} after a killed run
 * deleted it, and every later run then found its ports taken by processes nothing would stop.
 */
final class StackProcesses {

	static final String PATH = ".etax/processes";

	/**
	 * The local run's PostgreSQL data: on disk, where its durable settings mean what they say, and next to the list,
	 * which names it while the server runs.
	 */
	static final String POSTGRES_DATA = ".etax/postgres-data";

	/**
	 * Where the local run's PostgreSQL keeps its data: {@value #POSTGRES_DATA} under the project, or the directory
	 * {@code ETAX_PG_DATA} names, for a project on a file system where initdb cannot make a directory its owner's
	 * only (a shared folder of a virtual machine, Windows' drives under WSL).
	 * @param root the project's root
	 * @return the data directory
	 */
	static Path postgresData(Path root) {
		String chosen = System.getenv("ETAX_PG_DATA");
		return (chosen != null && !chosen.isBlank()) ? Path.of(chosen) : root.resolve(POSTGRES_DATA);
	}

	/** Where the list was kept before: a run killed then left it there. */
	private static final String LEGACY_PATH = "target/dev-stack/processes";

	private static final String LAUNCHER = "launcher";

	private final Path file;

	private final List<Entry> entries = new ArrayList<>();

	private StackProcesses(Path file) {
		this.file = file;
	}

	/**
	 * Stops what a killed run left running and removes the addresses it wrote for the demo, then starts a new list.
	 * @param root the project's root
	 * @return the list of this run, empty
	 */
	static StackProcesses cleanUp(Path root) {
		// the list a run killed before the list moved out of target/ left there, once
		stopLeft(root.resolve(LEGACY_PATH));
		Path file = root.resolve(PATH);
		stopLeft(file);
		// a run killed before it listed its server (initdb, the server's start) left the data unnamed
		Path data = postgresData(root);
		if (Files.isDirectory(data)) {
			Entry.delete(data);
		}
		// left, it sends ./etax demo to a stack that is gone, which then fails on a refused connection instead of
		// saying that no stack runs
		deleteIfExists(root.resolve(StackFile.PATH));
		StackProcesses processes = new StackProcesses(file);
		processes.add(Entry.of(LAUNCHER, ProcessHandle.current(), null));
		return processes;
	}

	/** Stops what a killed run listed in the file and still runs, then deletes the file. */
	private static void stopLeft(Path file) {
		if (Files.exists(file)) {
			List<Entry> left = read(file);
			left.stream()
				.filter((entry) -> entry.name().equals(LAUNCHER) && entry.running().isPresent())
				.findFirst()
				.ifPresent((launcher) -> {
					throw new IllegalStateException("Another ./etax up is running (process " + launcher.pid()
							+ "): stop it first (Ctrl-C)");
				});
			// the services first: they hold connections to the database, whose stop would wait for them
			for (int i = left.size() - 1; i >= 0; i--) {
				left.get(i).stopIfRunning();
			}
			deleteIfExists(file);
		}
	}

	private static void deleteIfExists(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds a process of this run to the list. */
	synchronized void add(Entry entry) {
		this.entries.add(entry);
		List<String> lines = this.entries.stream().map(Entry::line).toList();
		try {
			Files.createDirectories(this.file.getParent());
			Files.write(this.file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Forgets the list: every process of it has stopped. */
	synchronized void clear() {
		this.entries.clear();
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Entry> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank())
				.map(Entry::parse)
				.flatMap(Optional::stream)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A process of a run.
	 * @param name what it is, for the messages
	 * @param pid its id
	 * @param started when it started, which tells it from a later process given the same id
	 * @param directory a directory only it used, removed once it has stopped (PostgreSQL's data), or null
	 */
	record Entry(String name, long pid, Instant started, @Nullable Path directory) {

		static Entry of(String name, ProcessHandle process, @Nullable Path directory) {
			return new Entry(name, process.pid(), process.info().startInstant().orElse(Instant.EPOCH), directory);
		}

		private String line() {
			return this.name + "\t" + this.pid + "\t" + this.started + "\t"
					+ ((this.directory != null) ? this.directory.toString() : "");
		}

		private static Optional<Entry> parse(String line) {
			String[] fields = line.split("\t", -1);
			try {
				return Optional.of(new Entry(fields[0], Long.parseLong(fields[1]), Instant.parse(fields[2]),
						fields[3].isEmpty() ? null : Path.of(fields[3])));
			}
			catch (RuntimeException ex) {
				System.err.println("Ignoring an unreadable line of " + PATH + ": " + line);
				return Optional.empty();
			}
		}

		/** The process, while it runs: the same id and start time. */
		private Optional<ProcessHandle> running() {
			return ProcessHandle.of(this.pid)
				.filter((handle) -> handle.info().startInstant().orElse(Instant.EPOCH).equals(this.started));
		}

		private void stopIfRunning() {
			Optional<ProcessHandle> process = running();
			if (process.isPresent() && !this.name.equals(LAUNCHER)) {
				System.out.println("Stopping " + this.name + " (process " + this.pid + "), left running by a stack "
						+ "that was killed...");
				ProcessHandle handle = process.get();
				handle.destroy();
				try {
					handle.onExit().get(30, TimeUnit.SECONDS);
				}
				catch (Exception stillRunning) {
					handle.destroyForcibly();
					handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally((ex) -> handle).join();
				}
			}
			if (this.directory != null && Files.isDirectory(this.directory)) {
				delete(this.directory);
			}
		}

		private static void delete(Path directory) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				System.err.println("Could not remove " + directory + ": " + ex.getMessage());
			}
		}

	}

}

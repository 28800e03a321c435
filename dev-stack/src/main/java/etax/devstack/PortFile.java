package etax.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The file a service's JVM writes its web server's port to once the server has bound it: Spring Boot's own
 * {@code WebServerPortFileWriter}, made a bean of the service by {@code spring.main.sources} (the services' main
 * classes add no listener, and need not), writing where the {@code PORTFILE} system property says. Only the child
 * can have written it, so the port it names is the child's, not one that another process took in the meantime.
 */
final class PortFile {

	/** In spring-boot-web-server, which every service has with its embedded Tomcat. */
	static final String WRITER = "org.springframework.boot.web.server.context.WebServerPortFileWriter";

	private final Path file;

	private PortFile(Path file) {
		this.file = file;
	}

	/**
	 * @param directory where the file goes (created by the caller before the child starts)
	 * @param name a name no other child of this machine has
	 * @return the file, not yet written
	 */
	static PortFile in(Path directory, String name) {
		return new PortFile(directory.resolve(name).toAbsolutePath());
	}

	/** @return the child JVM's options that name the file */
	List<String> jvmOptions() {
		return List.of("-DPORTFILE=" + this.file);
	}

	/** @return the child's Spring Boot arguments that make it write the file */
	List<String> arguments() {
		return List.of("--spring.main.sources=" + WRITER);
	}

	/**
	 * @return the port the child bound, or {@code 0} while it has not (no file yet, or one still being written: the
	 * writer does not write it atomically)
	 */
	int read() {
		try {
			String text = Files.exists(this.file) ? Files.readString(this.file).strip() : "";
			return (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit))
					? Integer.parseInt(text) : 0;
		}
		catch (IOException notYet) {
			return 0;
		}
	}

	/** Removes the file; the child removes it itself only when it exits normally. */
	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// a file of a few bytes under target/: not worth failing a stop for
		}
	}

	@Override
	public String toString() {
		return this.file.toString();
	}

}

package etax.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The watched directory of daily files of this test JVM's application context: a new one under {@code target/} for
 * every JVM. A fixed one kept what a failed or killed run had dropped in it, and the next run's context imported
 * those files on its own (and failed the tests that count the files of a day) until {@code mvn clean}. It is left
 * behind when the JVM ends, with what a failed test put in it, for reading.
 */
final class ReconciliationInbox {

	/** This JVM's directory: {@code target/reconciliation-inbox-*}, relative to the module, as the tests run. */
	static final Path PATH = create();

	private ReconciliationInbox() {
	}

	private static Path create() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "reconciliation-inbox-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points {@code etax.batch.reconciliation.inbox} at this JVM's directory, unless a test class names an inbox of
	 * its own ({@code @DynamicPropertySource}, added before the initializers run): that one stays.
	 */
	static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final String INBOX = "etax.batch.reconciliation.inbox";

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (context.getEnvironment().containsProperty(INBOX)) {
				return;
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("reconciliationInbox", Map.of(INBOX, PATH.toString())));
		}

	}

}

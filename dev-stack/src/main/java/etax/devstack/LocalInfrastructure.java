package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL server and one Kafka broker per JVM, started on first use and stopped when the JVM
 * exits. Integration tests of every module share them through
 * {@link LocalInfrastructureInitializer}; each test class works on its own data (its own taxpayers,
 * bank references, days), never on an empty database.
 */
public final class LocalInfrastructure {

	private static @Nullable LocalPostgres postgres;

	private static @Nullable LocalKafka kafka;

	private static @Nullable Map<String, Object> accessProperties;

	private LocalInfrastructure() {
	}

	public static synchronized LocalPostgres postgres() {
		if (postgres == null) {
			LocalPostgres started = LocalPostgres.start(0, LocalPostgres.Durability.FAST);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-stop"));
			postgres = started;
		}
		return postgres;
	}

	public static synchronized LocalKafka kafka() {
		if (kafka == null) {
			LocalKafka started = LocalKafka.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-stop"));
			kafka = started;
		}
		return kafka;
	}

	/**
	 * Makes services trust {@link TokenIssuer#local()}: its public key written once to a temporary file.
	 * @return the {@code etax.access.*} properties
	 */
	public static synchronized Map<String, Object> accessProperties() {
		if (accessProperties == null) {
			try {
				accessProperties = TokenIssuer.local().accessProperties(Files.createTempDirectory("etax-tokens"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return accessProperties;
	}

}

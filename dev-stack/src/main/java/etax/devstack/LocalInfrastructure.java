package etax.devstack;

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
			LocalKafka started = LocalKafka.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-stop"));
			kafka = started;
		}
		return kafka;
	}

}

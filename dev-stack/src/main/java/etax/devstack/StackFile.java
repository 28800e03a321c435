package etax.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

/**
 * Where the running local stack can be reached: written by {@link DevStack} once everything is healthy,
 * deleted when it stops, read by {@link Demo}. It also holds the password of the database's superuser
 * ({@code postgres.password}), for tools that read the database such as the benchmarks, and so is readable by its
 * owner only.
 *
 * @param kafkaBootstrapServers the broker
 * @param declarationApi the base URL of declaration-api
 * @param paymentGateway the base URL of payment-gateway
 * @param batchProcessor the base URL of batch-processor
 */
record StackFile(String kafkaBootstrapServers, String declarationApi, String paymentGateway, String batchProcessor) {

	static final String PATH = "target/dev-stack/stack.properties";

	static void write(Path file, String kafkaBootstrapServers, List<String> serviceUrls, String databasePassword) {
		Properties properties = new Properties();
		properties.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
		properties.setProperty("declaration-api.url", serviceUrls.get(0));
		properties.setProperty("payment-gateway.url", serviceUrls.get(1));
		properties.setProperty("batch-processor.url", serviceUrls.get(2));
		properties.setProperty("postgres.password", databasePassword);
		try {
			createOwnerOnly(file);
			try (Writer writer = Files.newBufferedWriter(file)) {
				properties.store(writer, "The running local stack (./etax up)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new empty file only its owner can read, made so before the password is in it. */
	private static void createOwnerOnly(Path file) throws IOException {
		Files.deleteIfExists(file);
		if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
	}

	static StackFile read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("The local stack is not running: start it with ./etax up");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new StackFile(properties.getProperty("kafka.bootstrap-servers"),
				properties.getProperty("declaration-api.url"), properties.getProperty("payment-gateway.url"),
				properties.getProperty("batch-processor.url"));
	}

}

package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM from the Kafka jars
 * (Kafka's own test kit), with every topic of {@link Topics} created.
 *
 * <p>
 * Its data goes in a temporary directory that {@link #close()} removes once the broker has stopped. The test kit's
 * own temporary directory would be removed by a shutdown hook of its own, which on Ctrl-C runs beside the hook
 * that stops the services and then the broker: the broker would lose its logs while the services still wrote to
 * it.
 */
public final class LocalKafka implements AutoCloseable {

	private static final Map<String, String> BROKER_PROPERTIES = Map.of("transaction.state.log.replication.factor",
			"1", "transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
			"auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0");

	private final KafkaClusterTestKit cluster;

	private LocalKafka(KafkaClusterTestKit cluster) {
		this.cluster = cluster;
	}

	/**
	 * Starts a broker on a free port.
	 * @return the running broker
	 */
	public static LocalKafka start() {
		KafkaClusterTestKit cluster = cluster(temporaryDirectory());
		try {
			cluster.format();
			cluster.startup();
			cluster.waitForReadyBrokers();
			LocalKafka kafka = new LocalKafka(cluster);
			kafka.createTopics();
			return kafka;
		}
		catch (Exception ex) {
			closeAfterFailure(cluster, ex);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw (ex instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Kafka did not start", ex);
		}
	}

	private static KafkaClusterTestKit cluster(Path directory) {
		TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true)
			.setNumBrokerNodes(1)
			.setNumControllerNodes(1)
			.setBaseDirectory(directory)
			.build();
		KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
		BROKER_PROPERTIES.forEach(builder::setConfigProp);
		try {
			return builder.build();
		}
		catch (Exception ex) {
			IllegalStateException failure = new IllegalStateException("Could not configure Kafka", ex);
			try {
				Utils.delete(directory.toFile());
			}
			catch (IOException deletion) {
				failure.addSuppressed(deletion);
			}
			throw failure;
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("etax-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void closeAfterFailure(KafkaClusterTestKit cluster, Exception failure) {
		try {
			cluster.close();
		}
		catch (Exception ex) {
			failure.addSuppressed(ex);
		}
	}

	/** Creates the topics and waits until the broker lists them: it has their metadata a moment after. */
	private void createTopics() throws InterruptedException, ExecutionException {
		List<NewTopic> topics = new ArrayList<>();
		Topics.ALL.forEach((name) -> topics.add(new NewTopic(name, Topics.PARTITIONS, (short) 1)));
		topics.add(new NewTopic(Topics.BULK_PARTITIONS, Topics.BULK_PARTITIONS_PARTITIONS, (short) 1));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(topics).all().get();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!admin.listTopics().names().get().containsAll(topics.stream().map(NewTopic::name).toList())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The topics were not listed within 30 s");
				}
				Thread.sleep(50);
			}
		}
	}

	public String bootstrapServers() {
		return this.cluster.bootstrapServers();
	}

	Path dataDirectory() {
		return Path.of(this.cluster.nodes().baseDirectory());
	}

	/** Stops the broker, then removes its data. */
	@Override
	public void close() {
		try {
			this.cluster.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not stop cleanly", ex);
		}
	}

}

package etax.devstack;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM from
 * the Kafka jars, with every topic of {@link Topics} created.
 */
public final class LocalKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private LocalKafka(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts a broker.
	 * @param port the client port, or 0 for a free one
	 * @return the running broker
	 */
	public static LocalKafka start(int port) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS,
				Topics.ALL.toArray(String[]::new));
		broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
				"auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0"));
		if (port > 0) {
			broker.kafkaPorts(port);
		}
		broker.afterPropertiesSet();
		broker.addTopics(new NewTopic(Topics.BULK_PARTITIONS, Topics.BULK_PARTITIONS_PARTITIONS, (short) 1));
		awaitListed(broker.getBrokersAsString(), Topics.BULK_PARTITIONS);
		return new LocalKafka(broker);
	}

	/** A topic just created is listed once the broker has its metadata, a moment later. */
	private static void awaitListed(String bootstrapServers, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!admin.listTopics().names().get().contains(topic)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Topic " + topic + " was not listed within 30 s");
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not list the topics", ex.getCause());
		}
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}

package etax.devstack;

import java.util.Map;

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
		return new LocalKafka(broker);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}

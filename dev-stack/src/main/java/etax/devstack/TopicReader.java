package etax.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a topic from the beginning as a fresh consumer group that sees committed records only, the way
 * a downstream system would. For tests and the demo.
 */
public final class TopicReader {

	private TopicReader() {
	}

	/**
	 * Reads the records of a topic that match a filter, until {@code enough} of them arrived or the time
	 * is up, and then for a short grace period more so that an extra (duplicate) record would be seen.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param filter which records count
	 * @param enough how many matching records end the wait
	 * @param timeout the longest wait
	 * @return the matching records in partition order
	 */
	public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> filter, int enough, Duration timeout) {
		Properties config = config(bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> matching = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(config)) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(timeout);
			@Nullable Instant graceEnd = null;
			while (Instant.now().isBefore(graceEnd != null ? graceEnd : deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (filter.test(record)) {
						matching.add(record);
					}
				}
				if (graceEnd == null && matching.size() >= enough) {
					graceEnd = Instant.now().plusSeconds(1);
				}
			}
		}
		return matching;
	}

	/**
	 * Reads the records of a topic that match a filter, from the beginning to the end the topic has now.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param filter which records count
	 * @return the matching records in partition order
	 */
	public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> filter) {
		List<ConsumerRecord<String, String>> matching = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(config(bootstrapServers))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (filter.test(record)) {
						matching.add(record);
					}
				}
			}
		}
		return matching;
	}

	/** A reader's settings: committed records only, no offsets committed. */
	private static Properties config(String bootstrapServers) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return config;
	}

	private static KafkaConsumer<String, String> consumer(Properties config) {
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

}

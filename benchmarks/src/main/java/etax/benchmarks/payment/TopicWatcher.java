package etax.benchmarks.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Watches a topic from its current end, as a downstream system would (read_committed), and notes when
 * each id first appeared; copies of an id are counted apart.
 */
final class TopicWatcher implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final Function<String, @Nullable String> id;

	private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long copies;

	TopicWatcher(String bootstrap, String topic, Function<String, @Nullable String> id) {
		this.id = id;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (PartitionInfo partition : this.consumer.partitionsFor(topic)) {
			partitions.add(new TopicPartition(topic, partition.partition()));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::run, "watch-" + topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		while (this.running) {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(100))) {
				String key = this.id.apply(record.value());
				if (key != null && this.firstSeen.putIfAbsent(key, System.nanoTime()) != null) {
					this.copies++;
				}
			}
		}
		this.consumer.close();
	}

	int distinct() {
		return this.firstSeen.size();
	}

	long copies() {
		return this.copies;
	}

	@Nullable
	Long firstSeen(String key) {
		return this.firstSeen.get(key);
	}

	List<Long> arrivals() {
		return new ArrayList<>(this.firstSeen.values());
	}

	/** Waits until {@code count} distinct ids arrived; false on timeout. */
	boolean await(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (distinct() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return distinct() >= count;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(5000);
	}

	/** The value of a JSON string property, found without parsing. */
	static @Nullable String property(String json, String name) {
		String marker = "\"" + name + "\":\"";
		int at = json.indexOf(marker);
		if (at < 0) {
			return null;
		}
		at += marker.length();
		return json.substring(at, json.indexOf('"', at));
	}

}

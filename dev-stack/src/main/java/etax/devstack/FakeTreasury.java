package etax.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the State Treasury (KBNN) in the local run and tests: it reads the postings on
 * {@code treasury.postings.v1}, payments and reversals ({@code PostingRequested} version 1) as well as
 * re-codings between sub-items or taxpayers (version 2, direction {@code RECODING}) and refund orders (version 3,
 * direction {@code REFUND}), and answers each once on
 * {@code treasury.acks.v1} with a {@code PostingAcknowledged} version 1 (docs/adr/0007-treasury-acks.md),
 * POSTED or, for a configurable share of postings, REFUSED. Only the posting id matters to its answer. Which postings are refused depends only on the posting id, so a posting
 * seen again gets the same answer. It de-duplicates by posting id in memory and commits its offsets
 * after its acks are sent (at least once: after a restart it may answer a posting again, which the
 * gateway ignores).
 */
public final class FakeTreasury implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final KafkaProducer<String, String> producer;

	private final double refuseShare;

	private final Set<String> answered = new HashSet<>();

	private final Thread thread;

	private volatile boolean running = true;

	private FakeTreasury(String bootstrapServers, double refuseShare) {
		this.refuseShare = refuseShare;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "fake-treasury", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(),
				new StringDeserializer());
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
		this.thread = new Thread(this::run, "fake-treasury");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts answering postings.
	 * @param bootstrapServers the broker
	 * @param refuseShare the share of postings refused, from 0 to 1
	 * @return the running fake treasury
	 */
	public static FakeTreasury start(String bootstrapServers, double refuseShare) {
		if (refuseShare < 0 || refuseShare > 1) {
			throw new IllegalArgumentException("The share of refusals is between 0 and 1");
		}
		FakeTreasury treasury = new FakeTreasury(bootstrapServers, refuseShare);
		treasury.thread.start();
		return treasury;
	}

	/** Whether this treasury refuses the posting: a fixed answer per posting id. */
	public boolean refuses(String postingId) {
		return Math.floorMod(postingId.hashCode(), 10_000) < Math.round(this.refuseShare * 10_000);
	}

	private void run() {
		try {
			this.consumer.subscribe(List.of("treasury.postings.v1"));
			while (this.running) {
				try {
					answer(this.consumer.poll(Duration.ofMillis(200)));
				}
				catch (WakeupException ex) {
					throw ex;
				}
				catch (RuntimeException | ExecutionException ex) {
					// an ack the broker did not take, a commit refused: the round's postings are read again
					System.err.println("The fake treasury could not answer a round of postings, reading them again: "
							+ ex);
					rewind();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
			this.producer.close(Duration.ofSeconds(2));
		}
	}

	/** Acks each posting not answered yet; a posting counts as answered once the broker has its ack. */
	private void answer(ConsumerRecords<String, String> records) throws ExecutionException, InterruptedException {
		if (records.isEmpty()) {
			return;
		}
		Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			String postingId = postingId(record.value());
			if (postingId == null) {
				// a real treasury would refuse it; no posting id, nothing to answer to
				System.err.println("The fake treasury cannot read the posting at " + record.topic() + "-"
						+ record.partition() + "@" + record.offset() + ": no postingId");
			}
			else if (!this.answered.contains(postingId) && !sent.containsKey(postingId)) {
				sent.put(postingId,
						this.producer.send(new ProducerRecord<>("treasury.acks.v1", record.key(), ack(postingId))));
			}
		}
		this.producer.flush();
		for (Map.Entry<String, Future<RecordMetadata>> ack : sent.entrySet()) {
			ack.getValue().get();
			this.answered.add(ack.getKey());
		}
		this.consumer.commitSync();
	}

	/** Back to the committed offsets of this consumer's partitions. */
	private void rewind() {
		Set<TopicPartition> partitions = this.consumer.assignment();
		Map<TopicPartition, OffsetAndMetadata> committed = this.consumer.committed(partitions);
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset != null) {
				this.consumer.seek(partition, offset.offset());
			}
			else {
				this.consumer.seekToBeginning(List.of(partition));
			}
		}
	}

	private String ack(String postingId) {
		boolean refused = refuses(postingId);
		UUID eventId = UUID.nameUUIDFromBytes(("fake-treasury-ack/" + postingId).getBytes(StandardCharsets.UTF_8));
		return "{\"eventId\":\"" + eventId + "\",\"type\":\"PostingAcknowledged\",\"version\":1,\"postingId\":\""
				+ postingId + "\",\"status\":\"" + (refused ? "REFUSED" : "POSTED") + "\",\"reason\":"
				+ (refused ? "\"fake treasury refuses this share of postings\"" : "null") + ",\"ackedAt\":\""
				+ Instant.now() + "\"}";
	}

	private static @Nullable String postingId(@Nullable String value) {
		try {
			JsonNode node = JSON.readTree(value);
			return node.path("postingId").isString() ? node.path("postingId").asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

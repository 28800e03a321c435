package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's rounds ({@link OutboxRelay}): each, in one transaction under the table's advisory lock, reads up
 * to {@code batchSize} unsent rows, sends them with an idempotent producer, waits for every acknowledgement,
 * parks what Kafka refuses for good and deletes what it acknowledged.
 */
final class RelayRounds {

	/** The most keys held back at once; past them a failed key's messages come back in the next round. */
	private static final int MAX_HELD_KEYS = 10_000;

	/** The outcome of a message not sent: its partition has no leader ({@link #leaderless}). */
	private static final CompletableFuture<@Nullable Throwable> NO_LEADER = CompletableFuture
		.completedFuture(new LeaderNotAvailableException("The partition has no leader"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final String select;

	private final String removeSent;

	private final String park;

	private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

	private final RefusedTopics refusedTopics;

	RelayRounds(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			JsonMapper json, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.refusedTopics = new RefusedTopics(properties.relay().sendTimeout());
		String table = properties.table();
		// the oldest ids from the index first, then their rows: asked for whole rows at once, the planner
		// costs the heap fetches of a table bloated by deleted rows above a sequential scan of all its
		// pages, and took that scan on every round (milliseconds each, 200 µs per message under filing load)
		// and of those, as many as fit in the round's bytes (the first always): a round holds its payloads and
		// headers in memory (octet_length reads a stored text's size without reading the value, but the headers are
		// jsonb, rendered to be measured as the round reads them; a dead letter's headers may carry a whole recorded
		// message beside a payload of a few hundred bytes)
		// and none of a key held back after a failure that may pass (heldKeys)
		String size = "(octet_length(payload) + octet_length(headers::text))";
		this.select = "SELECT id, topic, message_key, payload, headers::text, " + size + " FROM " + table
				+ " WHERE id = ANY (ARRAY(SELECT id FROM (SELECT id, sum(" + size + ") OVER (ORDER BY id)"
				+ " - " + size + " AS before FROM " + table + " WHERE id = ANY (ARRAY(SELECT id FROM " + table
				+ " WHERE published_at IS NULL AND message_key <> ALL (?) ORDER BY id LIMIT "
				+ properties.relay().batchSize() + "))) sized WHERE before < " + properties.relay().roundBytes().toBytes()
				+ ")) ORDER BY id";
		// sent rows are deleted, not marked: the table stays as small as its backlog, so autovacuum keeps
		// up and the poll's index scan does not wade through days of published rows
		this.removeSent = "DELETE FROM " + table + " WHERE id = ANY (?)";
		this.park = "WITH moved AS (DELETE FROM " + table
				+ " WHERE id = ? RETURNING id, topic, message_key, payload, headers, created_at) INSERT INTO "
				+ properties.parkedTable() + " (id, topic, message_key, payload, headers, created_at, reason)"
				+ " SELECT id, topic, message_key, payload, headers, created_at, ? FROM moved";
	}

	/**
	 * Runs one round in its own transaction.
	 * @return what it did; nothing when another process holds the lock or no row waits
	 */
	Round next() {
		@Nullable Round round = this.transactions.execute((status) -> round());
		return (round != null) ? round : Round.NONE;
	}

	/**
	 * Sends a batch, parks what Kafka refuses for good and deletes what it acknowledged, but, of a key with a
	 * message that failed in a way that may pass, the messages from that one on: they are sent again in the next
	 * round, so that one key's messages stay in order.
	 */
	private Round round() {
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
				this.properties.table());
		if (!Boolean.TRUE.equals(locked)) {
			return Round.NONE;
		}
		// removing sent rows need not wait for the disk: rows a crash brings back are sent again
		this.jdbc.execute("SET LOCAL synchronous_commit = off");
		List<Sending> batch = new ArrayList<>();
		this.refusedTopics.expire();
		Map<String, List<PartitionInfo>> partitions = new HashMap<>();
		long[] bytes = { 0 };
		this.jdbc.query(this.select, (row) -> {
			bytes[0] += row.getLong(6);
			String topic = row.getString(2);
			String key = row.getString(3);
			CompletableFuture<@Nullable Throwable> outcome = relay(partitions, topic, key, row.getString(4),
					row.getString(5));
			batch.add(new Sending(row.getLong(1), topic, key, outcome));
		}, (Object) heldKeys());
		if (batch.isEmpty()) {
			return Round.NONE;
		}
		awaitOutcomes(batch);
		List<Long> sent = new ArrayList<>();
		List<Parked> parked = new ArrayList<>();
		// the keys with a message to send again: none of their later messages is deleted, so that a key's messages
		// stay in order; every other key's acknowledged messages are, so one partition's trouble holds up no other
		Set<String> held = new HashSet<>();
		@Nullable SendFailure retry = null;
		for (Sending sending : batch) {
			@Nullable SendFailure failure = sending.failure();
			if (failure != null && failure.permanent()) {
				parked.add(new Parked(sending.id(), sending.topic(), failure));
			}
			else if (failure != null) {
				held.add(sending.key());
				retry = (retry != null) ? retry : failure;
			}
			else if (!held.contains(sending.key())) {
				sent.add(sending.id());
			}
		}
		if (!parked.isEmpty()) {
			this.jdbc.batchUpdate(this.park, parked.stream()
				.map((message) -> new Object[] { message.id(), message.failure().reason() })
				.toList());
		}
		if (!sent.isEmpty()) {
			this.jdbc.update(this.removeSent, (Object) sent.toArray(Long[]::new));
		}
		hold(held);
		boolean more = batch.size() >= this.properties.relay().batchSize()
				|| bytes[0] >= this.properties.relay().roundBytes().toBytes();
		return new Round(sent.size(), parked, retry, more);
	}

	/**
	 * Sends a message unless its topic is refused ({@link RefusedTopics}) or the partition its key goes to has no
	 * leader. A topic whose send failed at once in a way that may pass (its metadata did not come within
	 * {@code max.block.ms}) is refused: its later messages, of this round and the next ones for a send timeout, fail the
	 * same way without being waited for again.
	 * @return completes with {@code null} once acknowledged, or with the failure
	 */
	private CompletableFuture<@Nullable Throwable> relay(Map<String, List<PartitionInfo>> partitions, String topic,
			String key, String payload, String headers) {
		@Nullable CompletableFuture<@Nullable Throwable> refused = this.refusedTopics.failure(topic);
		if (refused != null) {
			return refused;
		}
		List<PartitionInfo> topicPartitions = partitions.computeIfAbsent(topic, this::partitionsFor);
		refused = this.refusedTopics.failure(topic);
		if (refused != null) {
			return refused;
		}
		if (leaderless(topicPartitions, key)) {
			return NO_LEADER;
		}
		CompletableFuture<@Nullable Throwable> outcome = send(record(topic, key, payload, headers));
		@Nullable Throwable failedAtOnce = outcome.isDone() ? outcome.join() : null;
		if (failedAtOnce != null && !SendFailure.of(failedAtOnce).permanent()) {
			this.refusedTopics.refuse(topic, outcome);
		}
		return outcome;
	}

	/**
	 * A topic's partitions, by the producer's metadata (read once a round per topic, from its cache). A topic whose
	 * metadata does not come is refused, as a send to it would be.
	 * @return its partitions; none if its metadata did not come
	 */
	private List<PartitionInfo> partitionsFor(String topic) {
		try {
			return this.kafka.partitionsFor(topic);
		}
		catch (RuntimeException ex) {
			this.refusedTopics.refuse(topic, CompletableFuture.completedFuture(ex));
			return List.of();
		}
	}

	/**
	 * Whether the partition a key's messages go to has no leader now: a record sent there would wait in the producer
	 * until the send timeout, and the whole round with it, so that one partition without a leader slowed every key to
	 * a round per send timeout. Its messages are not sent, and the key is held back like any that failed in a way that
	 * may pass.
	 */
	private static boolean leaderless(List<PartitionInfo> topicPartitions, String key) {
		if (topicPartitions.isEmpty()) {
			return false;
		}
		// as the producer's default partitioner places a keyed record (the relay's producer sets no other, and
		// serializes keys as UTF-8 strings): murmur2 of the key's bytes, made positive, modulo the partitions
		int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % topicPartitions.size();
		for (PartitionInfo info : topicPartitions) {
			if (info.partition() == partition) {
				return info.leader() == null || info.leader().isEmpty();
			}
		}
		return false;
	}

	/**
	 * The keys held back: a key whose message failed in a way that may pass is left out of the rounds for a send
	 * timeout, its messages staying in order behind it, so that more of them than a round reads cannot fill every
	 * round (and the other keys' messages wait for ever behind a partition without a leader).
	 */
	private String[] heldKeys() {
		long now = System.nanoTime();
		this.heldUntil.values().removeIf((until) -> until - now <= 0);
		return this.heldUntil.keySet().toArray(String[]::new);
	}

	private void hold(Set<String> keys) {
		long until = System.nanoTime() + this.properties.relay().sendTimeout().toNanos();
		for (String key : keys) {
			if (this.heldUntil.size() >= MAX_HELD_KEYS) {
				return;
			}
			this.heldUntil.put(key, until);
		}
	}

	/**
	 * Sends a record; what the template refuses at once (a record over {@code max.request.size}, a topic
	 * whose metadata did not come within {@code max.block.ms}) is a failed outcome like any other.
	 * @return completes with {@code null} once acknowledged, or with the failure
	 */
	private CompletableFuture<@Nullable Throwable> send(ProducerRecord<String, String> record) {
		try {
			return this.kafka.send(record).handle((result, failure) -> failure);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(ex);
		}
	}

	/**
	 * Waits for every acknowledgement or failure, up to the send timeout (the producer's own timeouts are set to it,
	 * {@link OutboxAutoConfiguration}): what is not acknowledged then is sent again in the next round.
	 */
	private void awaitOutcomes(List<Sending> batch) {
		CompletableFuture<?>[] outcomes = batch.stream().map(Sending::outcome).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(outcomes)
				.get(this.properties.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// what is not acknowledged yet is sent again in the next round
		}
		catch (InterruptedException ex) {
			// stopping: the same
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("An outcome completes normally, failed or not", ex);
		}
	}

	private ProducerRecord<String, String> record(String topic, String key, String payload, String headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		Map<String, String> values = this.json.readValue(headers, new TypeReference<Map<String, String>>() {
		});
		values.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/**
	 * A message of the round being sent.
	 * @param id its outbox row
	 * @param topic its topic
	 * @param key its key
	 * @param outcome completes with {@code null} once acknowledged, or with the failure
	 */
	private record Sending(long id, String topic, String key, CompletableFuture<@Nullable Throwable> outcome) {

		/** @return {@code null} if acknowledged, else why not (unacknowledged if no outcome came in time) */
		@Nullable SendFailure failure() {
			if (!this.outcome.isDone()) {
				return SendFailure.UNACKNOWLEDGED;
			}
			@Nullable Throwable failure = this.outcome.join();
			return (failure != null) ? SendFailure.of(failure) : null;
		}

	}

	/**
	 * A message moved to the parked table.
	 * @param id its outbox row, kept in the parked table
	 * @param topic its topic
	 * @param failure why Kafka refuses it
	 */
	record Parked(long id, String topic, SendFailure failure) {

	}

	/**
	 * What a round did.
	 * @param sent the messages acknowledged and deleted
	 * @param parked the messages moved to the parked table
	 * @param retry why some messages are sent again, if some failed in a way that may pass
	 * @param more whether more messages may be waiting: the round read as many as it may (rows or bytes)
	 */
	record Round(int sent, List<Parked> parked, @Nullable SendFailure retry, boolean more) {

		static final Round NONE = new Round(0, List.of(), null, false);

	}

}

package etax.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's rounds ({@link OutboxRelay}): each, in one database transaction under the table's advisory lock, reads
 * up to {@code batchSize} unsent rows, sends them in one Kafka transaction, waits for every acknowledgement, and
 * commits it and deletes them, or aborts it and parks the message Kafka refuses for good, if that is what failed.
 */
final class RelayRounds {

	/** The most keys held back at once; past them a failed key's messages come back in the next round. */
	private static final int MAX_HELD_KEYS = 10_000;

	/** The outcome of a message not sent: its partition has no leader ({@link #leaderless}). */
	private static final CompletableFuture<@Nullable Throwable> NO_LEADER = CompletableFuture
		.completedFuture(new LeaderNotAvailableException("The partition has no leader"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ProducerFactory<String, String> producers;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final String select;

	private final String removeSent;

	private final String park;

	private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

	private final RefusedTopics refusedTopics;

	RelayRounds(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerFactory<String, String> producers,
			JsonMapper json, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producers = producers;
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
	 * Sends a batch in one Kafka transaction ({@link RelayTransaction}), and commits it if every message sent was
	 * acknowledged, then deletes them; else aborts it, parks the message that failed first if Kafka refuses it for
	 * good, or else holds back the keys of the messages not acknowledged, and deletes nothing: the round's messages are
	 * sent again, each key's in order. A key whose message is not sent (its topic refused, its partition without a
	 * leader) is held back too, and its later messages are not sent; the other keys' go in the transaction.
	 */
	private Round round() {
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
				this.properties.table());
		if (!Boolean.TRUE.equals(locked)) {
			return Round.NONE;
		}
		// removing sent rows need not wait for the disk: rows a crash brings back are sent again
		this.jdbc.execute("SET LOCAL synchronous_commit = off");
		List<Row> rows = this.jdbc.query(this.select, (row, number) -> new Row(row.getLong(1), row.getString(2),
				row.getString(3), row.getString(4), row.getString(5), row.getLong(6)), (Object) heldKeys());
		if (rows.isEmpty()) {
			return Round.NONE;
		}
		boolean more = rows.size() >= this.properties.relay().batchSize() || rows.stream().mapToLong(Row::bytes)
			.sum() >= this.properties.relay().roundBytes().toBytes();
		this.refusedTopics.expire();
		try (RelayTransaction kafka = RelayTransaction.borrow(this.producers)) {
			Map<String, List<PartitionInfo>> partitions = new HashMap<>();
			Set<String> unsent = new HashSet<>();
			List<Sending> batch = new ArrayList<>(rows.size());
			for (Row row : rows) {
				batch.add(relay(kafka, partitions, unsent, row));
			}
			awaitOutcomes(batch);
			return settle(kafka, batch, more);
		}
	}

	/**
	 * Commits or aborts the round's transaction, parks and deletes in the database, and holds back keys.
	 */
	private Round settle(RelayTransaction kafka, List<Sending> batch, boolean more) {
		Set<String> held = new HashSet<>();
		@Nullable SendFailure retry = null;
		for (Sending sending : batch) {
			if (sending.notSendable()) {
				held.add(sending.key());
				retry = (retry != null) ? retry : sending.failure();
			}
		}
		List<Long> sent = new ArrayList<>();
		List<Parked> parked = new ArrayList<>();
		if (batch.stream().filter(Sending::sent).allMatch(Sending::acknowledged)) {
			@Nullable SendFailure notCommitted = kafka.commit();
			if (notCommitted == null) {
				batch.stream().filter(Sending::sent).forEach((sending) -> sent.add(sending.id()));
			}
			else {
				// committed or not, every message is sent again: a copy, or the first
				retry = notCommitted;
			}
		}
		else {
			kafka.abort();
			@Nullable Sending first = batch.stream()
				.filter((sending) -> sending.outcome() == kafka.firstFailed())
				.findFirst()
				.orElse(null);
			SendFailure failure = (first != null) ? first.failure() : SendFailure.UNACKNOWLEDGED;
			if (first != null && failure.permanent()) {
				parked.add(new Parked(first.id(), first.topic(), failure));
				// the others are sent again at once; what else failed failed for the first's sake, or fails again
				more = true;
			}
			else {
				batch.stream()
					.filter((sending) -> sending.sent() && !sending.acknowledged())
					.forEach((sending) -> held.add(sending.key()));
				retry = failure;
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
		return new Round(sent.size(), parked, retry, more);
	}

	/**
	 * Sends a message in the round's transaction unless the transaction has failed (it comes back in the next
	 * round), an earlier message of its key was not sent (the key is held back), its topic is refused
	 * ({@link RefusedTopics}) or the partition its key goes to has no leader. A topic whose send failed at once in a way
	 * that may pass (its metadata did not come within {@code max.block.ms}) is refused: its later messages, of this
	 * round and the next ones for a send timeout, fail the same way without being waited for again.
	 * @param unsent the keys of the round's messages not sent so far
	 */
	private Sending relay(RelayTransaction kafka, Map<String, List<PartitionInfo>> partitions, Set<String> unsent,
			Row row) {
		if (kafka.failed() || unsent.contains(row.key())) {
			return new Sending(row, false, null);
		}
		@Nullable CompletableFuture<@Nullable Throwable> notSendable = notSendable(kafka, partitions, row);
		if (notSendable != null) {
			unsent.add(row.key());
			return new Sending(row, false, notSendable);
		}
		CompletableFuture<@Nullable Throwable> outcome = kafka.send(record(row));
		@Nullable Throwable failedAtOnce = outcome.isDone() ? outcome.join() : null;
		// only the transaction's first failure is the message's own
		if (failedAtOnce != null && outcome == kafka.firstFailed() && !SendFailure.of(failedAtOnce).permanent()) {
			this.refusedTopics.refuse(row.topic(), outcome);
		}
		return new Sending(row, true, outcome);
	}

	/**
	 * @return what the message fails with if its topic is refused or its key's partition has no leader, else
	 * {@code null}
	 */
	private @Nullable CompletableFuture<@Nullable Throwable> notSendable(RelayTransaction kafka,
			Map<String, List<PartitionInfo>> partitions, Row row) {
		@Nullable CompletableFuture<@Nullable Throwable> refused = this.refusedTopics.failure(row.topic());
		if (refused != null) {
			return refused;
		}
		List<PartitionInfo> topicPartitions = partitions.computeIfAbsent(row.topic(),
				(topic) -> partitionsFor(kafka, topic));
		refused = this.refusedTopics.failure(row.topic());
		if (refused != null) {
			return refused;
		}
		return leaderless(topicPartitions, row.key()) ? NO_LEADER : null;
	}

	/**
	 * A topic's partitions, by the producer's metadata (read once a round per topic, from its cache). A topic whose
	 * metadata does not come is refused, as a send to it would be.
	 * @return its partitions; none if its metadata did not come
	 */
	private List<PartitionInfo> partitionsFor(RelayTransaction kafka, String topic) {
		try {
			return kafka.partitionsFor(topic);
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
	 * Waits for every acknowledgement or failure, up to the send timeout (the producer's own timeouts are set to it,
	 * {@link OutboxAutoConfiguration}): what is not acknowledged then is sent again in the next round.
	 */
	private void awaitOutcomes(List<Sending> batch) {
		CompletableFuture<?>[] outcomes = batch.stream()
			.map(Sending::outcome)
			.filter(Objects::nonNull)
			.toArray(CompletableFuture[]::new);
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

	private ProducerRecord<String, String> record(Row row) {
		ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
		Map<String, String> values = this.json.readValue(row.headers(), new TypeReference<Map<String, String>>() {
		});
		values.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/**
	 * An unsent row, as a round reads it.
	 * @param id its outbox row
	 * @param topic its topic
	 * @param key its key
	 * @param payload its value
	 * @param headers its headers, a JSON object of strings
	 * @param bytes its payload's and headers' bytes
	 */
	private record Row(long id, String topic, String key, String payload, String headers, long bytes) {

	}

	/**
	 * A message of the round.
	 * @param id its outbox row
	 * @param topic its topic
	 * @param key its key
	 * @param sent whether it was sent in the round's transaction
	 * @param outcome completes with {@code null} once acknowledged, or with the failure; for a message not sent,
	 * what it fails with if its topic is refused or its partition has no leader, {@code null} if it was left for the
	 * next round
	 */
	private record Sending(long id, String topic, String key, boolean sent,
			@Nullable CompletableFuture<@Nullable Throwable> outcome) {

		Sending(Row row, boolean sent, @Nullable CompletableFuture<@Nullable Throwable> outcome) {
			this(row.id(), row.topic(), row.key(), sent, outcome);
		}

		/** @return whether it was not sent because its topic is refused or its partition has no leader */
		boolean notSendable() {
			return !this.sent && this.outcome != null;
		}

		boolean acknowledged() {
			return failure() == null;
		}

		/** @return {@code null} if acknowledged, else why not (unacknowledged if no outcome came in time) */
		@Nullable SendFailure failure() {
			CompletableFuture<@Nullable Throwable> completes = Objects.requireNonNull(this.outcome);
			if (!completes.isDone()) {
				return SendFailure.UNACKNOWLEDGED;
			}
			@Nullable Throwable failure = completes.join();
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

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
 * up to {@code batchSize} unsent rows (and reads on, up to {@value #MAX_PAGES} such reads, while none it read may be
 * sent), sends them in one Kafka transaction, waits for every acknowledgement, and
 * commits it and deletes them, or aborts it and parks the message Kafka refuses for good, if that is what failed.
 */
final class RelayRounds {

	/** The outcome of a message not sent: its partition has no leader ({@link #leaderless}). */
	private static final CompletableFuture<@Nullable Throwable> NO_LEADER = CompletableFuture
		.completedFuture(new LeaderNotAvailableException("The partition has no leader"));

	/**
	 * The most reads of a round whose messages all wait (their partitions or topics held back, or their keys): past the
	 * keys held back ({@link HeldBack}), a partition's backlog of new keys would fill every read.
	 */
	private static final int MAX_PAGES = 20;

	/** The most messages of an aborted round sent alone to learn whether Kafka refuses them for good. */
	private static final int MAX_PROBES = 3;

	/**
	 * What a message not acknowledged within the send timeout holds its partition back with, and one whose failure
	 * would read as refused for good.
	 */
	private static final Throwable UNACKNOWLEDGED = new org.apache.kafka.common.errors.TimeoutException(
			"No acknowledgement within the send timeout");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ProducerFactory<String, String> producers;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final String select;

	private final String removeSent;

	private final String park;

	private final HeldBack heldBack;

	private final RefusedTopics refusedTopics;

	RelayRounds(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerFactory<String, String> producers,
			JsonMapper json, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producers = producers;
		this.json = json;
		this.properties = properties;
		this.refusedTopics = new RefusedTopics(properties.relay().sendTimeout());
		this.heldBack = new HeldBack(properties.relay().sendTimeout());
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
				+ " WHERE published_at IS NULL AND message_key <> ALL (?) AND id > ? ORDER BY id LIMIT "
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
	 * acknowledged, then deletes them; else aborts it and deletes nothing: the round's messages are sent again, each
	 * key's in order. A message that is not sent (its topic refused, its partition without a leader or held back) holds
	 * its key back, and its key's later messages are not sent; the other keys' go in the transaction. Every topic's
	 * partitions are asked for before the first send: a topic's metadata may take a send timeout to come, and the
	 * transaction would be open all that time.
	 */
	private Round round() {
		Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
				this.properties.table());
		if (!Boolean.TRUE.equals(locked)) {
			return Round.NONE;
		}
		// removing sent rows need not wait for the disk: rows a crash brings back are sent again
		this.jdbc.execute("SET LOCAL synchronous_commit = off");
		String[] heldKeys = this.heldBack.keys();
		if (heldKeys.length > 0) {
			// planned with the keys, not for any array: the check is then a look-up in a hash of them, not a walk of
			// the whole array for every row read
			this.jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
		}
		List<Row> rows = read(heldKeys, Long.MIN_VALUE);
		if (rows.isEmpty()) {
			return Round.NONE;
		}
		this.refusedTopics.expire();
		try (RelayTransaction kafka = RelayTransaction.borrow(this.producers)) {
			Map<String, List<PartitionInfo>> partitions = new HashMap<>();
			Set<String> unsent = new HashSet<>();
			List<Sending> batch = new ArrayList<>(rows.size());
			boolean full = full(rows);
			for (int page = 1;; page++) {
				rows.stream()
					.map(Row::topic)
					.distinct()
					.filter((topic) -> !partitions.containsKey(topic) && this.refusedTopics.failure(topic) == null)
					.forEach((topic) -> partitions.put(topic, partitionsFor(kafka, topic)));
				boolean sent = false;
				for (Row row : rows) {
					Sending sending = relay(kafka, partitions, unsent, row);
					sent |= sending.sent();
					batch.add(sending);
				}
				if (sent || !full || page == MAX_PAGES || kafka.failed()) {
					break;
				}
				// every message read waits (behind a partition or a topic held back, or its key's earlier one): the
				// next ones may not, and without looking past these they would wait as long, whatever their partition
				long last = rows.get(rows.size() - 1).id();
				rows = List.of(); // this read's payloads let go before the next one's come
				rows = read(heldKeys, last);
				full = !rows.isEmpty() && full(rows);
			}
			awaitOutcomes(batch);
			return settle(kafka, batch, full);
		}
	}

	/** Up to a round's unsent rows after an id, but those of the keys held back. */
	private List<Row> read(String[] heldKeys, long afterId) {
		return this.jdbc.query(this.select, (row, number) -> new Row(row.getLong(1), row.getString(2),
				row.getString(3), row.getString(4), row.getString(5), row.getLong(6)), heldKeys, afterId);
	}

	/** @return whether the rows are as many as a round reads, or as many bytes */
	private boolean full(List<Row> rows) {
		return rows.size() >= this.properties.relay().batchSize()
				|| rows.stream().mapToLong(Row::bytes).sum() >= this.properties.relay().roundBytes().toBytes();
	}

	/**
	 * Commits the round's transaction if every message sent was acknowledged, else aborts it and parks a message Kafka
	 * refuses for good ({@link #refusedForGood}), or else holds back the keys and partitions of the messages that
	 * failed in a way that may pass ({@link #holdBackFailed}); then parks and deletes in the database.
	 * @param full whether the round read as many messages as it may
	 */
	private Round settle(RelayTransaction kafka, List<Sending> batch, boolean full) {
		Set<String> held = new HashSet<>();
		List<Parked> parked = new ArrayList<>();
		@Nullable SendFailure retry = null;
		for (Sending sending : batch) {
			@Nullable SendFailure failure = sending.notSendable() ? sending.failure() : null;
			if (failure != null && failure.permanent()) {
				// a topic whose name is not a valid one: its messages are refused for good before they are sent
				parked.add(new Parked(sending.id(), sending.topic(), failure));
			}
			else if (failure != null) {
				held.add(sending.key());
				retry = (retry != null) ? retry : failure;
			}
		}
		List<Long> sent = new ArrayList<>();
		boolean more = full;
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
			@Nullable Parked refused = refusedForGood(kafka, batch, first);
			if (refused != null) {
				parked.add(refused);
				// the others are sent again at once: what else failed failed beside it, or fails again on its own
				more = true;
			}
			else {
				retry = (first != null) ? first.failure() : SendFailure.UNACKNOWLEDGED;
				holdBackFailed(batch, first, held);
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
		this.heldBack.holdKeys(held);
		return new Round(sent.size(), parked, retry, more);
	}

	/**
	 * The message of an aborted round that Kafka refuses for good, if one is. The send that failed first is its own
	 * message's failure: the producer fails every later send of the transaction, and the batches it has not sent, with
	 * it. So a first failure that refuses its record for good is believed. Another send whose failure says so may have
	 * failed beside the one that did (the broker fails the other records of a batch with an invalid one, and the first
	 * of those may come first, and the batches not yet sent fail with the producer's own copy of the refusal); such
	 * messages, the earliest first and at most {@value #MAX_PROBES} a round, are sent once more alone, each in a
	 * transaction aborted whatever comes of it, and the first refused again is parked.
	 * @param first the send that failed first, if any failed
	 * @return the message to park, or {@code null}
	 */
	private @Nullable Parked refusedForGood(RelayTransaction kafka, List<Sending> batch, @Nullable Sending first) {
		if (first != null && Objects.requireNonNull(first.failure()).permanent()) {
			return new Parked(first.id(), first.topic(), Objects.requireNonNull(first.failure()));
		}
		List<Sending> suspects = batch.stream()
			.filter((sending) -> sending.sent() && sending != first)
			.filter((sending) -> {
				@Nullable SendFailure failure = sending.failure();
				return failure != null && failure.permanent();
			})
			.limit(MAX_PROBES)
			.toList();
		for (Sending suspect : suspects) {
			@Nullable Throwable again = kafka.probe(record(suspect.row()), this.properties.relay().sendTimeout());
			if (again != null && SendFailure.of(again).permanent()) {
				return new Parked(suspect.id(), suspect.topic(), SendFailure.of(again));
			}
		}
		return null;
	}

	/**
	 * Holds back, for a send timeout, the keys and the partitions of an aborted round's messages that failed in a way
	 * that may pass, or were not acknowledged in time, but those that failed for the first failure's sake (the
	 * producer fails them with it): the partitions, because nearly every round brings a new key to a partition that
	 * keeps failing, and each would abort the round for all; the keys, because their later messages would follow.
	 * @param first the send that failed first, if any failed
	 */
	private void holdBackFailed(List<Sending> batch, @Nullable Sending first, Set<String> held) {
		@Nullable Throwable firstFailure = (first != null) ? first.outcome().join() : null;
		for (Sending sending : batch) {
			if (!sending.sent() || sending.acknowledged()) {
				continue;
			}
			CompletableFuture<@Nullable Throwable> outcome = Objects.requireNonNull(sending.outcome());
			Throwable failure = outcome.isDone() ? Objects.requireNonNull(outcome.join()) : UNACKNOWLEDGED;
			if (sending != first && firstFailure != null && causedBy(failure, firstFailure)) {
				continue;
			}
			held.add(sending.key());
			if (sending.partition() >= 0) {
				// the partition's later messages fail with it unsent: never as refused for good, which would park
				// them (a record the probe did not find refused again failed so)
				this.heldBack.holdPartition(sending.topic(), sending.partition(),
						SendFailure.of(failure).permanent() ? UNACKNOWLEDGED : failure);
			}
		}
	}

	/** @return whether the failure is, or is caused by, the cause (the same exception, not one like it) */
	private static boolean causedBy(Throwable failure, Throwable cause) {
		@Nullable Throwable link = failure;
		for (int depth = 0; link != null && depth < SendFailure.DEPTH; depth++) {
			if (link == cause) {
				return true;
			}
			link = (link.getCause() != link) ? link.getCause() : null;
		}
		return false;
	}

	/**
	 * Sends a message in the round's transaction unless the transaction has failed (it comes back in the next
	 * round), an earlier message of its key was not sent (the key is held back), its topic is refused
	 * ({@link RefusedTopics}), or the partition its key goes to has no leader or is held back ({@link HeldBack}). A
	 * topic whose send failed at once in a way that may pass (its metadata did not come within {@code max.block.ms}) is
	 * refused: its later messages, of this round and the next ones for a send timeout, fail the same way without being
	 * waited for again.
	 * @param unsent the keys of the round's messages not sent so far
	 */
	private Sending relay(RelayTransaction kafka, Map<String, List<PartitionInfo>> partitions, Set<String> unsent,
			Row row) {
		if (kafka.failed() || unsent.contains(row.key())) {
			return new Sending(row.unsent(), -1, false, null);
		}
		@Nullable CompletableFuture<@Nullable Throwable> refused = this.refusedTopics.failure(row.topic());
		if (refused != null) {
			unsent.add(row.key());
			return new Sending(row.unsent(), -1, false, refused);
		}
		List<PartitionInfo> topicPartitions = partitions.getOrDefault(row.topic(), List.of());
		int partition = partitionOf(topicPartitions, row.key());
		@Nullable CompletableFuture<@Nullable Throwable> notSendable = notSendable(topicPartitions, row.topic(),
				partition);
		if (notSendable != null) {
			unsent.add(row.key());
			return new Sending(row.unsent(), partition, false, notSendable);
		}
		CompletableFuture<@Nullable Throwable> outcome = kafka.send(record(row));
		@Nullable Throwable failedAtOnce = outcome.isDone() ? outcome.join() : null;
		// only the transaction's first failure is the message's own
		if (failedAtOnce != null && outcome == kafka.firstFailed() && !SendFailure.of(failedAtOnce).permanent()) {
			this.refusedTopics.refuse(row.topic(), outcome);
		}
		return new Sending(row, partition, true, outcome);
	}

	/**
	 * @return what a message to the partition fails with if the partition has no leader or is held back, else
	 * {@code null}
	 */
	private @Nullable CompletableFuture<@Nullable Throwable> notSendable(List<PartitionInfo> topicPartitions,
			String topic, int partition) {
		if (partition < 0) {
			return null;
		}
		if (leaderless(topicPartitions, partition)) {
			return NO_LEADER;
		}
		@Nullable Throwable held = this.heldBack.partition(topic, partition);
		return (held != null) ? CompletableFuture.completedFuture(held) : null;
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
	 * The partition a key's messages go to, as the producer's default partitioner places a keyed record (the relay's
	 * producer sets no other, and serializes keys as UTF-8 strings): murmur2 of the key's bytes, made positive, modulo
	 * the partitions.
	 * @return the partition; -1 if the topic's partitions are not known
	 */
	private static int partitionOf(List<PartitionInfo> topicPartitions, String key) {
		if (topicPartitions.isEmpty()) {
			return -1;
		}
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % topicPartitions.size();
	}

	/**
	 * Whether a partition has no leader now: a record sent there would wait in the producer until the send timeout,
	 * and the whole round with it, so that one partition without a leader slowed every key to a round per send
	 * timeout. Its messages are not sent, and the key is held back like any that failed in a way that may pass.
	 */
	private static boolean leaderless(List<PartitionInfo> topicPartitions, int partition) {
		for (PartitionInfo info : topicPartitions) {
			if (info.partition() == partition) {
				return info.leader() == null || info.leader().isEmpty();
			}
		}
		return false;
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

		/** The row without its payload and headers: a message not sent is not held in memory for the round. */
		Row unsent() {
			return new Row(this.id, this.topic, this.key, "", "{}", 0);
		}

	}

	/**
	 * A message of the round.
	 * @param row its outbox row
	 * @param partition the partition its key goes to; -1 if not known
	 * @param sent whether it was sent in the round's transaction
	 * @param outcome completes with {@code null} once acknowledged, or with the failure; for a message not sent,
	 * what it fails with if its topic is refused or its partition has no leader or is held back, {@code null} if it was
	 * left for the next round
	 */
	private record Sending(Row row, int partition, boolean sent,
			@Nullable CompletableFuture<@Nullable Throwable> outcome) {

		long id() {
			return this.row.id();
		}

		String topic() {
			return this.row.topic();
		}

		String key() {
			return this.row.key();
		}

		/** @return whether it was not sent because its topic is refused or its partition may not be sent to now */
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

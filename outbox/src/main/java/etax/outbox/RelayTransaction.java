package etax.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka transaction of one relay round ({@link RelayRounds}): what the round sends becomes visible to the
 * consumers, all of which read committed messages only, when the round commits it, and never if it aborts it.
 *
 * <p>
 * A round aborts when any message it sent failed: nothing of it is read, and it is sent again, in its order, by a
 * later round. Without a transaction the relay deleted what was acknowledged and sent the rest again, and one gap was
 * left in a key's order: when a message timed out during a leader election after the key's later message, in a later
 * batch, had been written (the idempotent producer goes on with a new epoch), the topic read the later message first.
 *
 * <p>
 * Once a send has failed, the producer refuses every further send of the transaction with that first failure as the
 * cause, and fails the batches it has not sent yet with it: the first failure is its own message's
 * ({@link #firstFailed}); a later one may be, and a record is sent alone to tell ({@link #probe}). The transaction begins with the round's first send, so a round that sends nothing costs the
 * broker nothing.
 */
final class RelayTransaction implements AutoCloseable {

	private final Producer<String, String> producer;

	private boolean open;

	private final AtomicReference<@Nullable CompletableFuture<@Nullable Throwable>> firstFailed = new AtomicReference<>();

	private RelayTransaction(Producer<String, String> producer) {
		this.producer = producer;
	}

	/**
	 * Borrows a producer for a round.
	 * @param producers creates the relay's transactional producers; a caching factory keeps one given back for the
	 * next round, and closes one that failed in a way that may leave it unusable
	 * @return the round's transaction, not begun
	 * @throws org.apache.kafka.common.KafkaException if no producer could be made ready for transactions (no broker
	 * answered within {@code max.block.ms}): the round fails
	 */
	static RelayTransaction borrow(ProducerFactory<String, String> producers) {
		return new RelayTransaction(producers.createProducer());
	}

	/**
	 * A topic's partitions, by the producer's metadata (from its cache once known).
	 * @param topic the topic
	 * @return its partitions
	 */
	List<PartitionInfo> partitionsFor(String topic) {
		return this.producer.partitionsFor(topic);
	}

	/**
	 * Sends a record in the transaction, begun with the first.
	 * @param record the record
	 * @return completes with {@code null} once acknowledged, or with the failure; what the producer refuses at once
	 * (a record over {@code max.request.size}, a topic whose metadata did not come within {@code max.block.ms}) is a
	 * failed outcome like any other
	 */
	CompletableFuture<@Nullable Throwable> send(ProducerRecord<String, String> record) {
		CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
		try {
			begin();
			this.producer.send(record, (metadata, failure) -> complete(outcome, failure));
		}
		catch (RuntimeException ex) {
			complete(outcome, ex);
		}
		return outcome;
	}

	private void complete(CompletableFuture<@Nullable Throwable> outcome, @Nullable Throwable failure) {
		if (failure != null) {
			this.firstFailed.compareAndSet(null, outcome);
		}
		outcome.complete(failure);
	}

	/** @return whether a send of the transaction has failed: a later one would fail with that failure */
	boolean failed() {
		return this.firstFailed.get() != null;
	}

	/**
	 * The outcome of the send that failed first, the only failure that is its own message's: the producer fails
	 * every send and batch after it with it.
	 * @return that outcome, or {@code null} if none has failed
	 */
	@Nullable CompletableFuture<@Nullable Throwable> firstFailed() {
		return this.firstFailed.get();
	}

	/**
	 * Commits the transaction: its messages become visible at once, in the order they were sent.
	 * @return {@code null} once committed (or if nothing was sent), else why not: the messages may or may not be
	 * visible, and are sent again
	 */
	@Nullable SendFailure commit() {
		if (!this.open) {
			return null;
		}
		this.open = false;
		try {
			this.producer.commitTransaction();
			return null;
		}
		catch (RuntimeException ex) {
			return SendFailure.retriable(ex);
		}
	}

	/**
	 * Aborts the transaction: none of its messages is ever read. A producer that cannot abort (fenced, or the abort
	 * timed out) is closed by the factory when given back, and its transaction is aborted by the broker once it times
	 * out ({@code transaction.timeout.ms}).
	 */
	void abort() {
		if (!this.open) {
			return;
		}
		this.open = false;
		try {
			this.producer.abortTransaction();
		}
		catch (RuntimeException ex) {
			// the round fails in any case, and says why by its first failure
		}
	}

	/**
	 * Sends one record alone, in a transaction of its own that is aborted whatever comes of it: whether the broker
	 * refuses that record itself, where a round's failures do not tell (the other records of a batch with an invalid
	 * one fail beside it, and before it).
	 * @param record the record
	 * @param timeout how long to wait for the answer
	 * @return what the send failed with; {@code null} if it was acknowledged, or no answer came in time, or the
	 * transaction could not begin
	 */
	@Nullable Throwable probe(ProducerRecord<String, String> record, Duration timeout) {
		abort();
		CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
		try {
			begin();
			this.producer.send(record, (metadata, failure) -> outcome.complete(failure));
			return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException | ExecutionException | TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		finally {
			abort();
		}
	}

	/** Aborts what is not committed (a round that failed on the way) and gives the producer back. */
	@Override
	public void close() {
		abort();
		this.producer.close();
	}

	private void begin() {
		if (!this.open) {
			this.producer.beginTransaction();
			this.open = true;
		}
	}

}

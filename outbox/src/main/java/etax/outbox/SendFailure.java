package etax.outbox;

import java.util.List;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * Why Kafka did not acknowledge an outbox message, and whether sending the same record again could ever
 * succeed.
 *
 * <p>
 * A failure is permanent only when the producer or the broker refuses the record for what it is, so that
 * every later attempt meets the same refusal: it is larger than the producer's {@code max.request.size} or
 * the broker's {@code message.max.bytes} ({@link RecordTooLargeException}; the producer splits a batch the
 * broker finds too large until only the offending record fails), it cannot be serialized
 * ({@link SerializationException}), its topic's name is not a valid one ({@link InvalidTopicException}), or
 * the broker rejects the record itself ({@link InvalidRecordException}; the other records of its batch fail
 * with a plain {@code KafkaException} and are retried). Everything else is retried: timeouts, a broker or
 * partition leader not available, not enough replicas, a topic not (yet) known, a producer fenced or out
 * of sequence, and also what a wrong configuration causes for every message alike (authorization, a
 * {@code RecordBatchTooLargeException}, which fails every record of a batch): moving those aside would
 * empty the outbox into the parked table and lose the order of everything.
 *
 * @param reason the class of the exception that decided, never its message (which may quote the record)
 * @param permanent whether the record is refused for good
 */
record SendFailure(String reason, boolean permanent) {

	/** A message whose acknowledgement did not come within the send timeout: it may yet be written. */
	static final SendFailure UNACKNOWLEDGED = new SendFailure("no acknowledgement within the send timeout", false);

	private static final List<Class<? extends Exception>> REFUSED_FOR_GOOD = List.of(RecordTooLargeException.class,
			SerializationException.class, InvalidTopicException.class, InvalidRecordException.class);

	/** Causes followed at most: the template and the futures wrap the producer's exception twice or so. */
	static final int DEPTH = 8;

	/**
	 * Classifies what a send completed with, or what the template threw at once (a record over
	 * {@code max.request.size} is refused before it is queued, wrapped in a {@code KafkaException}).
	 * @param failure the exception, possibly wrapping the producer's
	 * @return permanent with that exception's class if one in the chain of causes refuses the record for
	 * good, else retriable with the class of the innermost cause
	 */
	static SendFailure of(Throwable failure) {
		Throwable innermost = failure;
		@Nullable Throwable cause = failure;
		for (int depth = 0; cause != null && depth < DEPTH; depth++) {
			for (Class<? extends Exception> type : REFUSED_FOR_GOOD) {
				if (type.isInstance(cause)) {
					return new SendFailure(cause.getClass().getName(), true);
				}
			}
			innermost = cause;
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return new SendFailure(innermost.getClass().getName(), false);
	}

	/**
	 * A failure that is not a message's own (a transaction's commit failed): it may pass.
	 * @param failure the exception
	 * @return retriable, with the exception's class
	 */
	static SendFailure retriable(Throwable failure) {
		return new SendFailure(failure.getClass().getName(), false);
	}

	/**
	 * The unqualified class name, a bounded tag value.
	 * @return the reason without its package
	 */
	String shortReason() {
		return this.reason.substring(this.reason.lastIndexOf('.') + 1);
	}

}

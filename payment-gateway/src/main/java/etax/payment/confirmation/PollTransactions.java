package etax.payment.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

import etax.access.RedactedException;
import etax.payment.confirmation.PaymentRecording.Outcome;
import etax.payment.sql.RefusedValues;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database transactions of a poll's recording ({@link PollRecording} is what each does): one for the whole
 * poll, or one per record once PostgreSQL refused a value of it, so that a record no check caught does not stop
 * its partition. A poll whose messages would be stored more than {@link #MAX_CHARACTERS} characters over is
 * recorded in consecutive parts, each a transaction of its own: every entry of a camt.054 keeps the whole message
 * (its row, or its rejection and dead letter), so a poll of many notifications of many entries made statements of
 * hundreds of MB.
 */
@Component
class PollTransactions {

	private static final Logger log = LoggerFactory.getLogger(PollTransactions.class);

	/**
	 * The most characters of messages one transaction stores, counting a message once per entry: a poll of single
	 * confirmations (1–2 KB each, 1,000 a poll) stays far within it, in one transaction.
	 */
	static final long MAX_CHARACTERS = 32L * 1024 * 1024;

	private final PollRecording recording;

	private final TransactionTemplate transactions;

	PollTransactions(PollRecording recording, PlatformTransactionManager transactionManager) {
		this.recording = recording;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Records the poll in one transaction (in parts, one after the other, when its messages are too many characters
	 * to store at once: {@link #MAX_CHARACTERS}). Should PostgreSQL refuse a value of it (SQLState class 22: a value no
	 * check caught, which would fail every try of the poll and stop its partition for good), records its records one
	 * by one, in order, each in a transaction of its own, and a record refused alone as {@code unstorable}. Recording
	 * a record again changes nothing, so those committed before a crash are duplicates when the poll comes again.
	 * Any other failure fails the poll, to be tried again.
	 */
	Outcome record(List<ReceivedMessage> reads, Instant now) {
		List<List<ReceivedMessage>> parts = parts(reads, PollTransactions::storedCharacters, MAX_CHARACTERS);
		if (parts.size() == 1) {
			return recordPart(reads, now);
		}
		List<BankConfirmation> recorded = new ArrayList<>();
		int duplicates = 0;
		List<Rejection> rejected = new ArrayList<>();
		for (List<ReceivedMessage> part : parts) {
			Outcome one = recordPart(part, now);
			recorded.addAll(one.recorded());
			duplicates += one.duplicates();
			rejected.addAll(one.rejected());
		}
		return new Outcome(recorded, duplicates, rejected);
	}

	/**
	 * Consecutive parts of a list, each of items whose weights add up to at most a budget, or of one item heavier
	 * than it on its own.
	 */
	static <T> List<List<T>> parts(List<T> items, ToLongFunction<T> weight, long budget) {
		List<List<T>> parts = new ArrayList<>();
		List<T> part = new ArrayList<>();
		long weighed = 0;
		for (T item : items) {
			long each = weight.applyAsLong(item);
			if (!part.isEmpty() && weighed + each > budget) {
				parts.add(part);
				part = new ArrayList<>();
				weighed = 0;
			}
			part.add(item);
			weighed += each;
		}
		if (!part.isEmpty()) {
			parts.add(part);
		}
		return parts;
	}

	/** The characters a record's recording stores of its message: once per entry, or once when it is rejected. */
	private static long storedCharacters(ReceivedMessage read) {
		@Nullable String value = read.unstorable().value();
		return (long) Math.max(1, read.valid().size()) * ((value != null) ? value.length() : 0);
	}

	/** Records a poll, or a part of one, as {@link #record} says. */
	private Outcome recordPart(List<ReceivedMessage> reads, Instant now) {
		try {
			return inTransaction(reads, now);
		}
		catch (DataAccessException ex) {
			if (!RefusedValues.refusedValue(ex)) {
				throw ex;
			}
			log.warn("PostgreSQL refused a value of a poll, recording its records one by one records={} failure={}",
					reads.size(), RedactedException.describe(ex));
		}
		List<BankConfirmation> recorded = new ArrayList<>();
		int duplicates = 0;
		List<Rejection> rejected = new ArrayList<>();
		for (ReceivedMessage read : reads) {
			Outcome one;
			try {
				one = inTransaction(List.of(read), now);
			}
			catch (DataAccessException ex) {
				if (!RefusedValues.refusedValue(ex)) {
					throw ex;
				}
				MessagePosition source = read.unstorable().source();
				log.error("PostgreSQL refused a value of a bank confirmation no check caught, rejecting it topic={} "
						+ "partition={} offset={}", source.topic(), source.partition(), source.offset(),
						RedactedException.of(ex));
				one = inTransaction(List.of(read.refused()), now);
			}
			recorded.addAll(one.recorded());
			duplicates += one.duplicates();
			rejected.addAll(one.rejected());
		}
		return new Outcome(recorded, duplicates, rejected);
	}

	private Outcome inTransaction(List<ReceivedMessage> reads, Instant now) {
		return Objects.requireNonNull(this.transactions.execute((status) -> this.recording.record(reads, now)));
	}

}

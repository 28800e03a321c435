package etax.payment.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import etax.access.RedactedException;
import etax.payment.confirmation.PaymentRecording.Outcome;
import etax.payment.sql.RefusedValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database transactions of a poll's recording ({@link PollRecording} is what each does): one for the whole
 * poll, or one per record once PostgreSQL refused a value of it, so that a record no check caught does not stop
 * its partition.
 */
@Component
class PollTransactions {

	private static final Logger log = LoggerFactory.getLogger(PollTransactions.class);

	private final PollRecording recording;

	private final TransactionTemplate transactions;

	PollTransactions(PollRecording recording, PlatformTransactionManager transactionManager) {
		this.recording = recording;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Records the poll in one transaction. Should PostgreSQL refuse a value of it (SQLState class 22: a value no
	 * check caught, which would fail every try of the poll and stop its partition for good), records its records one
	 * by one, in order, each in a transaction of its own, and a record refused alone as {@code unstorable}. Recording
	 * a record again changes nothing, so those committed before a crash are duplicates when the poll comes again.
	 * Any other failure fails the poll, to be tried again.
	 */
	Outcome record(List<ReceivedMessage> reads, Instant now) {
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

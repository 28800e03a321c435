package etax.payment.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import etax.payment.office.OfficeScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records bank confirmations exactly once and answers what was recorded or rejected.
 *
 * <p>
 * A poll is recorded in one database transaction. Each record's signature is verified, its value read
 * in the format its content type names (JSON or camt.054, one or many confirmations) and checked
 * ({@link ReceivedMessages}).
 * Booked confirmations (payments and reversals) are inserted unless their key is already there, and
 * announced ({@link PaymentsRecorded} in-process, so that treasury postings and the ledger are written
 * in the same transaction, and {@link PaymentRecorded} through the outbox); pending and failed ones are
 * kept apart. Every record that is malformed, invalid, unsigned or conflicting is stored as a rejection
 * and sent through the outbox to the dead-letter topic. Recording the same poll again changes nothing,
 * so the caller may commit its Kafka offsets after this returns and redeliver after any crash. A value
 * PostgreSQL refuses (a data exception no check caught) makes the poll be recorded record by record, and the
 * record refused alone is rejected ({@code unstorable}), so that it does not stop its partition.
 *
 * <p>
 * The steps: {@link ReceivedMessages} reads each record, before any transaction; {@link PollTransactions} runs the
 * poll's transaction, or one per record after a refused value; {@link PollRecording} is what such a transaction
 * does.
 */
@Service
public class PaymentRecording {

	/** Where the banks publish. */
	public static final String CONFIRMATIONS_TOPIC = "bank.payment-confirmations.v1";

	/** Where rejected records go, with their original key and value. */
	public static final String DEAD_LETTER_TOPIC = "bank.payment-confirmations.dlq";

	/** The record header carrying the detached JWS over the value. */
	public static final String SIGNATURE_HEADER = "etax.signature";

	private static final Logger log = LoggerFactory.getLogger(PaymentRecording.class);

	private final ReceivedMessages messages;

	private final PollTransactions transactions;

	private final RecordedConfirmationRepository confirmations;

	private final RejectedMessageRepository rejectedMessages;

	private final Clock clock;

	private final RecordingMetrics metrics;

	PaymentRecording(ReceivedMessages messages, PollTransactions transactions,
			RecordedConfirmationRepository confirmations, RejectedMessageRepository rejectedMessages, Clock clock,
			RecordingMetrics metrics) {
		this.messages = messages;
		this.transactions = transactions;
		this.confirmations = confirmations;
		this.rejectedMessages = rejectedMessages;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Records one poll. Returns once it is recorded: in one transaction, or, after a value PostgreSQL refused, in one
	 * per record; throws if it is not (what is not committed must be offered again, and recording the poll again
	 * changes nothing of what is).
	 * @param poll the records of one poll, in any order
	 */
	public void record(List<ConsumerRecord<String, String>> poll) {
		if (poll.isEmpty()) {
			return;
		}
		Instant consumedAt = this.clock.instant();
		// verifying the banks' signatures and reading the messages is most of a poll's own work: it needs no
		// database transaction, and the records are independent, so it runs before one, on every core
		List<ReceivedMessage> reads = poll.parallelStream().map((record) -> this.messages.read(record, consumedAt)).toList();
		Outcome outcome = this.transactions.record(reads, consumedAt);
		this.metrics.count(outcome, consumedAt, this.clock.instant());
		outcome.rejected()
			.forEach((rejection) -> log.warn("Rejected bank confirmation reason={} topic={} partition={} offset={} entry={}",
					rejection.reason().code(), rejection.source().topic(), rejection.source().partition(),
					rejection.source().offset(), rejection.entryIndex()));
		log.debug("Recorded poll records={} recorded={} duplicates={} rejected={}", poll.size(),
				outcome.recorded().size(), outcome.duplicates(), outcome.rejected().size());
	}

	/**
	 * The booked confirmation recorded under a bank code and reference, read with its lines in one snapshot: read
	 * apart, a recording that commits between the two reads answered RECORDED without lines.
	 * @throws ConfirmationNotFoundException if there is none
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public RecordedConfirmation find(String bankCode, String bankReference) {
		return this.confirmations.find(bankCode, bankReference)
			.orElseThrow(() -> ConfirmationNotFoundException.forKey(bankCode, bankReference));
	}

	/**
	 * What a bank's reference came to: the recorded confirmation, if any, and every rejected entry that
	 * carried the reference (a conflict, a broken rule, also of another entry of a message rejected whole), newest
	 * first, all read in one snapshot.
	 * @param bankCode the bank
	 * @param bankReference its reference
	 * @return both, either possibly empty
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ReferenceOutcome outcome(String bankCode, String bankReference) {
		return new ReferenceOutcome(this.confirmations.find(bankCode, bankReference),
				this.confirmations.unbooked(bankCode, bankReference),
				this.rejectedMessages.forBankReference(bankCode, bankReference));
	}

	/**
	 * A page of rejected records, newest first, and how many there are in all, for an officer who reads them: a
	 * rejected record is of no office (ADR 0022: what it says is not vouched for, and often not readable), so the
	 * payment desk and national officers read them, an office's officer none.
	 */
	public RejectedMessages rejected(OfficeScope scope, int page, int size, boolean withPayload) {
		if (!scope.sees(null)) {
			return new RejectedMessages(List.of(), 0);
		}
		return new RejectedMessages(this.rejectedMessages.page(page, size, withPayload), this.rejectedMessages.count());
	}

	/**
	 * A page of rejected records.
	 * @param items the rejections on this page
	 * @param total how many there are in all
	 */
	public record RejectedMessages(List<RejectedMessage> items, long total) {

	}

	/**
	 * What one poll changed.
	 * @param recorded confirmations recorded for the first time, booked or not
	 * @param duplicates confirmations already recorded with the same content
	 * @param rejected rejections stored for the first time
	 */
	record Outcome(List<BankConfirmation> recorded, int duplicates, List<Rejection> rejected) {

	}

	/**
	 * What became of a bank's reference.
	 * @param recorded the booked confirmation recorded under it, if one is
	 * @param unbooked the pending and failed confirmations recorded under it, oldest first
	 * @param rejected the entries that carried it and were not recorded, newest first
	 */
	public record ReferenceOutcome(Optional<RecordedConfirmation> recorded, List<UnbookedConfirmation> unbooked,
			List<RejectedMessage> rejected) {

	}

}

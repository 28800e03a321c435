package etax.payment.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.ConfirmationRepository.Reversible;
import etax.payment.confirmation.ConfirmationRepository.StoredState;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import etax.payment.office.OfficeScope;
import etax.access.RedactedException;
import etax.payment.sql.RefusedValues;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final ConfirmationRepository confirmations;

	private final RejectedMessageRepository rejectedMessages;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RecordingMetrics metrics;

	PaymentRecording(ReceivedMessages messages, ConfirmationRepository confirmations,
			RejectedMessageRepository rejectedMessages, Outbox outbox, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, RecordingMetrics metrics) {
		this.messages = messages;
		this.confirmations = confirmations;
		this.rejectedMessages = rejectedMessages;
		this.outbox = outbox;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
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
		Outcome outcome = recordIsolatingRefused(reads, consumedAt);
		this.metrics.count(outcome, consumedAt, this.clock.instant());
		outcome.rejected()
			.forEach((rejection) -> log.warn("Rejected bank confirmation reason={} topic={} partition={} offset={} entry={}",
					rejection.reason().code(), rejection.source().topic(), rejection.source().partition(),
					rejection.source().offset(), rejection.entryIndex()));
		log.debug("Recorded poll records={} recorded={} duplicates={} rejected={}", poll.size(),
				outcome.recorded().size(), outcome.duplicates(), outcome.rejected().size());
	}

	/**
	 * The booked confirmation recorded under a bank code and reference.
	 * @throws ConfirmationNotFoundException if there is none
	 */
	public RecordedConfirmation find(String bankCode, String bankReference) {
		return this.confirmations.find(bankCode, bankReference)
			.orElseThrow(() -> ConfirmationNotFoundException.forKey(bankCode, bankReference));
	}

	/**
	 * What a bank's reference came to: the recorded confirmation, if any, and every rejected entry that
	 * carried the reference (a conflict, a broken rule), newest first.
	 * @param bankCode the bank
	 * @param bankReference its reference
	 * @return both, either possibly empty
	 */
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
	public RejectedMessages rejected(OfficeScope scope, int page, int size) {
		if (!scope.sees(null)) {
			return new RejectedMessages(List.of(), 0);
		}
		return new RejectedMessages(this.rejectedMessages.page(page, size), this.rejectedMessages.count());
	}

	/**
	 * Records the poll in one transaction. Should PostgreSQL refuse a value of it (SQLState class 22: a value no
	 * check caught, which would fail every try of the poll and stop its partition for good), records its records one
	 * by one, in order, each in a transaction of its own, and a record refused alone as {@code unstorable}. Recording
	 * a record again changes nothing, so those committed before a crash are duplicates when the poll comes again.
	 * Any other failure fails the poll, to be tried again.
	 */
	private Outcome recordIsolatingRefused(List<ReceivedMessage> reads, Instant now) {
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
		return Objects.requireNonNull(this.transactions.execute((status) -> recordInTransaction(reads, now)));
	}

	private Outcome recordInTransaction(List<ReceivedMessage> reads, Instant now) {
		UUID recordingId = TimeOrderedIds.next();
		List<ReceivedConfirmation> valid = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		Set<RedriveClaim> proven = this.rejectedMessages.proven(
				reads.stream().map(ReceivedMessage::redrive).filter(Objects::nonNull).toList());
		for (ReceivedMessage read : reads) {
			RedriveClaim redrive = read.redrive();
			if (redrive != null && proven.contains(redrive)) {
				read.valid().forEach((r) -> valid.add(r.withRedriveOf(redrive.rejectionId())));
			}
			else {
				valid.addAll(read.valid());
			}
			if (read.rejection() != null) {
				rejections.add(read.rejection());
			}
		}
		List<ReceivedConfirmation> booked = checkReversals(
				valid.stream().filter((r) -> r.confirmation().status().isBooked()).toList(), rejections);
		Classified bookedOutcome = classify(booked, recordingId, null, rejections);
		int duplicates = bookedOutcome.duplicates();
		List<ReceivedConfirmation> recorded = new ArrayList<>(bookedOutcome.recorded());
		List<ReceivedConfirmation> unbookedValid = checkNotBooked(valid, bookedOutcome.recorded(), recordingId,
				rejections);
		for (BankConfirmation.Status status : List.of(BankConfirmation.Status.PENDING, BankConfirmation.Status.FAILED)) {
			Classified unbooked = classify(
					unbookedValid.stream().filter((r) -> r.confirmation().status() == status).toList(), recordingId,
					status.name(), rejections);
			duplicates += unbooked.duplicates();
			recorded.addAll(unbooked.recorded());
		}
		this.confirmations.insertLines(bookedOutcome.recorded().stream().map(ReceivedConfirmation::confirmation).toList());

		Set<RejectedMessageRepository.Stored> stored = this.rejectedMessages.insertAll(rejections, recordingId);
		List<Rejection> newRejections = rejections.stream()
			.filter((r) -> stored.contains(new RejectedMessageRepository.Stored(r.source(), r.entryIndex())))
			.sorted(Comparator.comparingInt((Rejection r) -> r.source().partition())
				.thenComparingLong((r) -> r.source().offset())
				.thenComparingInt(Rejection::entryIndex))
			.toList();
		List<PaymentRecorded> announcements = bookedOutcome.recorded()
			.stream()
			.map((r) -> PaymentRecorded.of(r.confirmation(), now))
			.toList();
		List<OutboxMessage> messages = new ArrayList<>();
		announcements.forEach((event) -> messages.add(OutboxMessage.of(PaymentRecorded.TOPIC, event.mst(), event)));
		newRejections.forEach((rejection) -> messages.add(DeadLetters.message(rejection)));
		this.outbox.appendAll(messages);
		if (!announcements.isEmpty()) {
			this.events.publishEvent(new PaymentsRecorded(announcements));
		}
		return new Outcome(recorded.stream().map(ReceivedConfirmation::confirmation).toList(), duplicates, newRejections);
	}

	/**
	 * Lets through the reversals that name a payment of the same payer and total recorded before them (stored, or
	 * earlier in this poll: the ledger allocates the poll in its order), not reversed yet (by another reference,
	 * or earlier in this poll); a reversal already recorded under its own key passes, to be judged a duplicate or a
	 * conflict.
	 */
	private List<ReceivedConfirmation> checkReversals(List<ReceivedConfirmation> booked, List<Rejection> rejections) {
		List<@Nullable Reversible> found = Reversals.namedPayments(
				booked.stream().map(ReceivedConfirmation::confirmation).toList(), this.confirmations);
		Map<ConfirmationKey, String> reversedInPoll = new LinkedHashMap<>();
		List<ReceivedConfirmation> passed = new ArrayList<>();
		for (int i = 0; i < booked.size(); i++) {
			ReceivedConfirmation received = booked.get(i);
			BankConfirmation c = received.confirmation();
			if (c.reversalOf() == null) {
				passed.add(received);
				continue;
			}
			ConfirmationKey original = new ConfirmationKey(c.bankCode(), c.reversalOf());
			Reversible payment = found.get(i);
			String problem = Reversals.problem(c, payment);
			if (problem == null && !reversedInPoll.getOrDefault(original, c.bankReference()).equals(c.bankReference())) {
				problem = "the payment is already reversed";
			}
			if (problem != null) {
				rejections.add(Rejection.of(received, RejectionReason.INVALID_REVERSAL, problem));
			}
			else {
				reversedInPoll.put(original, c.bankReference());
				passed.add(received);
			}
		}
		return passed;
	}

	/**
	 * Lets through the pending and failed reports whose key is not booked before them, and those already recorded
	 * with their status (a redelivery, judged a duplicate or a conflict): a report that a debit is pending or failed
	 * after it was booked would be kept apart while the money stays allocated, so it is a conflict; the bank takes a
	 * booked payment back with a reversal. Booked before means recorded by an earlier poll, or by this one from an
	 * entry earlier in it: a report earlier in the poll than its booking is kept apart as in a poll of its own, and the
	 * booking after it is recorded as a new row (ADR 0005, "Booked vs pending").
	 * @param valid the poll's valid confirmations, in its order
	 * @param bookedNow those of them this poll recorded as booked
	 */
	private List<ReceivedConfirmation> checkNotBooked(List<ReceivedConfirmation> valid,
			List<ReceivedConfirmation> bookedNow, UUID recordingId, List<Rejection> rejections) {
		List<ReceivedConfirmation> unbooked = valid.stream().filter((r) -> !r.confirmation().status().isBooked()).toList();
		if (unbooked.isEmpty()) {
			return unbooked;
		}
		Set<ConfirmationKey> keys = new HashSet<>();
		unbooked.forEach((r) -> keys.add(r.confirmationKey()));
		Map<ConfirmationKey, StoredState> booked = this.confirmations.states(keys, null);
		if (booked.isEmpty()) {
			return unbooked;
		}
		Map<ReceivedConfirmation, Integer> positions = new IdentityHashMap<>();
		for (int i = 0; i < valid.size(); i++) {
			positions.put(valid.get(i), i);
		}
		Map<ConfirmationKey, Integer> bookedAt = new HashMap<>();
		bookedNow.forEach((r) -> bookedAt.put(r.confirmationKey(), positions.get(r)));
		Map<String, Set<ConfirmationKey>> recorded = new HashMap<>();
		for (BankConfirmation.Status status : List.of(BankConfirmation.Status.PENDING, BankConfirmation.Status.FAILED)) {
			recorded.put(status.name(), this.confirmations.states(booked.keySet(), status.name()).keySet());
		}
		List<ReceivedConfirmation> passed = new ArrayList<>(unbooked.size());
		for (ReceivedConfirmation r : unbooked) {
			StoredState state = booked.get(r.confirmationKey());
			boolean bookedBefore = state != null && (!state.recordingId().equals(recordingId)
					|| bookedAt.getOrDefault(r.confirmationKey(), Integer.MAX_VALUE) < positions.get(r));
			if (bookedBefore && !recorded.get(r.confirmation().status().name()).contains(r.confirmationKey())) {
				rejections.add(Rejection.bookedAlready(r, this.confirmations.rawMessage(r.confirmationKey(), null)));
			}
			else {
				passed.add(r);
			}
		}
		return passed;
	}

	/**
	 * Inserts the first of each key in the poll, then judges every received confirmation against what the
	 * database holds under its key, whoever put it there: recorded by this poll, a duplicate, or a conflict.
	 */
	private Classified classify(List<ReceivedConfirmation> received, UUID recordingId, @Nullable String unbookedStatus,
			List<Rejection> rejections) {
		if (received.isEmpty()) {
			return new Classified(List.of(), 0);
		}
		Map<ConfirmationKey, ReceivedConfirmation> firsts = new LinkedHashMap<>();
		received.forEach((r) -> firsts.putIfAbsent(r.confirmationKey(), r));
		List<ReceivedConfirmation> inKeyOrder = firsts.values()
			.stream()
			.sorted(Comparator.comparing(ReceivedConfirmation::confirmationKey))
			.toList();
		this.confirmations.insertAll(inKeyOrder, recordingId, unbookedStatus == null);
		Map<ConfirmationKey, StoredState> states = this.confirmations.states(firsts.keySet(), unbookedStatus);
		List<ReceivedConfirmation> recorded = new ArrayList<>();
		Set<ConfirmationKey> conflicting = new HashSet<>();
		int duplicates = 0;
		for (ReceivedConfirmation r : received) {
			StoredState state = states.get(r.confirmationKey());
			if (state == null) {
				// not inserted, and nothing under its key: a reversal whose payment another poll (another
				// instance) reversed at the same time, after this one checked it (index confirmation_reversal)
				rejections.add(Rejection.of(r, RejectionReason.INVALID_REVERSAL, "the payment is already reversed: "
						+ "another reversal of it was recorded at the same time"));
				continue;
			}
			if (firsts.get(r.confirmationKey()) == r && state.recordingId().equals(recordingId)) {
				recorded.add(r);
			}
			else if (state.contentHash().equals(r.contentHash())) {
				duplicates++;
			}
			else {
				conflicting.add(r.confirmationKey());
				rejections.add(Rejection.conflict(r, this.confirmations.rawMessage(r.confirmationKey(), unbookedStatus)));
			}
		}
		return new Classified(recorded, duplicates);
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

	private record Classified(List<ReceivedConfirmation> recorded, int duplicates) {

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

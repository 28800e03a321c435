package etax.payment.confirmation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.ConfirmationRepository.StoredState;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records bank confirmations exactly once and answers what was recorded or rejected.
 *
 * <p>
 * A poll is recorded in one database transaction: valid confirmations are inserted unless their key
 * is already there; each new one is announced ({@link PaymentRecorded} in-process and through the
 * outbox); every record that is malformed, invalid or conflicting is stored as a rejection and sent
 * through the outbox to the dead-letter topic. Recording the same poll again changes nothing, so the
 * caller may commit its Kafka offsets after this returns and redeliver after any crash.
 */
@Service
public class PaymentRecording {

	/** Where the banks publish. */
	public static final String CONFIRMATIONS_TOPIC = "bank.payment-confirmations.v1";

	/** Where rejected records go, with their original key and value. */
	public static final String DEAD_LETTER_TOPIC = "bank.payment-confirmations.dlq";

	private static final Logger log = LoggerFactory.getLogger(PaymentRecording.class);

	private final ConfirmationReader reader = new ConfirmationReader();

	private final ConfirmationRepository confirmations;

	private final RejectedMessageRepository rejectedMessages;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RecordingMetrics metrics;

	PaymentRecording(ConfirmationRepository confirmations, RejectedMessageRepository rejectedMessages, Outbox outbox,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			RecordingMetrics metrics) {
		this.confirmations = confirmations;
		this.rejectedMessages = rejectedMessages;
		this.outbox = outbox;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Records one poll. Returns once the transaction committed; throws if it did not (nothing of the
	 * poll is then recorded, and it must be offered again).
	 * @param poll the records of one poll, in any order
	 */
	public void record(List<ConsumerRecord<String, String>> poll) {
		if (poll.isEmpty()) {
			return;
		}
		Outcome outcome = Objects.requireNonNull(this.transactions.execute((status) -> recordInTransaction(poll)));
		this.metrics.count(outcome);
		outcome.rejected()
			.forEach((rejection) -> log.warn("Rejected bank confirmation reason={} topic={} partition={} offset={}",
					rejection.reason().code(), rejection.source().topic(), rejection.source().partition(),
					rejection.source().offset()));
		log.debug("Recorded poll records={} recorded={} duplicates={} rejected={}", poll.size(), outcome.recorded(),
				outcome.duplicates(), outcome.rejected().size());
	}

	/**
	 * The confirmation recorded under a bank code and reference.
	 * @throws ConfirmationNotFoundException if there is none
	 */
	public RecordedConfirmation find(String bankCode, String bankReference) {
		return this.confirmations.find(bankCode, bankReference)
			.orElseThrow(() -> ConfirmationNotFoundException.forKey(bankCode, bankReference));
	}

	/** A page of rejected records, newest first, and how many there are in all. */
	public RejectedMessages rejected(int page, int size) {
		return new RejectedMessages(this.rejectedMessages.page(page, size), this.rejectedMessages.count());
	}

	private Outcome recordInTransaction(List<ConsumerRecord<String, String>> poll) {
		UUID recordingId = UUID.randomUUID();
		Instant now = this.clock.instant();
		List<ReceivedConfirmation> valid = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		for (ConsumerRecord<String, String> record : poll) {
			MessagePosition source = new MessagePosition(record.topic(), record.partition(), record.offset());
			try {
				BankConfirmation confirmation = this.reader.read(record.key(), record.value());
				valid.add(new ReceivedConfirmation(confirmation, Objects.requireNonNull(record.key()),
						confirmation.contentHash(), Objects.requireNonNull(record.value()), source, now));
			}
			catch (InvalidConfirmationException ex) {
				rejections.add(new Rejection(source, record.key(), record.value(), ex.reason(), ex.getMessage(), now));
			}
		}
		// the first of a key in the poll is inserted; then every record of the poll is judged against what
		// the database holds under its key, whoever put it there
		Map<ConfirmationKey, ReceivedConfirmation> firsts = new LinkedHashMap<>();
		valid.forEach((received) -> firsts.putIfAbsent(received.confirmationKey(), received));
		List<BankConfirmation> recorded = new ArrayList<>();
		int duplicates = 0;
		if (!valid.isEmpty()) {
			this.confirmations.insertAll(List.copyOf(firsts.values()), recordingId);
			Map<ConfirmationKey, StoredState> states = this.confirmations.states(firsts.keySet());
			for (ReceivedConfirmation received : valid) {
				StoredState state = Objects.requireNonNull(states.get(received.confirmationKey()), "inserted or there");
				if (firsts.get(received.confirmationKey()) == received && state.recordingId().equals(recordingId)) {
					recorded.add(received.confirmation());
				}
				else if (state.contentHash().equals(received.contentHash())) {
					duplicates++;
				}
				else {
					rejections.add(Rejection.conflict(received));
				}
			}
			this.confirmations.insertLines(recorded);
		}
		Set<MessagePosition> stored = this.rejectedMessages.insertAll(rejections, recordingId);
		List<Rejection> newRejections = rejections.stream()
			.filter((r) -> stored.contains(r.source()))
			.sorted(Comparator.comparingInt((Rejection r) -> r.source().partition())
				.thenComparingLong((r) -> r.source().offset()))
			.toList();
		List<PaymentRecorded> announcements = recorded.stream().map((c) -> PaymentRecorded.of(c, now)).toList();
		List<OutboxMessage> messages = new ArrayList<>();
		announcements.forEach((event) -> messages.add(OutboxMessage.of(PaymentRecorded.TOPIC, event.mst(), event)));
		newRejections.forEach((rejection) -> messages.add(DeadLetters.message(rejection)));
		this.outbox.appendAll(messages);
		announcements.forEach(this.events::publishEvent);
		return new Outcome(recorded.size(), duplicates, newRejections);
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
	 * @param recorded confirmations recorded for the first time
	 * @param duplicates confirmations already recorded with the same content
	 * @param rejected rejections stored for the first time
	 */
	record Outcome(int recorded, int duplicates, List<Rejection> rejected) {

	}

}

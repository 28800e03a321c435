package etax.payment.confirmation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.KeyClassification.Classified;
import etax.payment.confirmation.PaymentRecording.Outcome;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What one transaction of the recording does with the reads of a poll, or of one record of it, in the caller's
 * transaction: a record with a rejection stored is one recorded before, and changes nothing again; a re-drive proven
 * as such ({@link RejectedMessageRepository#proven}) is recorded as the officer's; the reversals and the pending and
 * failed reports that may be recorded are let through ({@link ReversalChecks}, {@link UnbookedChecks}); each key is
 * inserted once and every confirmation judged against it ({@link KeyClassification}), and a reversal judged against a
 * payment of the poll that another poll recorded first fails the poll, to be judged again against the payment stored;
 * then the new rejections are stored, and what was recorded announced: {@link PaymentsRecorded} in-process, so that
 * treasury postings and the ledger are written in the same transaction, {@link PaymentRecorded} and the dead letters
 * through the outbox.
 */
@Component
class PollRecording {

	private final ReversalChecks reversalChecks;

	private final UnbookedChecks unbookedChecks;

	private final KeyClassification classification;

	private final ConfirmationRepository confirmations;

	private final RejectedMessageRepository rejectedMessages;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	PollRecording(ReversalChecks reversalChecks, UnbookedChecks unbookedChecks, KeyClassification classification,
			ConfirmationRepository confirmations, RejectedMessageRepository rejectedMessages, Outbox outbox,
			ApplicationEventPublisher events) {
		this.reversalChecks = reversalChecks;
		this.unbookedChecks = unbookedChecks;
		this.classification = classification;
		this.confirmations = confirmations;
		this.rejectedMessages = rejectedMessages;
		this.outbox = outbox;
		this.events = events;
	}

	/**
	 * Records reads in the caller's transaction.
	 * @param reads the records read, in the poll's order
	 * @param now when the poll reached the listener
	 * @return what it recorded for the first time, the duplicates and the rejections stored for the first time
	 */
	Outcome record(List<ReceivedMessage> reads, Instant now) {
		UUID recordingId = TimeOrderedIds.next();
		List<ReceivedConfirmation> valid = new ArrayList<>();
		List<Rejection> rejections = new ArrayList<>();
		Set<RedriveClaim> proven = this.rejectedMessages.proven(
				reads.stream().map(ReceivedMessage::redrive).filter(Objects::nonNull).toList());
		// a record with a stored rejection was recorded before, all of it in one transaction: a poll redelivered
		// (a crash left its offsets uncommitted) keeps what that did, its rejections too, whatever the checks say now
		Set<MessagePosition> recordedBefore = this.rejectedMessages
			.rejectedAt(reads.stream().map(ReceivedMessage::source).toList());
		for (ReceivedMessage read : reads) {
			if (recordedBefore.contains(read.source())) {
				continue;
			}
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
		ReversalChecks.Checked booked = this.reversalChecks.check(
				valid.stream().filter((r) -> r.confirmation().status().isBooked()).toList(), rejections);
		Classified bookedOutcome = this.classification.classify(booked.passed(), recordingId, null, rejections);
		this.reversalChecks.requireRecorded(booked, bookedOutcome.recorded());
		int duplicates = bookedOutcome.duplicates();
		List<ReceivedConfirmation> recorded = new ArrayList<>(bookedOutcome.recorded());
		List<ReceivedConfirmation> unbookedValid = this.unbookedChecks.check(valid, bookedOutcome.recorded(),
				recordingId, rejections);
		for (BankConfirmation.Status status : List.of(BankConfirmation.Status.PENDING, BankConfirmation.Status.FAILED)) {
			Classified unbooked = this.classification.classify(
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
		if (!newRejections.isEmpty()) {
			Map<MessagePosition, Headers> headers = new HashMap<>();
			reads.forEach((read) -> headers.put(read.source(), read.headers()));
			newRejections.forEach((rejection) -> messages.add(DeadLetters.message(rejection,
					DeadLetters.carried(headers.getOrDefault(rejection.source(), new RecordHeaders())))));
		}
		this.outbox.appendAll(messages);
		if (!announcements.isEmpty()) {
			this.events.publishEvent(new PaymentsRecorded(announcements));
		}
		return new Outcome(recorded.stream().map(ReceivedConfirmation::confirmation).toList(), duplicates, newRejections);
	}

}

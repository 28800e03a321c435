package etax.payment.treasury;

import java.util.ArrayList;
import java.util.List;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.PaymentRecorded;
import etax.payment.confirmation.PaymentsRecorded;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Requests the treasury posting of every line of the payments (and reversals) a poll recorded, and
 * remembers each request until the treasury acks it. It listens synchronously, inside the transaction
 * that records the payments, so the requests are committed with them or not at all; the outbox sends
 * them after the commit.
 */
@Component
class TreasuryPosting {

	private final Outbox outbox;

	private final PostingRepository postings;

	TreasuryPosting(Outbox outbox, PostingRepository postings) {
		this.outbox = outbox;
		this.postings = postings;
	}

	@EventListener
	@Order(PaymentsRecorded.POSTINGS)
	void on(PaymentsRecorded recorded) {
		List<OutboxMessage> messages = new ArrayList<>();
		List<PostingRequested> requests = new ArrayList<>();
		for (PaymentRecorded payment : recorded.payments()) {
			for (PaymentRecorded.Line line : payment.lines()) {
				PostingRequested request = PostingRequested.of(payment, line);
				requests.add(request);
				messages.add(OutboxMessage.of(PostingRequested.TOPIC, payment.mst(), request));
			}
		}
		this.postings.insertAll(requests, recorded.payments().get(0).recordedAt());
		this.outbox.appendAll(messages);
	}

}

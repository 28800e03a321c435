package etax.payment.treasury;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.PaymentRecorded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Requests the treasury posting of every line of a recorded payment. It listens synchronously, inside
 * the transaction that records the payment, so the requests are committed with the payment or not at
 * all; the outbox sends them after the commit.
 */
@Component
class TreasuryPosting {

	private final Outbox outbox;

	TreasuryPosting(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(PaymentRecorded payment) {
		this.outbox.appendAll(payment.lines()
			.stream()
			.map((line) -> OutboxMessage.of(PostingRequested.TOPIC, payment.mst(), PostingRequested.of(payment, line)))
			.toList());
	}

}

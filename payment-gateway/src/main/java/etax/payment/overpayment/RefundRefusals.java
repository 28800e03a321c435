package etax.payment.overpayment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.ledger.CreditRequests;
import etax.payment.ledger.PaymentAllocated;
import etax.payment.overpayment.OverpaymentRepository.Stored;
import etax.payment.overpayment.OverpaymentRequest.Decision;
import etax.payment.treasury.PostingsRefused;
import etax.payment.treasury.RefundRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a refund the treasury refused back to the taxpayer: the ledger booked it when two officers approved it,
 * before the treasury answered, so its refusal reverses that entry in the transaction that records the ack
 * (listening synchronously), and the amount is the taxpayer's credit again, offset like any other. The refused
 * order stays listed for officers with every refused posting (ADR 0007); nothing of the request changes.
 */
@Component
class RefundRefusals {

	private static final Logger log = LoggerFactory.getLogger(RefundRefusals.class);

	private final OverpaymentRepository repository;

	private final CreditRequests credits;

	private final Outbox outbox;

	private final Clock clock;

	RefundRefusals(OverpaymentRepository repository, CreditRequests credits, Outbox outbox, Clock clock) {
		this.repository = repository;
		this.credits = credits;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Restores the credits of the refunds refused, all the taxpayers locked at once in the global order
	 * ({@link CreditRequests#restoreRefunds}).
	 */
	@EventListener
	void on(PostingsRefused refused) {
		Map<UUID, Refusal> refusals = new LinkedHashMap<>();
		refused.postings()
			.stream()
			.filter((p) -> RefundRequested.DIRECTION.equals(p.direction()))
			.forEach((p) -> this.repository.byPosting(p.postingId()).ifPresent((stored) -> {
				Decision decision = Objects.requireNonNull(stored.request().decision(),
						"an order is of an approved request");
				refusals.put(Objects.requireNonNull(decision.entryId()), new Refusal(stored, p));
			}));
		if (refusals.isEmpty()) {
			return;
		}
		// one refused here but not restored: the bank reversed the payment meanwhile, which took the refund back
		this.credits.restoreRefunds(refusals.keySet()).forEach((entry) -> announce(refusals.get(entry)));
	}

	private void announce(Refusal refusal) {
		OverpaymentRequest request = refusal.stored().request();
		PostingsRefused.Refused posting = refusal.posting();
		this.outbox.append(OutboxMessage.of(PaymentAllocated.TOPIC, request.mst(),
				new CreditRefundRefused(TimeOrderedIds.next(), CreditRefundRefused.TYPE, 1, this.clock.instant(),
						request.requestId(), request.mst(), request.creditId(), request.amount(), posting.postingId(),
						posting.reason())));
		log.info("Refund refused by the treasury, credit restored requestId={} postingId={}", request.requestId(),
				posting.postingId());
	}

	private record Refusal(Stored stored, PostingsRefused.Refused posting) {

	}

}

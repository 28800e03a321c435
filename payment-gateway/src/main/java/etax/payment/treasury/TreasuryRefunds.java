package etax.payment.treasury;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the treasury to pay a refund order ({@link RefundRequested}, {@code PostingRequested} version 3), and
 * remembers it until the treasury acks it, like any posting: an overdue or refused order is listed for officers
 * with the others; one POSTED clears the ledger's refund payable, one REFUSED is announced
 * ({@link PostingsRefused}) so that the ledger gives the money back to the taxpayer's credit.
 */
@Service
public class TreasuryRefunds {

	private final Outbox outbox;

	private final PostingRepository postings;

	private final Clock clock;

	TreasuryRefunds(Outbox outbox, PostingRepository postings, Clock clock) {
		this.outbox = outbox;
		this.postings = postings;
		this.clock = clock;
	}

	/**
	 * Requests a refund order in the caller's transaction (the one that booked the refund in the ledger), so it is
	 * committed with it or not at all; the outbox sends it after the commit.
	 * @param refund the refund, of money paid with a payment line the gateway recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(Refund refund) {
		RecodingRequested.PaidLine line = Objects.requireNonNull(
				this.postings.paidLines(Set.of(refund.paidWith())).get(refund.paidWith()),
				"every credit comes from a recorded payment line");
		RefundRequested request = RefundRequested.of(refund, line);
		this.postings.insertRefund(request, this.clock.instant());
		this.outbox.append(OutboxMessage.of(PostingRequested.TOPIC, refund.mst(), request));
	}

}

package etax.payment.ledger;

import java.time.Clock;
import java.time.LocalDate;

import etax.ids.TimeOrderedIds;
import etax.payment.treasury.PostingsPosted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Books in the ledger what the treasury acknowledged, inside the transaction that records its acks
 * ({@link PostingsPosted}): a payment posted (or its reversal), money moved between sub-items, a refund paid out.
 */
@Component
class PostingConfirmations {

	private final LedgerRepository ledger;

	private final Clock clock;

	PostingConfirmations(LedgerRepository ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@EventListener
	void on(PostingsPosted posted) {
		this.ledger.insertEntries(posted.postings().stream().map((p) -> {
			Account treasury = Account.treasury(p.treasuryCode(), p.subItem());
			Account receivable = Account.receivable(p.treasuryCode(), p.subItem());
			LocalDate day = p.ackedAt().atZone(this.clock.getZone()).toLocalDate();
			if (p.refund()) {
				// the treasury paid the refund order out: the State owes the taxpayer nothing more of it
				return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.REFUND_PAID,
						Account.refund(p.mst(), p.subItem()), treasury, p.amountVnd(), day, null, p.postingId(), null, null,
						null);
			}
			if (p.fromSubItem() != null) {
				// the treasury moved posted money from one sub-item to the other
				return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.RECODING_CONFIRMED, treasury,
						Account.treasury(p.treasuryCode(), p.fromSubItem()), p.amountVnd(), day, null, p.postingId(), null,
						null, null);
			}
			return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.POSTING_CONFIRMED,
					p.reversal() ? receivable : treasury, p.reversal() ? treasury : receivable, p.amountVnd(), day, null,
					p.postingId(), null, null, null);
		}).toList(), this.clock.instant());
	}

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import etax.ids.TimeOrderedIds;
import etax.payment.ledger.Allocation.Paid;

/**
 * Credits applied to obligations: the credits waiting for a newly booked item, and the offset of general
 * credits against the open items of their taxpayer and sub-item, so that after every step no general credit
 * and open item of the same taxpayer and sub-item are left side by side (VN-ETAX §5.7). Apart from the
 * payment lines because every other step (booking, reductions, reversals, an officer's release of a held
 * credit) ends by offsetting what it freed. A credit applied counts as paid on the day its money was paid,
 * not on the day it is applied (VN-ETAX §5.3, §5.6).
 */
final class CreditOffsets {

	private final AllocationState state;

	private final OpenItems openItems;

	CreditOffsets(AllocationState state, OpenItems openItems) {
		this.state = state;
		this.openItems = openItems;
	}

	/**
	 * Applies to a newly booked item the credits of its taxpayer waiting for it; what they have left becomes
	 * general. A credit of another taxpayer that named the item keeps waiting for an officer.
	 */
	void applyWaiting(Obligation item) {
		List<Credit> waiting = this.state.credits()
			.stream()
			.filter((c) -> item.itemId().equals(c.namedItemId()) && c.remaining().signum() > 0)
			.sorted(Comparator.comparingLong(Credit::createdSeq))
			.toList();
		for (Credit credit : waiting) {
			if (!credit.mst().equals(item.mst())) {
				// it named an item that turned out to be another taxpayer's: it keeps waiting for an officer
				continue;
			}
			if (credit.subItem().equals(item.subItem())) {
				apply(credit, this.state.item(item.itemId()));
			}
			Credit now = this.state.credit(credit.creditId());
			if (now.remaining().signum() > 0) {
				this.state.update(now.general());
				offset(now.mst(), now.subItem());
			}
		}
	}

	/** Applies general credits of a taxpayer and sub-item, oldest first, to its open items in order. */
	void offset(String mst, String subItem) {
		List<Credit> general = this.state.credits()
			.stream()
			.filter((c) -> c.mst().equals(mst) && c.subItem().equals(subItem) && c.namedItemId() == null
					&& c.remaining().signum() > 0)
			.sorted(Comparator.comparingLong(Credit::createdSeq))
			.toList();
		for (Credit credit : general) {
			for (Obligation item : this.openItems.of(mst, subItem, this.state.today())) {
				Credit now = this.state.credit(credit.creditId());
				if (now.remaining().signum() == 0) {
					break;
				}
				apply(now, item);
			}
		}
	}

	/** Applies a credit to an item, up to what the item owes, dated with the day the credit's money was paid. */
	void apply(Credit credit, Obligation item) {
		Obligation current = this.state.item(item.itemId());
		BigDecimal amount = credit.remaining().min(current.outstanding());
		if (amount.signum() > 0) {
			// the money is in the budget since its payment, whenever it is applied (VN-ETAX §5.3)
			this.state.append(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.CREDIT_APPLIED,
					credit.account(), current.account(), amount, credit.paidOn(), current.itemId(), credit.postingId(),
					credit.creditId(), credit.paymentKey(), null));
			this.state.update(current.withOutstanding(current.outstanding().subtract(amount)));
			this.state.update(credit.withRemaining(credit.remaining().subtract(amount)));
			this.state.paid(new Paid(current.itemId(), credit.paymentKey(), credit.postingId(), credit.paidOn(), amount));
		}
	}

}

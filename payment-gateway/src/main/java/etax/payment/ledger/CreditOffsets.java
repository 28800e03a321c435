package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import etax.ids.TimeOrderedIds;
import etax.payment.ledger.Allocation.Paid;

/**
 * Credits applied to obligations: the credits waiting for a newly booked item, the offset of general credits
 * against the open items of their taxpayer and sub-item after each step, and at the end of a transaction the
 * offset of general credits in the order of VN-ETAX §5.7: first the taxpayer's arrears and interest (items due,
 * of any sub-item), only then the next payable amount (the items of the credit's own sub-item not due yet). Apart
 * from the payment lines because every other step (booking, reductions, reversals, an officer's release of a held
 * credit) ends by offsetting what it freed. A credit applied counts as paid on the
 * day its money was paid, not on the day it is applied (VN-ETAX §5.3, §5.6). Money paid more than ten years
 * before the day of the transaction is offset no more (VN-ETAX §5.7, Law 38/2019 Art. 60): it stays a credit
 * on the taxpayer's account for an officer.
 */
final class CreditOffsets {

	/** How long after its payment an overpayment may still be offset (VN-ETAX §5.7). */
	static final int OFFSET_YEARS = 10;

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

	/**
	 * Applies credits to the items of the new item's sub-item that are due, in order, and to the new item, whatever
	 * else the taxpayer owes: the money a superseded provisional payment frees, which the payer sent for that tax.
	 * Not to the sub-item's other items not due yet: the rest goes on as any credit, to the taxpayer's arrears of
	 * other taxes first (§5.7); until 2026-12 it paid the sub-item's next quarters ahead of them.
	 * @param credits general credits of the taxpayer and sub-item
	 * @param booked the new item
	 */
	void applyWithinSubItem(List<Credit> credits, Obligation booked) {
		LocalDate today = this.state.today();
		for (Credit credit : credits) {
			for (Obligation item : this.openItems.of(booked.mst(), booked.subItem(), today)) {
				if (!item.dueDate().isBefore(today) && !item.itemId().equals(booked.itemId())) {
					continue;
				}
				Credit now = this.state.credit(credit.creditId());
				if (now.remaining().signum() == 0) {
					break;
				}
				apply(now, item);
			}
		}
	}

	/**
	 * Applies general credits of a taxpayer and sub-item, oldest first, to its open items in order, within the
	 * sub-item (a step of the transaction; moves across sub-items wait for its end, {@link #offsetAcross}). Items
	 * not due yet take them only when the taxpayer has nothing due of another sub-item: §5.7 gives an overpayment
	 * to arrears and interest first, so they wait for the end of the transaction too.
	 */
	void offset(String mst, String subItem) {
		List<Credit> general = generalCredits(mst).filter((c) -> c.subItem().equals(subItem)).toList();
		if (general.isEmpty()) {
			return;
		}
		LocalDate today = this.state.today();
		boolean othersDue = this.openItems.anyDueOutside(mst, subItem, today);
		for (Credit credit : general) {
			for (Obligation item : this.openItems.of(mst, subItem, today)) {
				if (othersDue && !item.dueDate().isBefore(today)) {
					continue;
				}
				Credit now = this.state.credit(credit.creditId());
				if (now.remaining().signum() == 0) {
					break;
				}
				apply(now, item);
			}
		}
	}

	/**
	 * Applies a taxpayer's general credits, oldest first, as VN-ETAX §5.7 orders an overpayment: first to the
	 * taxpayer's arrears and interest, the items of any sub-item due on the day of the transaction, in the
	 * allocation order in force across sub-items; only then to the next payable amount, the open items of the
	 * credit's own sub-item not due yet. Items of other sub-items not due yet are left to the credits of their own
	 * sub-item, taken when they fall due. Credits that name an item (waiting for it, or held for an officer) are
	 * never offset; nor is another taxpayer's item. An application from one sub-item to another moves money
	 * between budget sub-items, which the treasury is asked to re-code (ADR 0006, 0007).
	 */
	void offsetAcross(String mst) {
		List<Credit> general = generalCredits(mst).toList();
		LocalDate today = this.state.today();
		for (Credit credit : general) {
			applyInOrder(credit, this.openItems.dueOf(mst, today));
		}
		for (Credit credit : general) {
			applyInOrder(credit, this.openItems.of(mst, credit.subItem(), today));
		}
	}

	private void applyInOrder(Credit credit, List<Obligation> items) {
		for (Obligation item : items) {
			Credit now = this.state.credit(credit.creditId());
			if (now.remaining().signum() == 0) {
				return;
			}
			apply(now, item);
		}
	}

	/** The taxpayers with a general credit left, in the order of their oldest one. */
	List<String> withGeneralCredit() {
		return this.state.credits()
			.stream()
			.filter((c) -> c.namedItemId() == null && c.remaining().signum() > 0)
			.sorted(Comparator.comparingLong(Credit::createdSeq))
			.map(Credit::mst)
			.distinct()
			.toList();
	}

	private Stream<Credit> generalCredits(String mst) {
		LocalDate oldest = this.state.today().minusYears(OFFSET_YEARS);
		return this.state.credits()
			.stream()
			.filter((c) -> c.mst().equals(mst) && c.namedItemId() == null && c.remaining().signum() > 0
					&& !c.paidOn().isBefore(oldest))
			.sorted(Comparator.comparingLong(Credit::createdSeq));
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

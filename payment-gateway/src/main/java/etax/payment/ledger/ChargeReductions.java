package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.payment.ledger.Allocation.Paid;
import org.jspecify.annotations.Nullable;

/**
 * What a reduction takes off the taxpayer's charges (ADR 0006, "Reductions"): a supplement's decrease off
 * what was charged for its sub-item and period (tax items only, newest first), or interest taken back off the
 * interest booked on its payable item (the latest day first). First off what they still owe; then off what is
 * paid, which moves to the taxpayer's credit, dated with the day it was paid (the latest payments first), and
 * is offset like any overpayment. Apart from reversals: a reduction takes part of a booking off, possibly more
 * than once, where a reversal takes one entry back whole.
 */
final class ChargeReductions {

	private final AllocationState state;

	private final CreditOffsets offsets;

	ChargeReductions(AllocationState state, CreditOffsets offsets) {
		this.state = state;
		this.offsets = offsets;
	}

	/**
	 * Takes a reduction off what it applies to, then offsets what it moved to credit against the open items
	 * of the sub-item, now or when the next one is booked.
	 * @param reduction the decrease
	 * @return false, with nothing changed, when less was charged than the decrease
	 */
	boolean reduce(Reduction reduction) {
		List<Obligation> charged = reduction.ofInterest() ? interestOn(reduction) : taxCharged(reduction);
		BigDecimal reducible = BigDecimal.ZERO;
		for (Obligation item : charged) {
			reducible = reducible.add(item.outstanding()).add(releasable(item));
		}
		if (reducible.compareTo(reduction.amount()) < 0) {
			return false;
		}
		BigDecimal left = reduction.amount();
		Map<Released, UUID> credited = new HashMap<>();
		for (Obligation item : charged) {
			BigDecimal off = left.min(item.outstanding());
			if (off.signum() > 0) {
				reduceItem(reduction.itemId(), item, off, off);
				left = left.subtract(off);
			}
		}
		for (Obligation item : charged) {
			Obligation now = this.state.item(item.itemId());
			BigDecimal off = left.min(releasable(now));
			if (off.signum() > 0) {
				reduceItem(reduction.itemId(), now, off, BigDecimal.ZERO);
				release(reduction.itemId(), now, off, credited);
				left = left.subtract(off);
			}
		}
		charged.stream()
			.map(Obligation::subItem)
			.distinct()
			.forEach((subItem) -> this.offsets.offset(reduction.mst(), subItem));
		return true;
	}

	/**
	 * Takes provisional obligations off whole, as the item that supersedes them is booked
	 * ({@link ProvisionalPayments}): what they still owe is no longer owed, what was paid on them moves to the
	 * taxpayer's credit, dated with the day it was paid, for the new item to take.
	 * @param provisional the provisional obligations of the item's taxpayer, sub-item and period, with what is paid
	 * on them loaded
	 * @param itemId the item that supersedes them
	 */
	void supersede(List<Obligation> provisional, String itemId) {
		Map<Released, UUID> credited = new HashMap<>();
		for (Obligation item : provisional) {
			Obligation now = this.state.item(item.itemId());
			if (now.outstanding().signum() > 0) {
				reduceItem(itemId, now, now.outstanding(), now.outstanding());
				now = this.state.item(item.itemId());
			}
			BigDecimal paid = releasable(now);
			if (paid.signum() > 0) {
				reduceItem(itemId, now, paid, BigDecimal.ZERO);
				release(itemId, now, paid, credited);
			}
		}
	}

	/**
	 * Takes what an item owes off it: a provisional payment's obligation whose payment was taken back, as the
	 * payment declared it ({@link ProvisionalPayments}).
	 * @param item the item, loaded
	 * @param amount at most what it owes
	 */
	void takeOff(Obligation item, BigDecimal amount) {
		reduceItem(null, item, amount, amount);
	}

	private List<Obligation> taxCharged(Reduction reduction) {
		return this.state.itemsOf(reduction.mst(), reduction.subItem())
			.stream()
			.filter((i) -> i.kind() == Obligation.Kind.TAX && i.taxPeriod().equals(reduction.taxPeriod())
					&& i.inForce().signum() > 0)
			.sorted(Comparator.comparingLong(this.state::bookingOrder).reversed())
			.toList();
	}

	/** The taxpayer's interest obligations on the correction's payable item that still charge something. */
	private List<Obligation> interestOn(Reduction correction) {
		return this.state.interestOn(Objects.requireNonNull(correction.baseItemId()))
			.stream()
			.filter((i) -> i.mst().equals(correction.mst()) && i.inForce().signum() > 0)
			.sorted(Comparator.comparing((Obligation i) -> Objects.requireNonNull(i.assessedFor()))
				.thenComparingLong(this.state::bookingOrder)
				.reversed())
			.toList();
	}

	/** What is paid on an item and may move to credit: what its paid parts hold, at most what it paid. */
	private BigDecimal releasable(Obligation item) {
		BigDecimal parts = this.state.paidOn(item.itemId())
			.stream()
			.map(Paid::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return parts.min(item.inForce().subtract(item.outstanding()));
	}

	private void reduceItem(@Nullable String reducedBy, Obligation item, BigDecimal amount, BigDecimal offOutstanding) {
		this.state.append(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.OBLIGATION_REDUCED,
				Account.revenue(item.subItem()), item.account(), amount, this.state.today(), item.itemId(), null, null,
				null, null, reducedBy));
		this.state.update(item.reducedBy(amount, offOutstanding));
	}

	/**
	 * Moves what is paid on an item, the latest payments first, to credits of the taxpayer: one per payment line,
	 * day and sub-item of a reduction, whatever number of its items that line paid (interest taken back off a year
	 * of daily interest paid by one line is one credit, not 365 the taxpayer would have to ask back one by one).
	 * @param credited the credits this reduction created so far, grown by what it moves of the same line and day
	 */
	private void release(String reducedBy, Obligation item, BigDecimal amount, Map<Released, UUID> credited) {
		List<Paid> parts = this.state.paidOn(item.itemId())
			.stream()
			.sorted(Comparator.comparing(Paid::paidOn).reversed())
			.toList();
		BigDecimal left = amount;
		for (Paid part : parts) {
			BigDecimal moved = left.min(part.amount());
			if (moved.signum() <= 0) {
				continue;
			}
			Released released = new Released(item.mst(), item.subItem(), part.postingId(), part.paymentKey(),
					part.paidOn());
			@Nullable UUID same = credited.get(released);
			Credit credit = (same != null) ? this.state.credit(same).grownBy(moved)
					: new Credit(TimeOrderedIds.next(), item.mst(), item.subItem(), null, part.postingId(),
							part.paymentKey(), moved, moved, part.paidOn(), this.state.nextCreditSeq());
			// new in this transaction either way: stored once, as it stands at the end
			this.state.create(credit);
			credited.put(released, credit.creditId());
			this.state.append(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.OVERPAYMENT_CREDITED,
					item.account(), credit.account(), moved, part.paidOn(), item.itemId(), part.postingId(),
					credit.creditId(), part.paymentKey(), null, reducedBy));
			this.state.replacePaid(part, part.less(moved));
			left = left.subtract(moved);
			if (left.signum() == 0) {
				return;
			}
		}
		throw new IllegalStateException("What is paid on an item is less than its paid amount");
	}

	/** What makes released money one credit: its taxpayer, sub-item, payment line and day paid. */
	private record Released(String mst, String subItem, UUID postingId, String paymentKey, LocalDate paidOn) {

	}

}

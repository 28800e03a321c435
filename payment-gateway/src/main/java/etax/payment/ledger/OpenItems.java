package etax.payment.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import etax.payment.reference.ReferenceData.ItemClass;

/**
 * A taxpayer's open items in the order money goes to them on a day: the allocation order in force on that day
 * (table {@code allocation_order}: class ranks such as arrears before interest before current tax), then the
 * oldest due date, then booking order ({@link AllocationState#bookingOrder}: items stored before this transaction by
 * their sequence, then those it booked, in the order it booked them; an item's own sequence is 0 until it is stored,
 * which would put this transaction's items before older ones). Both what a payment line does not name and every
 * offset of a credit follow it, within a sub-item and across sub-items, so it is kept in one place (VN-ETAX §5.7,
 * ADR 0006).
 */
final class OpenItems {

	private final AllocationState state;

	private final Function<LocalDate, Map<ItemClass, Integer>> order;

	OpenItems(AllocationState state, Function<LocalDate, Map<ItemClass, Integer>> order) {
		this.state = state;
		this.order = order;
	}

	/** The items of a taxpayer and sub-item that still owe something, in the order in force on the day. */
	List<Obligation> of(String mst, String subItem, LocalDate day) {
		return this.state.itemsOf(mst, subItem)
			.stream()
			.filter((i) -> i.outstanding().signum() > 0)
			.sorted(inOrder(day))
			.toList();
	}

	/**
	 * The items of a taxpayer, of every sub-item, that are due on the day (their due date has passed: arrears
	 * and interest) and still owe something, in the order in force on the day. Items not yet due are left out:
	 * they wait for the next payable amount of their own sub-item.
	 */
	List<Obligation> dueOf(String mst, LocalDate day) {
		return this.state.itemsOf(mst)
			.stream()
			.filter((i) -> due(i, day))
			.sorted(inOrder(day))
			.toList();
	}

	/** Whether the taxpayer has an item of another sub-item due on the day that still owes something. */
	boolean anyDueOutside(String mst, String subItem, LocalDate day) {
		return this.state.itemsOf(mst)
			.stream()
			.anyMatch((i) -> !i.subItem().equals(subItem) && due(i, day));
	}

	private static boolean due(Obligation item, LocalDate day) {
		return item.outstanding().signum() > 0 && item.dueDate().isBefore(day);
	}

	private Comparator<Obligation> inOrder(LocalDate day) {
		Map<ItemClass, Integer> ranks = this.order.apply(day);
		return Comparator.comparingInt((Obligation i) -> ranks.get(i.itemClass(day)))
			.thenComparing(Obligation::dueDate)
			.thenComparingLong(this.state::bookingOrder)
			.thenComparing(Obligation::itemId);
	}

}

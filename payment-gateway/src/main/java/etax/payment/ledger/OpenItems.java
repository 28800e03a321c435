package etax.payment.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import etax.payment.reference.ReferenceData.ItemClass;

/**
 * A taxpayer's open items of a sub-item in the order money goes to them on a day: the allocation order in
 * force on that day (table {@code allocation_order}: class ranks such as arrears before interest before
 * current tax), then the oldest due date, then booking order. Both what a payment line does not name and
 * every offset of a credit follow it, so it is kept in one place (VN-ETAX §5.7, ADR 0006).
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
		Map<ItemClass, Integer> ranks = this.order.apply(day);
		return this.state.itemsOf(mst, subItem)
			.stream()
			.filter((i) -> i.outstanding().signum() > 0)
			.sorted(Comparator.comparingInt((Obligation i) -> ranks.get(i.itemClass(day)))
				.thenComparing(Obligation::dueDate)
				.thenComparingLong(Obligation::bookingSeq)
				.thenComparing(Obligation::itemId))
			.toList();
	}

}

package etax.payment.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import etax.payment.reference.ReferenceData;

import org.springframework.stereotype.Component;

/**
 * Allocates what {@link ObligationBooking} books: new obligations take the credits waiting for them, reductions and
 * superseded provisional payments free money for the taxpayers' other items.
 */
@Component
class BookingAllocations {

	private final ObligationRepository obligationRepository;

	private final CreditRepository creditRepository;

	private final ReductionRepository reductionRepository;

	private final LedgerRepository ledger;

	private final Allocations allocations;

	private final ReferenceData reference;

	private final Clock clock;

	BookingAllocations(ObligationRepository obligationRepository, CreditRepository creditRepository,
			ReductionRepository reductionRepository, LedgerRepository ledger, Allocations allocations,
			ReferenceData reference, Clock clock) {
		this.obligationRepository = obligationRepository;
		this.creditRepository = creditRepository;
		this.reductionRepository = reductionRepository;
		this.ledger = ledger;
		this.allocations = allocations;
		this.reference = reference;
		this.clock = clock;
	}

	/**
	 * Books new obligations and reductions (already de-duplicated), in their order, and allocates the credits
	 * waiting for the obligations and what the reductions free. Runs in the caller's transaction.
	 * @return the reductions refused because they exceed what was charged for their sub-item and period (for
	 * interest taken back: the interest booked on its payable item); they change nothing
	 */
	List<Reduction> book(List<Booking> bookings) {
		if (bookings.isEmpty()) {
			return List.of();
		}
		List<Credit> credits = this.creditRepository.credits(
				bookings.stream().map(Booking::mst).collect(Collectors.toSet()), Set.of());
		List<Reduction> reductions = bookings.stream()
			.filter(Reduction.class::isInstance)
			.map(Reduction.class::cast)
			.toList();
		// the items whose paid parts may move to credit, loaded with them: what a reduction takes off (of a tax
		// item, every item of its charge; of interest, the interest booked on its payable item, whatever is still
		// owed of it), and the provisional payments' obligations an item of their quarter supersedes
		Map<String, Obligation> releasable = new LinkedHashMap<>();
		this.allocations.charged(bookings.stream()
			.filter(Obligation.class::isInstance)
			.map(Obligation.class::cast)
			.filter((o) -> o.kind() == Obligation.Kind.TAX && ProvisionalPayments.covers(o.subItem(), o.taxPeriod()))
			.map((o) -> Allocation.chargeKey(o.mst(), o.subItem(), o.taxPeriod()))
			.collect(Collectors.toSet()))
			.stream()
			.filter(ProvisionalPayments::isProvisional)
			.forEach((o) -> releasable.put(o.itemId(), o));
		this.allocations.charged(reductions.stream()
			.filter((r) -> !r.ofInterest())
			.map(Reduction::chargeKey)
			.collect(Collectors.toSet())).forEach((o) -> releasable.put(o.itemId(), o));
		this.obligationRepository.interestOn(reductions.stream()
			.filter(Reduction::ofInterest)
			.map((r) -> Objects.requireNonNull(r.baseItemId()))
			.collect(Collectors.toSet())).forEach((o) -> releasable.put(o.itemId(), o));
		// only money can move what is booked already: a credit, or what a reduction or a superseded provisional
		// payment frees. Those taxpayers' open items are all loaded, so that it goes to them in the allocation
		// order (arrears of the sub-item before the new item, due items of other sub-items); the open items of the
		// others stay unread
		Set<String> withMoney = credits.stream().map(Credit::mst).collect(Collectors.toCollection(LinkedHashSet::new));
		reductions.forEach((r) -> withMoney.add(r.mst()));
		releasable.values().forEach((o) -> withMoney.add(o.mst()));
		List<Obligation> items = new ArrayList<>(this.obligationRepository.obligations(withMoney, Set.of()));
		items.addAll(releasable.values());
		Allocation allocation = new Allocation(items, credits, this.ledger.paid(List.copyOf(releasable.keySet())),
				this.reference::allocationOrder, LocalDate.now(this.clock));
		List<Reduction> refused = new ArrayList<>();
		List<Reduction> reduced = new ArrayList<>();
		for (Booking booking : bookings) {
			if (booking instanceof Obligation obligation) {
				allocation.book(obligation);
			}
			else if (booking instanceof Reduction reduction) {
				(allocation.reduce(reduction) ? reduced : refused).add(reduction);
			}
		}
		this.allocations.store(allocation);
		this.reductionRepository.insertReductions(reduced, this.clock.instant());
		return refused;
	}

}

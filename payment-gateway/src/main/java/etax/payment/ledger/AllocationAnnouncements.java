package etax.payment.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import etax.ids.TimeOrderedIds;
import etax.outbox.OutboxMessage;

/**
 * What an allocation changed for each taxpayer, as one {@link PaymentAllocated} per taxpayer for the outbox: the
 * items paid, reversed or reduced, and the money credited.
 */
final class AllocationAnnouncements {

	private AllocationAnnouncements() {
	}

	/**
	 * @param allocation an allocation ended
	 * @param now when it is stored
	 * @return the messages, one per taxpayer it changed something of
	 */
	static List<OutboxMessage> of(Allocation allocation, Instant now) {
		Map<String, List<PaymentAllocated.Allocated>> allocated = new LinkedHashMap<>();
		Map<String, List<PaymentAllocated.Credited>> credited = new LinkedHashMap<>();
		for (LedgerEntry entry : allocation.entries()) {
			switch (entry.type()) {
				case PAYMENT_APPLIED, CREDIT_APPLIED, CREDIT_OFFSET -> applied(allocation, entry, "APPLIED", allocated);
				case REVERSAL -> {
					if (entry.debit().kind() == Account.Kind.TAXPAYER_OBLIGATION) {
						applied(allocation, entry, "REVERSED", allocated);
					}
				}
				case OBLIGATION_REDUCED -> applied(allocation, entry, "REDUCED", allocated);
				case PAYMENT_CREDITED -> credited.computeIfAbsent(Objects.requireNonNull(entry.credit().mst()),
						(k) -> new ArrayList<>())
					.add(new PaymentAllocated.Credited(Objects.requireNonNull(entry.postingId()), entry.amount(),
							entry.itemId()));
				case OVERPAYMENT_CREDITED -> credited.computeIfAbsent(Objects.requireNonNull(entry.credit().mst()),
						(k) -> new ArrayList<>())
					.add(new PaymentAllocated.Credited(Objects.requireNonNull(entry.postingId()), entry.amount(), null));
				default -> {
				}
			}
		}
		Set<String> msts = new LinkedHashSet<>(allocated.keySet());
		msts.addAll(credited.keySet());
		return msts.stream()
			.map((mst) -> OutboxMessage.of(PaymentAllocated.TOPIC, mst,
					new PaymentAllocated(TimeOrderedIds.next(), PaymentAllocated.TYPE, 1, mst, now,
							allocated.getOrDefault(mst, List.of()), credited.getOrDefault(mst, List.of()))))
			.toList();
	}

	private static void applied(Allocation allocation, LedgerEntry entry, String kind,
			Map<String, List<PaymentAllocated.Allocated>> allocated) {
		Obligation item = Objects.requireNonNull(allocation.item(Objects.requireNonNull(entry.itemId())));
		allocated.computeIfAbsent(item.mst(), (k) -> new ArrayList<>())
			.add(new PaymentAllocated.Allocated(item.itemId(), kind, entry.amount(), entry.postingId(),
					item.outstanding(), item.outstanding().signum() == 0));
	}

}

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
 * What an allocation changed for each taxpayer, as {@link PaymentAllocated} messages for the outbox: the items paid,
 * reversed or reduced, and the money credited. A taxpayer's entries go in one message, or in several of at most
 * {@value #MAX_ENTRIES} entries each, in order, under its key: a payment that settles years of daily interest
 * obligations would otherwise be one message larger than the broker takes, stored and never published.
 */
final class AllocationAnnouncements {

	/** The most entries of one message: about 250 bytes each as JSON, well within the broker's 1 MiB. */
	static final int MAX_ENTRIES = 2_000;

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
		List<OutboxMessage> messages = new ArrayList<>();
		for (String mst : msts) {
			for (PaymentAllocated message : parts(mst, now, allocated.getOrDefault(mst, List.of()),
					credited.getOrDefault(mst, List.of()), MAX_ENTRIES)) {
				messages.add(OutboxMessage.of(PaymentAllocated.TOPIC, mst, message));
			}
		}
		return messages;
	}

	/** One taxpayer's entries, the items first, in messages of at most {@code maxEntries} entries each. */
	static List<PaymentAllocated> parts(String mst, Instant now, List<PaymentAllocated.Allocated> allocated,
			List<PaymentAllocated.Credited> credited, int maxEntries) {
		int total = allocated.size() + credited.size();
		List<PaymentAllocated> parts = new ArrayList<>();
		for (int from = 0; from < total; from += maxEntries) {
			int to = Math.min(from + maxEntries, total);
			parts.add(new PaymentAllocated(TimeOrderedIds.next(), PaymentAllocated.TYPE, 1, mst, now,
					List.copyOf(allocated.subList(Math.min(from, allocated.size()), Math.min(to, allocated.size()))),
					List.copyOf(credited.subList(Math.max(from - allocated.size(), 0), Math.max(to - allocated.size(), 0)))));
		}
		return parts;
	}

	private static void applied(Allocation allocation, LedgerEntry entry, String kind,
			Map<String, List<PaymentAllocated.Allocated>> allocated) {
		Obligation item = Objects.requireNonNull(allocation.item(Objects.requireNonNull(entry.itemId())));
		allocated.computeIfAbsent(item.mst(), (k) -> new ArrayList<>())
			.add(new PaymentAllocated.Allocated(item.itemId(), kind, entry.amount(), entry.postingId(),
					item.outstanding(), item.outstanding().signum() == 0));
	}

}

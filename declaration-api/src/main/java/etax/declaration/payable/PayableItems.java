package etax.declaration.payable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.declaration.calendar.Deadlines;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Creates the payable items of an accepted return from its form's catalog mapping (indicator to budget
 * sub-item) and announces them, with the year's tax of a finalization ({@link AnnualTaxFinalized}), in the
 * caller's transaction; reads them back.
 */
@Service
public class PayableItems {

	private final PayableItemRepository items;

	private final Outbox outbox;

	private final Deadlines deadlines;

	private final ProvisionalCitProperties provisionalCit;

	PayableItems(PayableItemRepository items, Outbox outbox, Deadlines deadlines,
			ProvisionalCitProperties provisionalCit) {
		this.items = items;
		this.outbox = outbox;
		this.deadlines = deadlines;
		this.provisionalCit = provisionalCit;
	}

	/**
	 * Creates one item per payable indicator with a positive amount; for a supplement, one per payable
	 * indicator that changed, for the difference (negative when it decreased), and one for the refund its summary
	 * pays back, due the day before the refund was received ({@link RefundClawbacks}). Announces each item and, for
	 * a finalization of a calendar year, the year's tax ({@link AnnualTaxFinalized}). Must run in the transaction
	 * that stores the accepted returns; their items are inserted in one statement.
	 * @param accepted the accepted returns
	 * @return the items created for each return, by return id; none for a return that has none
	 */
	public Map<UUID, List<PayableItem>> createFor(List<AcceptedReturn> accepted) {
		Map<UUID, List<PayableItem>> created = new HashMap<>();
		List<PayableItemRepository.NewItem> rows = new ArrayList<>();
		for (AcceptedReturn acceptedReturn : accepted) {
			List<PayableItem> items = itemsOf(acceptedReturn);
			for (PayableItem item : items) {
				rows.add(new PayableItemRepository.NewItem(acceptedReturn.returnId(), acceptedReturn.mst(), item,
						acceptedReturn.acceptedAt()));
				this.outbox.append(OutboxMessage.of(PayableItemCreated.TOPIC, acceptedReturn.mst(),
						PayableItemCreated.of(item, acceptedReturn)));
			}
			for (AnnualTaxFinalized annualTax : AnnualTaxFinalized.of(acceptedReturn, this.provisionalCit,
					this.deadlines::deadlineOn)) {
				this.outbox.append(OutboxMessage.of(AnnualTaxFinalized.TOPIC, acceptedReturn.mst(), annualTax));
			}
			created.put(acceptedReturn.returnId(), items);
		}
		this.items.insert(rows);
		return created;
	}

	private List<PayableItem> itemsOf(AcceptedReturn accepted) {
		List<PayableItem> items = new ArrayList<>();
		boolean supplement = !accepted.previousIndicators().isEmpty();
		LocalDate dueDate = (accepted.extendedDeadline() != null) ? accepted.extendedDeadline()
				: this.deadlines.deadlineOf(accepted.period(), accepted.deadlineRule());
		for (Map.Entry<String, String> payable : new TreeMap<>(accepted.payableIndicators()).entrySet()) {
			long amount = charged(payable.getKey(), accepted.forgivenIndicators(), accepted.indicators(),
					accepted.previousIndicators());
			if (amount > 0 || (supplement && amount != 0)) {
				items.add(new PayableItem(TimeOrderedIds.next(), accepted.chapter(), payable.getValue(),
						payable.getKey(), VoucherPeriods.of(accepted.period()), amount, dueDate, reference(accepted, items)));
			}
		}
		RefundClawbacks.itemOf(accepted, reference(accepted, items)).ifPresent(items::add);
		return items;
	}

	private static String reference(AcceptedReturn accepted, List<PayableItem> items) {
		return accepted.transactionCode() + "-" + String.format("%02d", items.size() + 1);
	}

	/**
	 * What a return changes in the tax owed on one indicator its form declares payable: what the indicator leaves
	 * owed (its amount less the part of it the law forgives, {@code FormVersion#forgivenIndicators}) less what the
	 * return in force it supersedes left owed (nothing for an original). A supplement's payable items are the
	 * differences that are not zero; their sum is what it adds to the tax payable, negative when it reduces it.
	 * @param indicator a payable indicator ({@code FormVersion#payableIndicators})
	 * @param forgiven the form's payable indicators mapped to the indicator of their forgiven part
	 * @param indicators the return's indicator values by name
	 * @param previous the indicator values of the return in force it supersedes; empty for an original
	 * @return the difference
	 */
	public static long difference(String indicator, Map<String, String> forgiven, Map<String, String> indicators,
			Map<String, String> previous) {
		return owed(indicator, forgiven, indicators) - owed(indicator, forgiven, previous);
	}

	/**
	 * What a return charges on one payable indicator: what it leaves owed less what the return in force it supersedes
	 * left owed, each at least zero. An indicator below zero is an overpayment (03/TNDN's [I1] when the year's
	 * provisional payments exceed its tax), which charges nothing, as an original's does not; a supplement that
	 * raises the year's tax from an overpayment of 100 million to 20 million owed charges the 20 million, not 120.
	 * {@link #difference} keeps the sign, for what a supplement changes of the tax declared.
	 * @return the amount, negative when the supplement lowers what was owed
	 */
	static long charged(String indicator, Map<String, String> forgiven, Map<String, String> indicators,
			Map<String, String> previous) {
		return Math.max(owed(indicator, forgiven, indicators), 0) - Math.max(owed(indicator, forgiven, previous), 0);
	}

	private static long owed(String indicator, Map<String, String> forgiven, Map<String, String> indicators) {
		String part = forgiven.get(indicator);
		return amount(indicators.get(indicator)) - ((part != null) ? amount(indicators.get(part)) : 0);
	}

	/**
	 * Records what payments did to payable items of returns filed here (items of others, e.g. interest,
	 * are not here and are left out), in the caller's transaction.
	 * @param payments in the order the gateway allocated them
	 * @return the returns whose items all came to owe nothing, or no longer do
	 */
	public List<ReturnSettlement> recordPayments(List<ItemPayment> payments) {
		if (payments.isEmpty()) {
			return List.of();
		}
		Map<UUID, ItemPayment> last = new HashMap<>();
		payments.forEach((payment) -> last.put(payment.payableItemId(), payment));
		Map<UUID, List<PayableItemRepository.OwedItem>> byReturn = this.items.itemsOfReturnsOf(last.keySet())
			.stream()
			.collect(Collectors.groupingBy(PayableItemRepository.OwedItem::returnId, LinkedHashMap::new,
					Collectors.toList()));
		this.items.paid(payments);
		List<ReturnSettlement> changed = new ArrayList<>();
		byReturn.forEach((returnId, items) -> {
			boolean settledBefore = items.stream().allMatch((item) -> item.owed() <= 0);
			boolean settledAfter = items.stream().allMatch((item) -> owedAfter(item, last) <= 0);
			if (settledAfter != settledBefore) {
				Instant at = items.stream()
					.map((item) -> last.get(item.itemId()))
					.filter(Objects::nonNull)
					.map(ItemPayment::at)
					.max(Instant::compareTo)
					.orElseThrow();
				changed.add(new ReturnSettlement(returnId, settledAfter, at));
			}
		});
		return changed;
	}

	/** What an item owes once the last of the payments to it is recorded. */
	private static long owedAfter(PayableItemRepository.OwedItem item, Map<UUID, ItemPayment> last) {
		ItemPayment payment = last.get(item.itemId());
		return (payment != null) ? payment.outstandingAfter() : item.owed();
	}

	/**
	 * The items of many returns at once, for a page of returns: one query, not one per return.
	 * @param returnIds the returns
	 * @return each return's items in payment-reference order; a return without items is absent
	 */
	public Map<UUID, List<PayableItem>> ofReturns(Collection<UUID> returnIds) {
		return this.items.findByReturns(returnIds);
	}

	public List<PayableItem> ofReturn(UUID returnId) {
		return this.items.findByReturn(returnId);
	}

	/** An indicator's value as a whole amount; 0 when it is absent or blank. */
	static long amount(@Nullable String value) {
		return (value == null || value.isBlank()) ? 0 : Long.parseLong(value.trim());
	}

}

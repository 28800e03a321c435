package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import etax.payment.ledger.Allocation.Paid;
import org.jspecify.annotations.Nullable;

/**
 * What one transaction's allocation holds and changes, apart from the rules that change it: the obligations
 * and credits loaded under the taxpayers' locks, what is paid on the items, the entries appended, and which
 * obligations and credits are new or changed, so that the caller stores only those. Every step of the
 * allocation reads and writes through here, so the steps stay small and agree on one state.
 */
final class AllocationState {

	private final Map<String, Obligation> items = new LinkedHashMap<>();

	/** Item ids by taxpayer and sub-item, the key allocation looks them up by. */
	private final Map<String, List<String>> byTaxpayer = new HashMap<>();

	/** Item ids by taxpayer, of every sub-item, the key an offset across sub-items looks them up by. */
	private final Map<String, List<String>> byMst = new HashMap<>();

	/** Interest obligation ids by the payable item they accrued on, the key interest taken back finds them by. */
	private final Map<String, List<String>> byBaseItem = new HashMap<>();

	private final Map<UUID, Credit> credits = new LinkedHashMap<>();

	private final LocalDate today;

	private final List<LedgerEntry> entries = new ArrayList<>();

	private final Set<String> changedItems = new LinkedHashSet<>();

	private final Set<UUID> changedCredits = new LinkedHashSet<>();

	private final Set<UUID> newCredits = new LinkedHashSet<>();

	private final List<Obligation> newItems = new ArrayList<>();

	/** Where each new item was first booked in {@link #newItems}: looked up in every comparison of the order. */
	private final Map<String, Integer> newItemOrder = new HashMap<>();

	/** What was paid on items and is still applied, by item: read by reductions, for the items loaded. */
	private final Map<String, List<Paid>> paid = new HashMap<>();

	AllocationState(List<Obligation> items, List<Credit> credits, List<Paid> paid, LocalDate today) {
		items.forEach(this::add);
		credits.forEach((credit) -> this.credits.put(credit.creditId(), credit));
		paid.forEach(this::paid);
		this.today = today;
	}

	/** The day of the transaction: the value date of what is booked today. */
	LocalDate today() {
		return this.today;
	}

	/** A loaded item, or null if none of that id is. */
	@Nullable
	Obligation find(String itemId) {
		return this.items.get(itemId);
	}

	/** An item the caller knows is loaded. */
	Obligation item(String itemId) {
		return this.items.get(itemId);
	}

	/** The loaded items of a taxpayer and sub-item, in the order they were loaded or booked. */
	List<Obligation> itemsOf(String mst, String subItem) {
		return this.byTaxpayer.getOrDefault(mst + '\u001F' + subItem, List.of()).stream().map(this.items::get).toList();
	}

	/** The loaded items of a taxpayer, of every sub-item, in the order they were loaded or booked. */
	List<Obligation> itemsOf(String mst) {
		return this.byMst.getOrDefault(mst, List.of()).stream().map(this.items::get).toList();
	}

	/** The loaded interest obligations that accrued on a payable item. */
	List<Obligation> interestOn(String baseItemId) {
		return this.byBaseItem.getOrDefault(baseItemId, List.of()).stream().map(this.items::get).toList();
	}

	/** A credit the caller knows is loaded. */
	Credit credit(UUID creditId) {
		return this.credits.get(creditId);
	}

	Collection<Credit> credits() {
		return this.credits.values();
	}

	/** Books an obligation new in this transaction. */
	void book(Obligation item) {
		add(item);
		this.newItemOrder.putIfAbsent(item.itemId(), this.newItems.size());
		this.newItems.add(item);
	}

	/** Adds a credit new in this transaction. */
	void create(Credit credit) {
		this.credits.put(credit.creditId(), credit);
		this.newCredits.add(credit.creditId());
	}

	void update(Obligation item) {
		this.items.put(item.itemId(), item);
		this.changedItems.add(item.itemId());
	}

	void update(Credit credit) {
		this.credits.put(credit.creditId(), credit);
		this.changedCredits.add(credit.creditId());
	}

	void append(LedgerEntry entry) {
		this.entries.add(entry);
	}

	/** Records a part paid on an item, which a reduction may move back to credit. */
	void paid(Paid part) {
		this.paid.computeIfAbsent(part.itemId(), (k) -> new ArrayList<>()).add(part);
	}

	/** What is paid on an item and still applied, as parts of payment lines; the list a reduction updates. */
	List<Paid> paidOn(String itemId) {
		return this.paid.getOrDefault(itemId, List.of());
	}

	/** Replaces a paid part of an item with what is left of it. */
	void replacePaid(Paid part, Paid left) {
		List<Paid> parts = this.paid.get(part.itemId());
		parts.set(parts.indexOf(part), left);
	}

	/** Booking order: stored items by their sequence, then this transaction's in the order booked. */
	long bookingOrder(Obligation item) {
		Integer fresh = this.newItemOrder.get(item.itemId());
		return (fresh != null) ? Long.MAX_VALUE / 2 + fresh : item.bookingSeq();
	}

	/** The creation order of the next new credit: after every stored one. */
	long nextCreditSeq() {
		return Long.MAX_VALUE - 1_000_000 + this.newCredits.size();
	}

	private void add(Obligation item) {
		if (this.items.put(item.itemId(), item) == null) {
			this.byTaxpayer.computeIfAbsent(item.mst() + '\u001F' + item.subItem(), (k) -> new ArrayList<>())
				.add(item.itemId());
			this.byMst.computeIfAbsent(item.mst(), (k) -> new ArrayList<>()).add(item.itemId());
			if (item.baseItemId() != null) {
				this.byBaseItem.computeIfAbsent(item.baseItemId(), (k) -> new ArrayList<>()).add(item.itemId());
			}
		}
	}

	List<LedgerEntry> entries() {
		return this.entries;
	}

	List<Obligation> newItems() {
		return this.newItems.stream().map((item) -> this.items.get(item.itemId())).toList();
	}

	/** Obligations stored before this transaction whose outstanding changed. */
	List<Obligation> changedItems() {
		Set<String> fresh = new LinkedHashSet<>();
		this.newItems.forEach((item) -> fresh.add(item.itemId()));
		return this.changedItems.stream().filter((id) -> !fresh.contains(id)).map(this.items::get).toList();
	}

	List<Credit> newCredits() {
		return this.newCredits.stream().map(this.credits::get).toList();
	}

	/** Credits stored before this transaction that changed. */
	List<Credit> changedCredits() {
		return this.changedCredits.stream()
			.filter((id) -> !this.newCredits.contains(id))
			.map(this.credits::get)
			.toList();
	}

}

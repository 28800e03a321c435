package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import etax.ids.TimeOrderedIds;
import etax.payment.reference.ReferenceData.ItemClass;
import org.jspecify.annotations.Nullable;

/**
 * The allocation work of one transaction, in memory, on the state of the taxpayers it holds locks on:
 * their open obligations, the obligations payments name, and their credits. Each step appends ledger
 * entries and changes outstanding amounts and credits; the caller stores what changed.
 *
 * <p>
 * The rules (VN-ETAX §5.7, docs/adr/0006-taxpayer-ledger.md): a payment line goes first to the payable
 * item it names (when that item is the payer's and of the line's sub-item); an item not known yet makes
 * the amount wait as a credit naming it; what is not named goes to the payer's open items of the line's
 * sub-item in the allocation order; what is left is a general credit. A new obligation takes the credits
 * waiting for it, then general credits of its sub-item. After every step no general credit and open
 * obligation of the same taxpayer and sub-item are left side by side.
 */
final class Allocation {

	private final Map<String, Obligation> items = new LinkedHashMap<>();

	/** Item ids by taxpayer and sub-item, the key allocation looks them up by. */
	private final Map<String, List<String>> byTaxpayer = new java.util.HashMap<>();

	private final Map<UUID, Credit> credits = new LinkedHashMap<>();

	private final Function<LocalDate, Map<ItemClass, Integer>> order;

	private final LocalDate today;

	private final List<LedgerEntry> entries = new ArrayList<>();

	private final Set<String> changedItems = new LinkedHashSet<>();

	private final Set<UUID> changedCredits = new LinkedHashSet<>();

	private final Set<UUID> newCredits = new LinkedHashSet<>();

	private final List<Obligation> newItems = new ArrayList<>();

	Allocation(List<Obligation> items, List<Credit> credits, Function<LocalDate, Map<ItemClass, Integer>> order,
			LocalDate today) {
		items.forEach(this::add);
		credits.forEach((credit) -> this.credits.put(credit.creditId(), credit));
		this.order = order;
		this.today = today;
	}

	/**
	 * Allocates one line of a payment.
	 * @param line the line, in VND
	 */
	void pay(PaymentLine line) {
		BigDecimal remaining = line.amountVnd();
		Obligation named = (line.payableItemId() != null) ? this.items.get(line.payableItemId()) : null;
		if (line.payableItemId() != null && named == null) {
			credit(line, remaining, line.payableItemId());
			return;
		}
		if (named != null && named.mst().equals(line.mst()) && named.subItem().equals(line.subItem())) {
			remaining = remaining.subtract(applyPayment(line, named, remaining));
		}
		for (Obligation item : openItems(line.mst(), line.subItem(), line.paymentDate())) {
			if (remaining.signum() == 0) {
				break;
			}
			remaining = remaining.subtract(applyPayment(line, item, remaining));
		}
		if (remaining.signum() > 0) {
			credit(line, remaining, null);
		}
	}

	/** Books a new obligation and applies the credits waiting for it, then general credits. */
	void book(Obligation item) {
		add(item);
		this.newItems.add(item);
		this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.OBLIGATION_BOOKED, item.account(),
				Account.revenue(item.subItem()), item.amount(), this.today, item.itemId(), null, null, null, null));
		List<Credit> waiting = this.credits.values()
			.stream()
			.filter((c) -> item.itemId().equals(c.namedItemId()) && c.remaining().signum() > 0)
			.sorted(Comparator.comparingLong(Credit::createdSeq))
			.toList();
		for (Credit credit : waiting) {
			if (credit.mst().equals(item.mst()) && credit.subItem().equals(item.subItem())) {
				applyCredit(credit, this.items.get(item.itemId()));
			}
			Credit now = this.credits.get(credit.creditId());
			if (now.remaining().signum() > 0) {
				update(now.general());
				offset(now.mst(), now.subItem());
			}
		}
		offset(item.mst(), item.subItem());
	}

	/**
	 * Reverses the entries of a payment that are not reversed yet, re-opening what it paid, then lets
	 * other credits pay what re-opened.
	 * @param paymentKey the reversed payment
	 * @param stored its stored entries not reversed yet (those of this transaction are added)
	 * @param valueDate the reversal's date
	 */
	void reverse(String paymentKey, List<LedgerEntry> stored, LocalDate valueDate) {
		Set<UUID> reversedHere = new LinkedHashSet<>();
		this.entries.stream().filter((e) -> e.reverses() != null).forEach((e) -> reversedHere.add(e.reverses()));
		List<LedgerEntry> original = new ArrayList<>(stored);
		this.entries.stream()
			.filter((e) -> paymentKey.equals(e.paymentKey()) && !reversedHere.contains(e.entryId())
					&& (e.type() == LedgerEntry.Type.PAYMENT_APPLIED || e.type() == LedgerEntry.Type.PAYMENT_CREDITED
							|| e.type() == LedgerEntry.Type.CREDIT_APPLIED))
			.forEach(original::add);
		List<LedgerEntry> ordered = original.stream()
			.sorted(Comparator.comparingInt((LedgerEntry e) -> switch (e.type()) {
				case CREDIT_APPLIED -> 0;
				case PAYMENT_APPLIED -> 1;
				default -> 2;
			}))
			.toList();
		Set<String> reopened = new LinkedHashSet<>();
		for (LedgerEntry entry : ordered) {
			this.entries.add(entry.reversal(TimeOrderedIds.next(), valueDate));
			if (entry.itemId() != null && entry.type() != LedgerEntry.Type.PAYMENT_CREDITED) {
				Obligation item = Objects.requireNonNull(this.items.get(entry.itemId()), "loaded for the reversal");
				update(item.withOutstanding(item.outstanding().add(entry.amount())));
				reopened.add(item.mst() + '\u001F' + item.subItem());
			}
			if (entry.creditId() != null) {
				Credit credit = Objects.requireNonNull(this.credits.get(entry.creditId()), "loaded for the reversal");
				BigDecimal change = (entry.type() == LedgerEntry.Type.CREDIT_APPLIED) ? entry.amount()
						: entry.amount().negate();
				update(credit.withRemaining(credit.remaining().add(change)));
			}
		}
		for (String key : reopened) {
			String[] parts = key.split("\u001F");
			offset(parts[0], parts[1]);
		}
	}

	/** Applies general credits of a taxpayer and sub-item, oldest first, to its open items in order. */
	private void offset(String mst, String subItem) {
		List<Credit> general = this.credits.values()
			.stream()
			.filter((c) -> c.mst().equals(mst) && c.subItem().equals(subItem) && c.namedItemId() == null
					&& c.remaining().signum() > 0)
			.sorted(Comparator.comparingLong(Credit::createdSeq))
			.toList();
		for (Credit credit : general) {
			for (Obligation item : openItems(mst, subItem, this.today)) {
				Credit now = this.credits.get(credit.creditId());
				if (now.remaining().signum() == 0) {
					break;
				}
				applyCredit(now, item);
			}
		}
	}

	private List<Obligation> openItems(String mst, String subItem, LocalDate day) {
		Map<ItemClass, Integer> ranks = this.order.apply(day);
		return this.byTaxpayer.getOrDefault(mst + '\u001F' + subItem, List.of())
			.stream()
			.map(this.items::get)
			.filter((i) -> i.outstanding().signum() > 0)
			.sorted(Comparator.comparingInt((Obligation i) -> ranks.get(i.itemClass(day)))
				.thenComparing(Obligation::dueDate)
				.thenComparingLong(Obligation::bookingSeq)
				.thenComparing(Obligation::itemId))
			.toList();
	}

	private BigDecimal applyPayment(PaymentLine line, Obligation item, BigDecimal available) {
		BigDecimal amount = available.min(this.items.get(item.itemId()).outstanding());
		if (amount.signum() > 0) {
			this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.PAYMENT_APPLIED,
					Account.receivable(line.treasuryCode(), line.subItem()), item.account(), amount, line.paymentDate(),
					item.itemId(), line.postingId(), null, line.paymentKey(), null));
			update(item.withOutstanding(this.items.get(item.itemId()).outstanding().subtract(amount)));
		}
		return amount;
	}

	private void applyCredit(Credit credit, Obligation item) {
		Obligation current = this.items.get(item.itemId());
		BigDecimal amount = credit.remaining().min(current.outstanding());
		if (amount.signum() > 0) {
			this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.CREDIT_APPLIED, credit.account(),
					current.account(), amount, this.today, current.itemId(), credit.postingId(), credit.creditId(),
					credit.paymentKey(), null));
			update(current.withOutstanding(current.outstanding().subtract(amount)));
			update(credit.withRemaining(credit.remaining().subtract(amount)));
		}
	}

	private void credit(PaymentLine line, BigDecimal amount, @Nullable String namedItemId) {
		UUID creditId = UUID.nameUUIDFromBytes(("etax.payment\u001Fcredit\u001F" + line.postingId())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Credit credit = new Credit(creditId, line.mst(), line.subItem(), namedItemId, line.postingId(),
				line.paymentKey(), amount, amount, Long.MAX_VALUE - 1_000_000 + this.newCredits.size());
		this.credits.put(creditId, credit);
		this.newCredits.add(creditId);
		this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.PAYMENT_CREDITED,
				Account.receivable(line.treasuryCode(), line.subItem()), credit.account(), amount, line.paymentDate(),
				namedItemId, line.postingId(), creditId, line.paymentKey(), null));
	}

	private void add(Obligation item) {
		if (this.items.put(item.itemId(), item) == null) {
			this.byTaxpayer.computeIfAbsent(item.mst() + '\u001F' + item.subItem(), (k) -> new ArrayList<>())
				.add(item.itemId());
		}
	}

	private void update(Obligation item) {
		this.items.put(item.itemId(), item);
		this.changedItems.add(item.itemId());
	}

	private void update(Credit credit) {
		this.credits.put(credit.creditId(), credit);
		this.changedCredits.add(credit.creditId());
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

	@Nullable
	Obligation item(String itemId) {
		return this.items.get(itemId);
	}

	/**
	 * One payment line as the allocation sees it.
	 * @param mst the payer
	 * @param subItem the sub-item
	 * @param amountVnd whole VND
	 * @param payableItemId the item named, if any
	 * @param postingId the line's posting id
	 * @param paymentKey {@code bankCode:bankReference}
	 * @param treasuryCode the collecting treasury
	 * @param paymentDate the legal date of payment
	 */
	record PaymentLine(String mst, String subItem, BigDecimal amountVnd, @Nullable String payableItemId,
			UUID postingId, String paymentKey, String treasuryCode, LocalDate paymentDate) {

	}

}

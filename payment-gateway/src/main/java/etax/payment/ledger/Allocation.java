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
 * the amount wait as a credit naming it, and so does an item of another taxpayer (until an officer acts:
 * it is never offset); what is not named goes to the payer's open items of the line's sub-item in the
 * allocation order; what is left is a general credit. A new obligation takes the credits of its taxpayer
 * waiting for it, then general credits of its sub-item. After every step no general credit and open
 * obligation of the same taxpayer and sub-item are left side by side. A credit applied counts as paid on
 * the day its money was paid, not on the day it is applied (VN-ETAX §5.3, §5.6). A supplement that lowered
 * tax reduces what the taxpayer was charged for the sub-item and period; what was paid beyond the new total
 * becomes a credit, offset like any overpayment; interest taken back reduces the interest booked on its
 * payable item the same way.
 */
final class Allocation {

	private final Map<String, Obligation> items = new LinkedHashMap<>();

	/** Item ids by taxpayer and sub-item, the key allocation looks them up by. */
	private final Map<String, List<String>> byTaxpayer = new java.util.HashMap<>();

	/** Interest obligation ids by the payable item they accrued on, the key interest taken back finds them by. */
	private final Map<String, List<String>> byBaseItem = new java.util.HashMap<>();

	private final Map<UUID, Credit> credits = new LinkedHashMap<>();

	private final Function<LocalDate, Map<ItemClass, Integer>> order;

	private final LocalDate today;

	private final List<LedgerEntry> entries = new ArrayList<>();

	private final Set<String> changedItems = new LinkedHashSet<>();

	private final Set<UUID> changedCredits = new LinkedHashSet<>();

	private final Set<UUID> newCredits = new LinkedHashSet<>();

	private final List<Obligation> newItems = new ArrayList<>();

	/** What was paid on items and is still applied, by item: read by {@link #reduce}, for the items it loads. */
	private final Map<String, List<Paid>> paid = new java.util.HashMap<>();

	Allocation(List<Obligation> items, List<Credit> credits, Function<LocalDate, Map<ItemClass, Integer>> order,
			LocalDate today) {
		this(items, credits, List.of(), order, today);
	}

	/**
	 * @param paid what is paid and still applied on the items a reduction may take off (every item of its
	 * taxpayer, sub-item and period), as stored
	 */
	Allocation(List<Obligation> items, List<Credit> credits, List<Paid> paid,
			Function<LocalDate, Map<ItemClass, Integer>> order, LocalDate today) {
		items.forEach(this::add);
		credits.forEach((credit) -> this.credits.put(credit.creditId(), credit));
		paid.forEach((part) -> this.paid.computeIfAbsent(part.itemId(), (k) -> new ArrayList<>()).add(part));
		this.order = order;
		this.today = today;
	}

	static String chargeKey(String mst, String subItem, String taxPeriod) {
		return mst + '\u001F' + subItem + '\u001F' + taxPeriod;
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
		if (named != null && !named.mst().equals(line.mst())) {
			// another taxpayer's item: the payer meant to pay it, so the money is neither the payer's to
			// offset nor the other taxpayer's before an officer has checked; it waits, naming the item
			credit(line, remaining, named.itemId());
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
			if (!credit.mst().equals(item.mst())) {
				// it named an item that turned out to be another taxpayer's: it keeps waiting for an officer
				continue;
			}
			if (credit.subItem().equals(item.subItem())) {
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
							|| e.type() == LedgerEntry.Type.CREDIT_APPLIED
							|| e.type() == LedgerEntry.Type.OVERPAYMENT_CREDITED))
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
			// the reversal swaps the accounts: an obligation the entry credited (paid) owes again, one it debited
			// (an overpayment moved to credit) owes that much less; likewise for the credit it moved
			BigDecimal onItem = change(entry, Account.Kind.TAXPAYER_OBLIGATION);
			if (entry.itemId() != null && onItem.signum() != 0) {
				Obligation item = Objects.requireNonNull(this.items.get(entry.itemId()), "loaded for the reversal");
				update(item.withOutstanding(item.outstanding().add(onItem)));
				reopened.add(item.mst() + '\u001F' + item.subItem());
			}
			BigDecimal onCredit = change(entry, Account.Kind.TAXPAYER_CREDIT).negate();
			if (entry.creditId() != null && onCredit.signum() != 0) {
				Credit credit = Objects.requireNonNull(this.credits.get(entry.creditId()), "loaded for the reversal");
				update(credit.withRemaining(credit.remaining().add(onCredit)));
			}
		}
		for (String key : reopened) {
			String[] parts = key.split("\u001F");
			offset(parts[0], parts[1]);
		}
	}

	/**
	 * Applies what is left of a held credit to the item it names, as an officer decided that the payer paid for
	 * that item's taxpayer: a {@code CREDIT_APPLIED} entry dated with the day the money was paid, like any
	 * credit applied. What the item does not take is released as the payer's own credit.
	 * @param creditId a held credit, loaded with its named item
	 * @return what was applied to the item
	 */
	BigDecimal applyHeld(UUID creditId) {
		Credit credit = Objects.requireNonNull(this.credits.get(creditId), "loaded for the resolution");
		Obligation item = Objects.requireNonNull(this.items.get(Objects.requireNonNull(credit.namedItemId())),
				"loaded for the resolution");
		applyCredit(credit, item);
		BigDecimal applied = credit.remaining().subtract(this.credits.get(creditId).remaining());
		releaseHeld(creditId);
		return applied;
	}

	/**
	 * Makes a held credit the payer's own, general credit, as an officer decided: it no longer waits for the
	 * item it named and is offset against the payer's open items of its sub-item, now or when one is booked.
	 * @param creditId a held credit, loaded
	 */
	void releaseHeld(UUID creditId) {
		Credit now = Objects.requireNonNull(this.credits.get(creditId), "loaded for the resolution");
		update(now.general());
		offset(now.mst(), now.subItem());
	}

	/**
	 * What reversing an entry does to the debit-normal balance of an account of a kind: a reversal debits
	 * what the entry credited and credits what it debited.
	 */
	private static BigDecimal change(LedgerEntry entry, Account.Kind kind) {
		if (entry.credit().kind() == kind) {
			return entry.amount();
		}
		return (entry.debit().kind() == kind) ? entry.amount().negate() : BigDecimal.ZERO;
	}

	/**
	 * Takes a supplement's decrease off what the taxpayer was charged for its sub-item and period (tax
	 * items only, newest first), or interest taken back off the interest booked on its payable item (the
	 * latest day first): first off what they still owe; then off what is paid, which moves to the
	 * taxpayer's credit, dated with the day it was paid (the latest payments first), and is offset like any
	 * overpayment against the open items of the sub-item, now or when the next one is booked.
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
		for (Obligation item : charged) {
			BigDecimal off = left.min(item.outstanding());
			if (off.signum() > 0) {
				reduceItem(reduction, item, off, off);
				left = left.subtract(off);
			}
		}
		for (Obligation item : charged) {
			Obligation now = this.items.get(item.itemId());
			BigDecimal off = left.min(releasable(now));
			if (off.signum() > 0) {
				reduceItem(reduction, now, off, BigDecimal.ZERO);
				release(reduction, now, off);
				left = left.subtract(off);
			}
		}
		charged.stream().map(Obligation::subItem).distinct().forEach((subItem) -> offset(reduction.mst(), subItem));
		return true;
	}

	private List<Obligation> taxCharged(Reduction reduction) {
		return this.byTaxpayer.getOrDefault(reduction.mst() + '\u001F' + reduction.subItem(), List.of())
			.stream()
			.map(this.items::get)
			.filter((i) -> i.kind() == Obligation.Kind.TAX && i.taxPeriod().equals(reduction.taxPeriod())
					&& i.inForce().signum() > 0)
			.sorted(Comparator.comparingLong(this::bookingOrder).reversed())
			.toList();
	}

	/** The taxpayer's interest obligations on the correction's payable item that still charge something. */
	private List<Obligation> interestOn(Reduction correction) {
		return this.byBaseItem.getOrDefault(correction.baseItemId(), List.of())
			.stream()
			.map(this.items::get)
			.filter((i) -> i.mst().equals(correction.mst()) && i.inForce().signum() > 0)
			.sorted(Comparator.comparing((Obligation i) -> Objects.requireNonNull(i.assessedFor()))
				.thenComparingLong(this::bookingOrder)
				.reversed())
			.toList();
	}

	/** What is paid on an item and may move to credit: what its paid parts hold, at most what it paid. */
	private BigDecimal releasable(Obligation item) {
		BigDecimal parts = this.paid.getOrDefault(item.itemId(), List.of())
			.stream()
			.map(Paid::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return parts.min(item.inForce().subtract(item.outstanding()));
	}

	private void reduceItem(Reduction reduction, Obligation item, BigDecimal amount, BigDecimal offOutstanding) {
		this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.OBLIGATION_REDUCED,
				Account.revenue(item.subItem()), item.account(), amount, this.today, item.itemId(), null, null, null, null,
				reduction.itemId()));
		update(item.reducedBy(amount, offOutstanding));
	}

	/** Moves what is paid on an item, the latest payments first, to credits of the taxpayer. */
	private void release(Reduction reduction, Obligation item, BigDecimal amount) {
		List<Paid> parts = this.paid.getOrDefault(item.itemId(), List.of())
			.stream()
			.sorted(Comparator.comparing(Paid::paidOn).reversed())
			.toList();
		BigDecimal left = amount;
		for (Paid part : parts) {
			BigDecimal moved = left.min(part.amount());
			if (moved.signum() <= 0) {
				continue;
			}
			Credit credit = new Credit(TimeOrderedIds.next(), item.mst(), item.subItem(), null, part.postingId(),
					part.paymentKey(), moved, moved, part.paidOn(), nextCreditSeq());
			this.credits.put(credit.creditId(), credit);
			this.newCredits.add(credit.creditId());
			this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.OVERPAYMENT_CREDITED,
					item.account(), credit.account(), moved, part.paidOn(), item.itemId(), part.postingId(),
					credit.creditId(), part.paymentKey(), null, reduction.itemId()));
			this.paid.get(item.itemId()).set(this.paid.get(item.itemId()).indexOf(part), part.less(moved));
			left = left.subtract(moved);
			if (left.signum() == 0) {
				return;
			}
		}
		throw new IllegalStateException("What is paid on an item is less than its paid amount");
	}

	/** Booking order: stored items by their sequence, then this transaction's in the order booked. */
	private long bookingOrder(Obligation item) {
		int fresh = -1;
		for (int i = 0; fresh < 0 && i < this.newItems.size(); i++) {
			if (this.newItems.get(i).itemId().equals(item.itemId())) {
				fresh = i;
			}
		}
		return (fresh >= 0) ? Long.MAX_VALUE / 2 + fresh : item.bookingSeq();
	}

	private long nextCreditSeq() {
		return Long.MAX_VALUE - 1_000_000 + this.newCredits.size();
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
			paid(new Paid(item.itemId(), line.paymentKey(), line.postingId(), line.paymentDate(), amount));
		}
		return amount;
	}

	private void applyCredit(Credit credit, Obligation item) {
		Obligation current = this.items.get(item.itemId());
		BigDecimal amount = credit.remaining().min(current.outstanding());
		if (amount.signum() > 0) {
			// the money is in the budget since its payment, whenever it is applied (VN-ETAX §5.3)
			this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.CREDIT_APPLIED, credit.account(),
					current.account(), amount, credit.paidOn(), current.itemId(), credit.postingId(), credit.creditId(),
					credit.paymentKey(), null));
			update(current.withOutstanding(current.outstanding().subtract(amount)));
			update(credit.withRemaining(credit.remaining().subtract(amount)));
			paid(new Paid(current.itemId(), credit.paymentKey(), credit.postingId(), credit.paidOn(), amount));
		}
	}

	private void credit(PaymentLine line, BigDecimal amount, @Nullable String namedItemId) {
		UUID creditId = UUID.nameUUIDFromBytes(("etax.payment\u001Fcredit\u001F" + line.postingId())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Credit credit = new Credit(creditId, line.mst(), line.subItem(), namedItemId, line.postingId(),
				line.paymentKey(), amount, amount, line.paymentDate(), nextCreditSeq());
		this.credits.put(creditId, credit);
		this.newCredits.add(creditId);
		this.entries.add(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.PAYMENT_CREDITED,
				Account.receivable(line.treasuryCode(), line.subItem()), credit.account(), amount, line.paymentDate(),
				namedItemId, line.postingId(), creditId, line.paymentKey(), null));
	}

	private void paid(Paid part) {
		this.paid.computeIfAbsent(part.itemId(), (k) -> new ArrayList<>()).add(part);
	}

	private void add(Obligation item) {
		if (this.items.put(item.itemId(), item) == null) {
			this.byTaxpayer.computeIfAbsent(item.mst() + '\u001F' + item.subItem(), (k) -> new ArrayList<>())
				.add(item.itemId());
			if (item.baseItemId() != null) {
				this.byBaseItem.computeIfAbsent(item.baseItemId(), (k) -> new ArrayList<>()).add(item.itemId());
			}
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

	/**
	 * A part of what is paid on an item and still applied: of one payment line, counted as paid on one day.
	 * @param itemId the item
	 * @param paymentKey the payment
	 * @param postingId its line
	 * @param paidOn the day it counts as paid
	 * @param amount whole VND
	 */
	record Paid(String itemId, String paymentKey, UUID postingId, LocalDate paidOn, BigDecimal amount) {

		Paid less(BigDecimal value) {
			return new Paid(this.itemId, this.paymentKey, this.postingId, this.paidOn, this.amount.subtract(value));
		}

	}

}

package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.access.Caller;
import etax.ids.TimeOrderedIds;
import etax.outbox.Outbox;
import etax.outbox.OutboxMessage;
import etax.payment.confirmation.PaymentRecorded;
import etax.payment.confirmation.PaymentsRecorded;
import etax.payment.office.OfficeScope;
import etax.payment.office.TaxOffices;
import etax.payment.reference.ReferenceData;
import etax.payment.treasury.PostingsPosted;
import etax.payment.treasury.Recoding;
import etax.payment.treasury.TreasuryRecodings;

import org.springframework.context.event.EventListener;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Service;

/**
 * Keeps the taxpayer ledger. Payments and reversals are allocated synchronously inside the transaction
 * that records them ({@link PaymentsRecorded}), obligations inside the transaction that reads them from
 * their topic, treasury postings inside the one that records the treasury's acks; each holds the
 * advisory locks of its taxpayers, so allocations of one taxpayer never interleave. What changed for a
 * taxpayer is announced as {@link PaymentAllocated} through the outbox.
 */
@Service
public class TaxpayerLedger {

	private final LedgerRepository ledger;

	private final ReferenceData reference;

	private final Outbox outbox;

	private final Clock clock;

	private final LedgerViews views;

	private final HeldCreditRepository held;

	private final TreasuryRecodings recodings;

	private final TaxOffices offices;

	private final LedgerProperties properties;

	TaxpayerLedger(LedgerRepository ledger, LedgerViews views, HeldCreditRepository held, ReferenceData reference,
			TreasuryRecodings recodings, TaxOffices offices, Outbox outbox, Clock clock, LedgerProperties properties) {
		this.ledger = ledger;
		this.properties = properties;
		this.offices = offices;
		this.views = views;
		this.held = held;
		this.recodings = recodings;
		this.reference = reference;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Lets an officer read a taxpayer's balance and ledger (ADR 0022): a national officer any taxpayer the ledger
	 * has, an office's officer one with an obligation booked with its office (tax filed there, or interest on
	 * it). The MST is the one asked for, head office or branch: each has its own obligations and lines.
	 * @param mst the taxpayer, canonical
	 * @param officer the caller
	 * @throws TaxpayerNotFoundException otherwise, alike whether the taxpayer is unknown or another office's
	 */
	public void requireReadable(String mst, Caller officer) {
		boolean readable = switch (officer.role()) {
			case NATIONAL_OFFICER -> this.views.known(mst);
			case OFFICER -> this.views.hasObligationOf(mst, Objects.requireNonNull(officer.taxOffice()));
			default -> false;
		};
		if (!readable) {
			throw TaxpayerNotFoundException.forCaller();
		}
	}

	/** A taxpayer's balance, from its ledger lines. */
	public Balance balance(String mst) {
		return this.views.balance(mst);
	}

	/** A page of a taxpayer's ledger lines, newest first, and how many there are. */
	public LedgerPage lines(String mst, int page, int size) {
		return new LedgerPage(this.views.lines(mst, page, size), this.views.countLines(mst));
	}

	/**
	 * Credits held for an officer, in the officer's scope (those of its office's payments, ADR 0022), oldest first,
	 * and how many there are: their payment line named another taxpayer's payable item, or one still not booked
	 * {@code etax.payment.ledger.unbooked-item-wait} after the payment was recorded. Without the latter nothing
	 * would ever release money paid for a mistyped item id, while the payer's real item accrued interest.
	 */
	public HeldCredits held(OfficeScope scope, int page, int size) {
		Instant cutoff = this.properties.unbookedItemCutoff(this.clock);
		return new HeldCredits(this.views.held(scope, cutoff, page, size), this.views.countHeld(scope, cutoff));
	}

	/**
	 * A page of credits held for an officer.
	 * @param credits the credits
	 * @param total how many there are
	 */
	public record HeldCredits(List<HeldCredit> credits, long total) {

	}

	/**
	 * A page of ledger lines.
	 * @param lines the lines
	 * @param total how many the taxpayer has
	 */
	public record LedgerPage(List<LedgerLine> lines, long total) {

	}

	@EventListener
	void on(PaymentsRecorded recorded) {
		Set<String> msts = recorded.payments()
			.stream()
			.map(PaymentRecorded::mst)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<String> reversedPayments = recorded.payments()
			.stream()
			.filter(PaymentRecorded::isReversal)
			.map((p) -> paymentKey(p.bankCode(), Objects.requireNonNull(p.reversalOf())))
			.toList();
		// a reversal re-opens the items of other taxpayers that officers applied held credits of the payment to:
		// it holds their locks too, taken with the payers' in one order. One applied meanwhile (read again under
		// the locks) is not locked after them, out of that order, where two transactions could wait for each other
		// in a cycle: the poll fails and is recorded again, its taxpayer then locked with the others
		msts.addAll(this.held.beneficiaries(reversedPayments));
		this.ledger.lock(msts);
		if (!msts.containsAll(this.held.beneficiaries(reversedPayments))) {
			throw new CannotAcquireLockException("A held credit of a reversed payment was applied while the reversal "
					+ "took its taxpayers' locks; the poll is recorded again with them all locked in order");
		}
		Map<String, List<LedgerEntry>> reversible = this.ledger
			.reversible(reversedPayments)
			.stream()
			.collect(Collectors.groupingBy((e) -> Objects.requireNonNull(e.paymentKey()), LinkedHashMap::new,
					Collectors.toList()));
		Set<String> itemIds = new LinkedHashSet<>();
		Set<UUID> creditIds = new LinkedHashSet<>();
		recorded.payments()
			.forEach((p) -> p.lines()
				.stream()
				.filter((line) -> line.payableItemId() != null)
				.forEach((line) -> itemIds.add(line.payableItemId())));
		reversible.values().forEach((entries) -> entries.forEach((e) -> {
			if (e.itemId() != null) {
				itemIds.add(e.itemId());
			}
			if (e.creditId() != null) {
				creditIds.add(e.creditId());
			}
		}));
		// a line that may be a provisional payment is one only if its payer has no item of its charge, paid or not
		List<Obligation> charged = charged(recorded.payments()
			.stream()
			.filter((p) -> !p.isReversal())
			.flatMap((p) -> p.lines()
				.stream()
				.filter((line) -> line.payableItemId() == null
						&& ProvisionalPayments.covers(line.subItem(), line.taxPeriod()))
				.map((line) -> Allocation.chargeKey(p.mst(), line.subItem(), line.taxPeriod())))
			.collect(Collectors.toSet()));
		Allocation allocation = allocation(msts, itemIds, creditIds, charged, LocalDate.now(this.clock));
		for (PaymentRecorded payment : recorded.payments()) {
			if (payment.isReversal()) {
				String reversed = paymentKey(payment.bankCode(), Objects.requireNonNull(payment.reversalOf()));
				allocation.reverse(reversed, reversible.getOrDefault(reversed, List.of()), payment.paymentDate());
				continue;
			}
			for (PaymentRecorded.Line line : payment.lines()) {
				allocation.pay(new Allocation.PaymentLine(payment.mst(), line.chapter(), line.subItem(), line.taxPeriod(),
						line.amountVnd(), line.payableItemId(), line.postingId(),
						paymentKey(payment.bankCode(), payment.bankReference()), payment.treasuryCode(),
						payment.paymentDate(), this.offices.mappedOffice(payment.collectingAgencyCode())));
			}
		}
		store(allocation);
	}

	@EventListener
	void on(PostingsPosted posted) {
		this.ledger.insertEntries(posted.postings().stream().map((p) -> {
			Account treasury = Account.treasury(p.treasuryCode(), p.subItem());
			Account receivable = Account.receivable(p.treasuryCode(), p.subItem());
			LocalDate day = p.ackedAt().atZone(this.clock.getZone()).toLocalDate();
			if (p.refund()) {
				// the treasury paid the refund order out: the State owes the taxpayer nothing more of it
				return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.REFUND_PAID,
						Account.refund(p.mst(), p.subItem()), treasury, p.amountVnd(), day, null, p.postingId(), null, null,
						null);
			}
			if (p.fromSubItem() != null) {
				// the treasury moved posted money from one sub-item to the other
				return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.RECODING_CONFIRMED, treasury,
						Account.treasury(p.treasuryCode(), p.fromSubItem()), p.amountVnd(), day, null, p.postingId(), null,
						null, null);
			}
			return new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.POSTING_CONFIRMED,
					p.reversal() ? receivable : treasury, p.reversal() ? treasury : receivable, p.amountVnd(), day, null,
					p.postingId(), null, null, null);
		}).toList(), this.clock.instant());
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
		List<Credit> credits = this.ledger.credits(bookings.stream().map(Booking::mst).collect(Collectors.toSet()),
				Set.of());
		List<Reduction> reductions = bookings.stream()
			.filter(Reduction.class::isInstance)
			.map(Reduction.class::cast)
			.toList();
		// the items whose paid parts may move to credit, loaded with them: what a reduction takes off (of a tax
		// item, every item of its charge; of interest, the interest booked on its payable item, whatever is still
		// owed of it), and the provisional payments' obligations an item of their quarter supersedes
		Map<String, Obligation> releasable = new LinkedHashMap<>();
		charged(bookings.stream()
			.filter(Obligation.class::isInstance)
			.map(Obligation.class::cast)
			.filter((o) -> o.kind() == Obligation.Kind.TAX && ProvisionalPayments.covers(o.subItem(), o.taxPeriod()))
			.map((o) -> Allocation.chargeKey(o.mst(), o.subItem(), o.taxPeriod()))
			.collect(Collectors.toSet()))
			.stream()
			.filter(ProvisionalPayments::isProvisional)
			.forEach((o) -> releasable.put(o.itemId(), o));
		charged(reductions.stream()
			.filter((r) -> !r.ofInterest())
			.map(Reduction::chargeKey)
			.collect(Collectors.toSet())).forEach((o) -> releasable.put(o.itemId(), o));
		this.ledger.interestOn(reductions.stream()
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
		List<Obligation> items = new ArrayList<>(this.ledger.obligations(withMoney, Set.of()));
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
		store(allocation);
		this.ledger.insertReductions(reduced, this.clock.instant());
		return refused;
	}

	/** The tax items in force of the charges ({@link Allocation#chargeKey}), paid or not. */
	private List<Obligation> charged(Set<String> chargeKeys) {
		if (chargeKeys.isEmpty()) {
			return List.of();
		}
		Set<String> msts = chargeKeys.stream()
			.map((key) -> key.substring(0, key.indexOf('\u001F')))
			.collect(Collectors.toSet());
		return this.ledger.reducible(msts)
			.stream()
			.filter((o) -> chargeKeys.contains(Allocation.chargeKey(o.mst(), o.subItem(), o.taxPeriod())))
			.toList();
	}

	Allocation allocation(Set<String> msts, Set<String> itemIds, Set<UUID> creditIds) {
		return allocation(msts, itemIds, creditIds, LocalDate.now(this.clock));
	}

	/**
	 * The allocation of a transaction on a day: the open obligations and the credits of the taxpayers, whose locks
	 * the caller holds, and the obligations and credits with the ids.
	 */
	Allocation allocation(Set<String> msts, Set<String> itemIds, Set<UUID> creditIds, LocalDate today) {
		return allocation(msts, itemIds, creditIds, List.of(), today);
	}

	/** The same, with items the caller loaded besides. */
	private Allocation allocation(Set<String> msts, Set<String> itemIds, Set<UUID> creditIds,
			List<Obligation> alsoLoaded, LocalDate today) {
		List<Obligation> items = new ArrayList<>(this.ledger.obligations(msts, itemIds));
		items.addAll(alsoLoaded);
		return new Allocation(items, this.ledger.credits(msts, creditIds), this.reference::allocationOrder, today);
	}

	/**
	 * Ends an allocation and stores what it changed, in the caller's transaction: what is left of general credits
	 * goes to the taxpayers' due items of other sub-items, the treasury is asked to re-code what moved between
	 * sub-items, and every change is announced.
	 */
	void store(Allocation allocation) {
		allocation.offsetAcrossSubItems();
		Instant now = this.clock.instant();
		this.ledger.insertObligations(allocation.newItems(), now);
		this.ledger.updateOutstanding(allocation.changedItems());
		this.ledger.insertCredits(allocation.newCredits(), now);
		this.ledger.updateCredits(allocation.changedCredits());
		this.ledger.insertEntries(allocation.entries(), now);
		this.recodings.request(recodings(allocation));
		this.outbox.appendAll(announcements(allocation, now));
	}

	/**
	 * What moved between sub-items or taxpayers: one re-coding per entry, from the debited account's coding to the
	 * credited one's, asked by the taxpayer whose credit it was. An obligation's side is coded as the obligation; a
	 * credit's as the payment line it was paid with.
	 */
	private static List<Recoding> recodings(Allocation allocation) {
		return allocation.entries().stream().filter(LedgerEntry::needsRecoding).map((entry) -> {
			Obligation item = Objects.requireNonNull(allocation.item(Objects.requireNonNull(entry.itemId())));
			UUID postingId = recodingId(entry.entryId());
			Account payer = (entry.debit().kind() == Account.Kind.TAXPAYER_CREDIT) ? entry.debit() : entry.credit();
			return new Recoding(postingId, Objects.requireNonNull(payer.mst()), Objects.requireNonNull(entry.postingId()),
					coding(entry.debit(), item), coding(entry.credit(), item), entry.amount(), entry.valueDate());
		}).toList();
	}

	/** The posting id of the re-coding of what an entry moved: name-based on the entry, so it is asked once. */
	static UUID recodingId(UUID entryId) {
		return UUID.nameUUIDFromBytes(("etax.payment\u001Frecoding\u001F" + entryId).getBytes(StandardCharsets.UTF_8));
	}

	private static Recoding.Coding coding(Account account, Obligation item) {
		return (account.kind() == Account.Kind.TAXPAYER_OBLIGATION)
				? new Recoding.Coding(item.mst(), item.chapter(), account.subItem(), account.taxPeriod())
				: new Recoding.Coding(Objects.requireNonNull(account.mst()), null, account.subItem(), null);
	}

	private static List<OutboxMessage> announcements(Allocation allocation, Instant now) {
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

	static String paymentKey(String bankCode, String bankReference) {
		return bankCode + ":" + bankReference;
	}

}

package etax.payment.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.outbox.Outbox;
import etax.payment.reference.ReferenceData;
import etax.payment.treasury.Recoding;
import etax.payment.treasury.TreasuryRecodings;

import org.springframework.stereotype.Component;

/**
 * Loads the allocation of a transaction and stores what it changed: the one way money moves in the ledger, for
 * payments ({@link PaymentAllocations}), bookings ({@link BookingAllocations}), officers' decisions
 * ({@link HeldCreditResolutions}), taxpayers' requests ({@link CreditRequests}) and the nightly offsets
 * ({@link DueOffsets}). The caller holds the transaction and the locks of the taxpayers
 * ({@link LedgerRepository#lock}).
 */
@Component
class Allocations {

	private final ObligationRepository obligations;

	private final CreditRepository credits;

	private final LedgerRepository ledger;

	private final ReferenceData reference;

	private final TreasuryRecodings recodings;

	private final Outbox outbox;

	private final Clock clock;

	Allocations(ObligationRepository obligations, CreditRepository credits, LedgerRepository ledger,
			ReferenceData reference, TreasuryRecodings recodings, Outbox outbox, Clock clock) {
		this.obligations = obligations;
		this.credits = credits;
		this.ledger = ledger;
		this.reference = reference;
		this.recodings = recodings;
		this.outbox = outbox;
		this.clock = clock;
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
	Allocation allocation(Set<String> msts, Set<String> itemIds, Set<UUID> creditIds,
			List<Obligation> alsoLoaded, LocalDate today) {
		List<Obligation> items = new ArrayList<>(this.obligations.obligations(msts, itemIds));
		items.addAll(alsoLoaded);
		return new Allocation(items, this.credits.credits(msts, creditIds), this.reference::allocationOrder, today);
	}

	/** The tax items in force of the charges ({@link Allocation#chargeKey}), paid or not. */
	List<Obligation> charged(Set<String> chargeKeys) {
		if (chargeKeys.isEmpty()) {
			return List.of();
		}
		Set<String> msts = chargeKeys.stream()
			.map((key) -> key.substring(0, key.indexOf('\u001F')))
			.collect(Collectors.toSet());
		return this.obligations.reducible(msts)
			.stream()
			.filter((o) -> chargeKeys.contains(Allocation.chargeKey(o.mst(), o.subItem(), o.taxPeriod())))
			.toList();
	}

	/**
	 * Ends an allocation and stores what it changed, in the caller's transaction: what is left of general credits
	 * goes to the taxpayers' due items of other sub-items, the treasury is asked to re-code what moved between
	 * sub-items, and every change is announced.
	 */
	void store(Allocation allocation) {
		allocation.offsetAcrossSubItems();
		Instant now = this.clock.instant();
		this.obligations.insertObligations(allocation.newItems(), now);
		this.obligations.updateOutstanding(allocation.changedItems());
		this.credits.insertCredits(allocation.newCredits(), now);
		this.credits.updateCredits(allocation.changedCredits());
		this.ledger.insertEntries(allocation.entries(), now);
		this.recodings.request(recodings(allocation));
		this.outbox.appendAll(AllocationAnnouncements.of(allocation, now));
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

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * A payment taken back (ADR 0005, 0006): every entry of the payment not reversed yet (its applications, its
 * credits, credits of it applied later, offset or refunded on request, what a reduction moved from its
 * applications back to credit) gets a
 * {@code REVERSAL} entry, so what it paid owes again and what it credited is gone; other general credits then
 * pay what re-opened. A provisional payment's obligation owes nothing again: what its payment declared is taken
 * off with it ({@link ProvisionalPayments}). Entries are never changed, so taking money back is a step of its own rather than an
 * undo of the others.
 */
final class PaymentReversal {

	private final AllocationState state;

	private final CreditOffsets offsets;

	private final ChargeReductions reductions;

	PaymentReversal(AllocationState state, CreditOffsets offsets, ChargeReductions reductions) {
		this.state = state;
		this.offsets = offsets;
		this.reductions = reductions;
	}

	/**
	 * Reverses the entries of a payment that are not reversed yet, re-opening what it paid, then lets
	 * other credits pay what re-opened.
	 * @param paymentKey the reversed payment
	 * @param payer the reversal's payer: the payment's, whose lock the transaction holds
	 * @param stored its stored entries not reversed yet (those of this transaction are added)
	 * @param valueDate the reversal's date
	 * @throws ConcurrencyFailureException if the payment is another payer's: the reversal was judged against a
	 * payment of its poll that another poll recorded first with other content, and is judged again with the poll
	 */
	void reverse(String paymentKey, String payer, List<LedgerEntry> stored, LocalDate valueDate) {
		Set<UUID> reversedHere = new LinkedHashSet<>();
		this.state.entries().stream().filter((e) -> e.reverses() != null).forEach((e) -> reversedHere.add(e.reverses()));
		List<LedgerEntry> original = new ArrayList<>(stored);
		this.state.entries()
			.stream()
			.filter((e) -> paymentKey.equals(e.paymentKey()) && !reversedHere.contains(e.entryId())
					&& (e.type() == LedgerEntry.Type.PAYMENT_APPLIED || e.type() == LedgerEntry.Type.PAYMENT_CREDITED
							|| e.type() == LedgerEntry.Type.CREDIT_APPLIED || e.type() == LedgerEntry.Type.CREDIT_OFFSET
							|| e.type() == LedgerEntry.Type.CREDIT_REFUNDED
							|| e.type() == LedgerEntry.Type.OVERPAYMENT_CREDITED))
			.forEach(original::add);
		if (original.stream().anyMatch((e) -> paidTo(e) != null && !payer.equals(paidTo(e)))) {
			throw new ConcurrencyFailureException("A reversal names a payment of another payer; the poll is recorded "
					+ "again, the reversal judged against the payment stored");
		}
		List<LedgerEntry> ordered = original.stream()
			.sorted(Comparator.comparingInt((LedgerEntry e) -> switch (e.type()) {
				case CREDIT_APPLIED, CREDIT_OFFSET, CREDIT_REFUNDED -> 0;
				case PAYMENT_APPLIED -> 1;
				default -> 2;
			}))
			.toList();
		Set<String> reopened = new LinkedHashSet<>();
		Set<String> provisional = new LinkedHashSet<>();
		for (LedgerEntry entry : ordered) {
			this.state.append(entry.reversal(TimeOrderedIds.next(), valueDate));
			// the reversal swaps the accounts: an obligation the entry credited (paid) owes again, one it debited
			// (an overpayment moved to credit) owes that much less; likewise for the credit it moved
			BigDecimal onItem = change(entry, Account.Kind.TAXPAYER_OBLIGATION);
			if (entry.itemId() != null && onItem.signum() != 0) {
				Obligation item = Objects.requireNonNull(this.state.find(entry.itemId()), "loaded for the reversal");
				this.state.update(item.withOutstanding(item.outstanding().add(onItem)));
				if (ProvisionalPayments.isProvisional(item)) {
					provisional.add(item.itemId());
				}
				else {
					reopened.add(item.mst() + '\u001F' + item.subItem());
				}
			}
			BigDecimal onCredit = change(entry, Account.Kind.TAXPAYER_CREDIT).negate();
			if (entry.creditId() != null && onCredit.signum() != 0) {
				Credit credit = Objects.requireNonNull(this.state.credit(entry.creditId()), "loaded for the reversal");
				this.state.update(credit.withRemaining(credit.remaining().add(onCredit)));
			}
		}
		for (String itemId : provisional) {
			// the payment declared what it paid: taken back, it was never owed
			Obligation item = this.state.item(itemId);
			if (item.outstanding().signum() > 0) {
				this.reductions.takeOff(item, item.outstanding());
			}
		}
		for (String key : reopened) {
			String[] parts = key.split("\u001F");
			this.offsets.offset(parts[0], parts[1]);
		}
	}

	/** The taxpayer whose account a payment's own entry credited (its item or its credit), or null for another. */
	private static @Nullable String paidTo(LedgerEntry entry) {
		return (entry.type() == LedgerEntry.Type.PAYMENT_APPLIED || entry.type() == LedgerEntry.Type.PAYMENT_CREDITED)
				? entry.credit().mst() : null;
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

}

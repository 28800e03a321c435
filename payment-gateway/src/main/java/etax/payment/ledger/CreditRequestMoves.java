package etax.payment.ledger;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.payment.ledger.Allocation.Paid;

/**
 * What a taxpayer's request about its overpayment (01/ĐNXLNT, VN-ETAX §5.7), once two officers approved it, does
 * to a general credit: an amount offset against a named item, of the taxpayer or of another MST, or refunded; and
 * a refund the treasury refused, taken back. Apart from the offsets of {@link CreditOffsets} because these move an
 * amount someone asked for, dated with the day they are carried out: the money counts for the item it pays from
 * the day of the approval, not from its payment (a request is no overpayment offset by law).
 */
final class CreditRequestMoves {

	private final AllocationState state;

	CreditRequestMoves(AllocationState state) {
		this.state = state;
	}

	/**
	 * Offsets an amount of a credit against an item: a {@code CREDIT_OFFSET} entry, taxpayer credit / taxpayer
	 * obligation, dated with the day of the transaction.
	 * @param creditId a general credit, loaded, with at least the amount left
	 * @param itemId an item, loaded, owing at least the amount
	 * @param amount whole VND
	 * @return the entry
	 */
	LedgerEntry offset(UUID creditId, String itemId, BigDecimal amount) {
		Credit credit = this.state.credit(creditId);
		Obligation item = Objects.requireNonNull(this.state.find(itemId), "loaded for the request");
		LedgerEntry entry = new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.CREDIT_OFFSET, credit.account(),
				item.account(), amount, this.state.today(), item.itemId(), credit.postingId(), credit.creditId(),
				credit.paymentKey(), null);
		this.state.append(entry);
		this.state.update(item.withOutstanding(item.outstanding().subtract(amount)));
		this.state.update(credit.withRemaining(credit.remaining().subtract(amount)));
		this.state.paid(new Paid(item.itemId(), credit.paymentKey(), credit.postingId(), this.state.today(), amount));
		return entry;
	}

	/**
	 * Refunds an amount of a credit: a {@code CREDIT_REFUNDED} entry, taxpayer credit / refund payable, dated with
	 * the day of the transaction; the treasury's payment of the refund order clears the payable.
	 * @param creditId a general credit, loaded, with at least the amount left
	 * @param amount whole VND
	 * @return the entry
	 */
	LedgerEntry refund(UUID creditId, BigDecimal amount) {
		Credit credit = this.state.credit(creditId);
		LedgerEntry entry = new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.CREDIT_REFUNDED, credit.account(),
				Account.refund(credit.mst(), credit.subItem()), amount, this.state.today(), null, credit.postingId(),
				credit.creditId(), credit.paymentKey(), null);
		this.state.append(entry);
		this.state.update(credit.withRemaining(credit.remaining().subtract(amount)));
		return entry;
	}

	/**
	 * Takes back a refund the treasury refused: its reversal gives the amount back to the credit it came from,
	 * which is the taxpayer's again, offset like any general credit.
	 * @param refund the refund's entry, not reversed yet; its credit loaded
	 */
	void restore(LedgerEntry refund) {
		Credit credit = this.state.credit(Objects.requireNonNull(refund.creditId()));
		this.state.append(refund.reversal(TimeOrderedIds.next(), this.state.today()));
		this.state.update(credit.withRemaining(credit.remaining().add(refund.amount())));
	}

}

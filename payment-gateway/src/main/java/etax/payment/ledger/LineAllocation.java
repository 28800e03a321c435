package etax.payment.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import etax.payment.ledger.Allocation.Paid;
import etax.payment.ledger.Allocation.PaymentLine;
import org.jspecify.annotations.Nullable;

/**
 * Where the money of one payment line goes (VN-ETAX §5.7, ADR 0006): first to the payable item it names,
 * when that item is the payer's and of the line's sub-item; an item not known yet, or one of another
 * taxpayer, makes the whole line wait as a credit naming it (the latter until an officer acts: it is never
 * offset); what is not named goes to the payer's open items of the sub-item in the allocation order; what is
 * left is a provisional payment's obligation, paid at once, where the line is one ({@link ProvisionalPayments}),
 * else a general credit. The only step that takes new money in, so the only one that debits the treasury
 * receivable.
 */
final class LineAllocation {

	private final AllocationState state;

	private final OpenItems openItems;

	LineAllocation(AllocationState state, OpenItems openItems) {
		this.state = state;
		this.openItems = openItems;
	}

	/**
	 * Allocates one line of a payment.
	 * @param line the line, in VND
	 */
	void pay(PaymentLine line) {
		BigDecimal remaining = line.amountVnd();
		Obligation named = (line.payableItemId() != null) ? this.state.find(line.payableItemId()) : null;
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
			remaining = remaining.subtract(apply(line, named, remaining));
		}
		for (Obligation item : this.openItems.of(line.mst(), line.subItem(), line.paymentDate())) {
			if (remaining.signum() == 0) {
				break;
			}
			remaining = remaining.subtract(apply(line, item, remaining));
		}
		if (remaining.signum() > 0 && ProvisionalPayments.isProvisional(line, this.state)) {
			Obligation provisional = ProvisionalPayments.obligation(line, remaining);
			this.state.book(provisional);
			this.state.append(LedgerEntry.booking(provisional, this.state.today()));
			remaining = remaining.subtract(apply(line, provisional, remaining));
		}
		if (remaining.signum() > 0) {
			credit(line, remaining, null);
		}
	}

	private BigDecimal apply(PaymentLine line, Obligation item, BigDecimal available) {
		BigDecimal amount = available.min(this.state.item(item.itemId()).outstanding());
		if (amount.signum() > 0) {
			this.state.append(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.PAYMENT_APPLIED,
					Account.receivable(line.treasuryCode(), line.subItem()), item.account(), amount, line.paymentDate(),
					item.itemId(), line.postingId(), null, line.paymentKey(), null));
			this.state.update(item.withOutstanding(this.state.item(item.itemId()).outstanding().subtract(amount)));
			this.state.paid(new Paid(item.itemId(), line.paymentKey(), line.postingId(), line.paymentDate(), amount));
		}
		return amount;
	}

	/** Keeps what is left of a line as the payer's credit, general or waiting for the item it names. */
	private void credit(PaymentLine line, BigDecimal amount, @Nullable String namedItemId) {
		UUID creditId = UUID
			.nameUUIDFromBytes(("etax.payment\u001Fcredit\u001F" + line.postingId()).getBytes(StandardCharsets.UTF_8));
		Credit credit = new Credit(creditId, line.mst(), line.subItem(), namedItemId, line.postingId(),
				line.paymentKey(), amount, amount, line.paymentDate(), this.state.nextCreditSeq());
		this.state.create(credit);
		this.state.append(new LedgerEntry(TimeOrderedIds.next(), LedgerEntry.Type.PAYMENT_CREDITED,
				Account.receivable(line.treasuryCode(), line.subItem()), credit.account(), amount, line.paymentDate(),
				namedItemId, line.postingId(), creditId, line.paymentKey(), null));
	}

}

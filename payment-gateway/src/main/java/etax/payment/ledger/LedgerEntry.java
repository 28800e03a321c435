package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import etax.ids.TimeOrderedIds;
import org.jspecify.annotations.Nullable;

/**
 * One double-entry movement: the same amount debited to one account and credited to another. Stored
 * as two ledger lines, never changed; a correction is another entry with the accounts swapped that
 * names the one it reverses.
 *
 * @param entryId the entry
 * @param type what happened
 * @param debit the account debited
 * @param credit the account credited
 * @param amount whole VND, positive
 * @param valueDate the business date it counts from (payment date, booking date)
 * @param itemId the obligation it concerns, if any
 * @param postingId the payment line (treasury posting) it comes from, if any
 * @param creditId the taxpayer credit it moves, if any
 * @param paymentKey the payment it comes from ({@code bankCode:bankReference}), if any
 * @param reverses the entry it reverses, for a reversal
 * @param reductionId the reduction (a supplement's negative payable item) it books, if any
 */
record LedgerEntry(UUID entryId, Type type, Account debit, Account credit, BigDecimal amount, LocalDate valueDate,
		@Nullable String itemId, @Nullable UUID postingId, @Nullable UUID creditId, @Nullable String paymentKey,
		@Nullable UUID reverses, @Nullable String reductionId) {

	/** An entry that books no reduction. */
	LedgerEntry(UUID entryId, Type type, Account debit, Account credit, BigDecimal amount, LocalDate valueDate,
			@Nullable String itemId, @Nullable UUID postingId, @Nullable UUID creditId, @Nullable String paymentKey,
			@Nullable UUID reverses) {
		this(entryId, type, debit, credit, amount, valueDate, itemId, postingId, creditId, paymentKey, reverses, null);
	}

	/** The booking of an obligation on a day: taxpayer obligation / budget revenue, its whole amount. */
	static LedgerEntry booking(Obligation item, LocalDate day) {
		return new LedgerEntry(TimeOrderedIds.next(), Type.OBLIGATION_BOOKED, item.account(),
				Account.revenue(item.subItem()), item.amount(), day, item.itemId(), null, null, null, null);
	}

	/** What an entry records. */
	enum Type {

		/** An obligation booked: taxpayer obligation / budget revenue. */
		OBLIGATION_BOOKED,
		/** A payment line applied to an obligation: treasury receivable / taxpayer obligation. */
		PAYMENT_APPLIED,
		/** A payment line kept as the taxpayer's credit: treasury receivable / taxpayer credit. */
		PAYMENT_CREDITED,
		/** A credit applied to an obligation: taxpayer credit / taxpayer obligation. */
		CREDIT_APPLIED,
		/**
		 * A credit offset on the taxpayer's request (01/ĐNXLNT) against an item of its own or of another taxpayer:
		 * taxpayer credit / taxpayer obligation, dated with the day it was approved, not with the credit's payment.
		 */
		CREDIT_OFFSET,
		/** A credit refunded on the taxpayer's request (01/ĐNXLNT): taxpayer credit / refund payable. */
		CREDIT_REFUNDED,
		/** A refund order the treasury paid out: refund payable / treasury. */
		REFUND_PAID,
		/** A posting the treasury confirmed: treasury / treasury receivable (swapped for a reversal). */
		POSTING_CONFIRMED,
		/**
		 * A re-coding the treasury confirmed: treasury under the sub-item the money went to / treasury under the
		 * sub-item it left.
		 */
		RECODING_CONFIRMED,
		/**
		 * Tax taken off an obligation by a supplement that lowered it: budget revenue / taxpayer obligation,
		 * the booking's accounts swapped for part of its amount.
		 */
		OBLIGATION_REDUCED,
		/**
		 * What was paid on a reduced obligation beyond its new total, moved to the taxpayer's credit: taxpayer
		 * obligation / taxpayer credit, dated with the day it was paid.
		 */
		OVERPAYMENT_CREDITED,
		/** The reversal of an entry. */
		REVERSAL

	}

	/**
	 * Whether it moves a taxpayer's money to another coding at the treasury: a credit of one sub-item applied to an
	 * obligation of another, or of another taxpayer (an offset on request), or such an application reversed. The
	 * money leaves the debited account's coding.
	 */
	boolean needsRecoding() {
		return isTaxpayers(this.debit) && isTaxpayers(this.credit) && (!this.debit.subItem().equals(this.credit.subItem())
				|| !Objects.equals(this.debit.mst(), this.credit.mst()));
	}

	private static boolean isTaxpayers(Account account) {
		return account.kind() == Account.Kind.TAXPAYER_CREDIT || account.kind() == Account.Kind.TAXPAYER_OBLIGATION;
	}

	LedgerEntry reversal(UUID entryId, LocalDate valueDate) {
		return new LedgerEntry(entryId, Type.REVERSAL, this.credit, this.debit, this.amount, valueDate, this.itemId,
				this.postingId, this.creditId, this.paymentKey, this.entryId, this.reductionId);
	}

}

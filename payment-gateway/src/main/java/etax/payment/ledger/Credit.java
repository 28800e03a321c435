package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Money a taxpayer paid that is not applied to an obligation: it waits for the item it names, or it is
 * an overpayment offset against the next item of its sub-item that falls due.
 *
 * @param creditId the credit
 * @param mst the taxpayer
 * @param subItem the sub-item it was paid under
 * @param namedItemId the payable item it waits for, or null for a general credit
 * @param postingId the payment line it comes from
 * @param paymentKey the payment it comes from
 * @param amount what was credited, whole VND
 * @param remaining what is left
 * @param paidOn the day the money it holds was paid (the bank-confirmed payment date): applied later to an
 * item, it counts as paid on that day (VN-ETAX §5.3, §5.6)
 * @param createdSeq the order of creation, {@link Long#MAX_VALUE} until stored
 */
record Credit(UUID creditId, String mst, String subItem, @Nullable String namedItemId, UUID postingId,
		String paymentKey, BigDecimal amount, BigDecimal remaining, LocalDate paidOn, long createdSeq) {

	/** The same credit holding more: more money of its line and day moved to it before it was stored. */
	Credit grownBy(BigDecimal more) {
		return new Credit(this.creditId, this.mst, this.subItem, this.namedItemId, this.postingId, this.paymentKey,
				this.amount.add(more), this.remaining.add(more), this.paidOn, this.createdSeq);
	}

	Credit withRemaining(BigDecimal value) {
		return new Credit(this.creditId, this.mst, this.subItem, this.namedItemId, this.postingId, this.paymentKey,
				this.amount, value, this.paidOn, this.createdSeq);
	}

	Credit general() {
		return new Credit(this.creditId, this.mst, this.subItem, null, this.postingId, this.paymentKey, this.amount,
				this.remaining, this.paidOn, this.createdSeq);
	}

	Account account() {
		return Account.credit(this.mst, this.subItem);
	}

}

package etax.declaration.payable;

import java.util.List;
import java.util.Optional;

import etax.ids.TimeOrderedIds;
import etax.schemas.RefundClawback;

/**
 * The payable item of the refund a supplement pays back (01/KHBS section B [14], VN-ETAX.md §1.4, §5.6): under the
 * budget sub-item the refund was paid from, the return's period, due the day before the refund was received, so that
 * the late-payment interest the ledger assesses from the day after an item's due date runs from the day received.
 * <p>
 * [14] is the whole of one refund to pay back, not a supplement's increase: each supplement's summary declares it
 * again in full. A refund is the same refund when its sub-item and day received are; of it a supplement charges what
 * it adds to the most the chain's returns accepted before it declared, which is what they charged between them. A
 * supplement that repeats an earlier one's clawback charges nothing, one that raises it charges the rise, another
 * refund (a new day received, under the same sub-item or not) is charged whole. A lower figure, or none, takes
 * nothing back. The intake warns of a lower figure and of a new day under a sub-item already charged (CTX-DUP-13,
 * -14, {@code submission.ChainClawbacks}, which reads the chain the same way).
 */
final class RefundClawbacks {

	/** The indicator of the item: [14] of the supplement's 01/KHBS, named as the form rules name it. */
	static final String INDICATOR = "PL01_KHBS.ct14";

	private RefundClawbacks() {
	}

	/**
	 * @param accepted an accepted return
	 * @param reference the payment reference the item takes
	 * @return the item, if the return pays back a refund the chain has not charged in full yet
	 */
	static Optional<PayableItem> itemOf(AcceptedReturn accepted, String reference) {
		RefundClawback clawback = accepted.clawback();
		if (clawback == null || clawback.subItem() == null || clawback.receivedOn() == null) {
			return Optional.empty();
		}
		long amount = clawedBack(clawback, accepted.chainClawbacks());
		if (amount <= 0) {
			return Optional.empty();
		}
		return Optional.of(new PayableItem(TimeOrderedIds.next(), accepted.chapter(), clawback.subItem(), INDICATOR,
				VoucherPeriods.of(accepted.period()), amount, clawback.receivedOn().minusDays(1), reference));
	}

	/**
	 * @param clawback the refund a supplement pays back
	 * @param chain the refunds the chain's returns accepted before it paid back
	 * @return what of it is not charged yet: 0 or less for nothing
	 */
	static long clawedBack(RefundClawback clawback, List<RefundClawback> chain) {
		long charged = chain.stream()
			.filter(clawback::sameRefundAs)
			.mapToLong(RefundClawback::amount)
			.max()
			.orElse(0);
		return clawback.amount() - charged;
	}

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An amount taken off what a taxpayer was charged. Either a supplementary return that lowered tax:
 * declaration-api announces the difference as a payable item with a negative amount (VN-ETAX §3.6, §5.7),
 * which reduces what the taxpayer was charged for the sub-item and period. Or interest taken back:
 * batch-processor announces {@code InterestCorrected} when less interest accrued on a payable item than it
 * published (a supplement lowered the tax, a payment was confirmed late), which reduces the interest
 * obligations booked on that item. Either way what was paid beyond the new total becomes the taxpayer's
 * credit.
 *
 * @param itemId the (negative) payable item of the supplement; for interest, the correction's event id
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the sub-item (for interest, the interest sub-item)
 * @param taxPeriod the period ({@code KY_THUE} format)
 * @param amount the decrease, whole VND, positive
 * @param dueDate the due date the event carries (the original deadline); for interest, the day whose run
 * found the excess
 * @param sourceEventId the event
 * @param contentHash over its content, to tell a duplicate from a conflict
 * @param baseItemId for interest, the payable item whose interest it takes back
 * @param assessedFor for interest, the day whose run found the excess
 */
record Reduction(String itemId, String mst, String chapter, String subItem, String taxPeriod, BigDecimal amount,
		LocalDate dueDate, UUID sourceEventId, String contentHash, @Nullable String baseItemId,
		@Nullable LocalDate assessedFor) implements Booking {

	/** A supplement's decrease of tax. */
	Reduction(String itemId, String mst, String chapter, String subItem, String taxPeriod, BigDecimal amount,
			LocalDate dueDate, UUID sourceEventId, String contentHash) {
		this(itemId, mst, chapter, subItem, taxPeriod, amount, dueDate, sourceEventId, contentHash, null, null);
	}

	/** Whether it takes back interest rather than tax. */
	boolean ofInterest() {
		return this.baseItemId != null;
	}

	/** The key of the obligations a decrease of tax reduces. */
	String chargeKey() {
		return Allocation.chargeKey(this.mst, this.subItem, this.taxPeriod);
	}

}

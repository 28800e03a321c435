package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A supplementary return that lowered tax: declaration-api announces the difference as a payable item with
 * a negative amount (VN-ETAX §3.6, §5.7). It reduces what the taxpayer was charged for the sub-item and
 * period; what was paid beyond the new total becomes the taxpayer's credit.
 *
 * @param itemId the (negative) payable item of the supplement
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the sub-item
 * @param taxPeriod the period ({@code KY_THUE} format)
 * @param amount the decrease, whole VND, positive
 * @param dueDate the due date the event carries (the original deadline)
 * @param sourceEventId the event
 * @param contentHash over its content, to tell a duplicate from a conflict
 */
record Reduction(String itemId, String mst, String chapter, String subItem, String taxPeriod, BigDecimal amount,
		LocalDate dueDate, UUID sourceEventId, String contentHash) implements Booking {

	/** The key of the obligations it reduces. */
	String chargeKey() {
		return Allocation.chargeKey(this.mst, this.subItem, this.taxPeriod);
	}

}

package etax.declaration.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import etax.declaration.payable.PayableItem;
import org.jspecify.annotations.Nullable;

/**
 * One return of a chain (VN-ETAX.md §1.4, §3.6: the original and the supplements of one taxpayer, form,
 * period, activity and dependent unit), as {@code GET /api/v1/returns/{id}/chain} shows it: what it is,
 * what was decided, what it changed against the return in force when it was filed, and the payable items
 * it created (for an accepted supplement, the differences).
 *
 * @param id the return
 * @param transactionCode its transaction code
 * @param filingType {@code C} original, {@code B} supplement
 * @param submissionNumber {@code soLan}: 0 for an original, 1, 2, … for supplements
 * @param status accepted or not
 * @param receivedAt its postmark
 * @param current whether it is the accepted return in force now (the last one accepted)
 * @param comparedWith the accepted return in force when it was filed, which {@code changes} compare it with;
 * {@code null} for the first return of the chain
 * @param changes every indicator whose value differs from that return's, in natural order of their names; none
 * shown to a caller who may not read that return
 * @param payableItems the payable items it created
 */
public record ChainedReturn(UUID id, String transactionCode, String filingType, int submissionNumber, ReturnStatus status,
		Instant receivedAt, boolean current, @Nullable UUID comparedWith, List<IndicatorChange> changes,
		List<PayableItem> payableItems) {

	/**
	 * This return as a caller who may not read the return it is compared with sees it: that return's id only, and
	 * only once this one was accepted (its signature vouched for it); a return not accepted names none, or anyone
	 * could learn whether a taxpayer has an accepted return of a period by filing an unsigned one.
	 */
	ChainedReturn comparedWithUnreadable() {
		boolean vouched = this.status == ReturnStatus.ACCEPTED;
		return new ChainedReturn(this.id, this.transactionCode, this.filingType, this.submissionNumber, this.status,
				this.receivedAt, this.current, vouched ? this.comparedWith : null, List.of(), this.payableItems);
	}

	/**
	 * An indicator that changed.
	 * @param indicator its element name, e.g. {@code ct40}
	 * @param before the value in the return compared with, {@code null} if it had none
	 * @param after the value in this return, {@code null} if it has none
	 */
	public record IndicatorChange(String indicator, @Nullable String before, @Nullable String after) {

	}

}

package etax.batch.interest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import etax.batch.interest.InterestReference.InterestSubItem;

/**
 * The item of {@code interestAssessmentJob}: the interest one payable item accrued on one day.
 *
 * @param basis the payable item as read
 * @param assessedFor the day
 * @param interestSubItem where the interest is booked
 * @param amount the interest of the day, whole VND, zero when nothing accrued or when more was
 * assessed before than has accrued since (a payment confirmed late)
 * @param accruedTotal all interest assessed on the item through the day
 */
record Assessment(InterestBasis basis, LocalDate assessedFor, InterestSubItem interestSubItem, long amount,
		long accruedTotal) {

	private static final String NAMESPACE = "etax.batch.interest\u001F";

	/**
	 * The event id, named after the item and the day: an assessment published again, by a restart or a
	 * second run, is the same event, which the ledger books once.
	 * @return a name-based UUID of the payable item and the day
	 */
	UUID eventId() {
		return eventId(this.basis.payableItemId(), this.assessedFor);
	}

	static UUID eventId(String payableItemId, LocalDate assessedFor) {
		return UUID.nameUUIDFromBytes((NAMESPACE + payableItemId + '\u001F' + assessedFor).getBytes(StandardCharsets.UTF_8));
	}

	String payableItemId() {
		return this.basis.payableItemId();
	}

}

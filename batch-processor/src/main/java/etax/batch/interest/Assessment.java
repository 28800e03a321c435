package etax.batch.interest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import etax.batch.interest.InterestReference.InterestSubItem;

/**
 * The item of {@code interestAssessmentJob}: how the interest published on one payable item changes on one
 * day.
 *
 * @param basis the payable item as read
 * @param assessedFor the day
 * @param interestSubItem where the interest is booked
 * @param amount the change, whole VND: positive, the interest assessed for the day; negative, what is
 * taken back because less has accrued than was published (a supplement lowered the tax, a payment was
 * confirmed after its day was assessed); zero when nothing changes
 * @param accruedTotal all interest published on the item through the day once this is
 */
record Assessment(InterestBasis basis, LocalDate assessedFor, InterestSubItem interestSubItem, long amount,
		long accruedTotal) {

	private static final String NAMESPACE = "etax.batch.interest\u001F";

	/**
	 * The event id, named after the item, the day and, for a correction, its kind: an assessment or
	 * correction published again, by a restart or a second run, is the same event, which the ledger books
	 * once.
	 * @return a name-based UUID
	 */
	UUID eventId() {
		return (this.amount < 0) ? correctionId(this.basis.payableItemId(), this.assessedFor)
				: eventId(this.basis.payableItemId(), this.assessedFor);
	}

	/** The id of an assessment (named after the item and the day alone, as since version 1). */
	static UUID eventId(String payableItemId, LocalDate assessedFor) {
		return UUID.nameUUIDFromBytes((NAMESPACE + payableItemId + '\u001F' + assessedFor).getBytes(StandardCharsets.UTF_8));
	}

	/** The id of a correction: the item, the day and the kind. */
	static UUID correctionId(String payableItemId, LocalDate assessedFor) {
		return UUID.nameUUIDFromBytes((NAMESPACE + payableItemId + '\u001F' + assessedFor + '\u001F' + Kind.CORRECTED)
			.getBytes(StandardCharsets.UTF_8));
	}

	String payableItemId() {
		return this.basis.payableItemId();
	}

	Kind kind() {
		return (this.amount < 0) ? Kind.CORRECTED : Kind.ASSESSED;
	}

	/** What is recorded and published: the interest assessed, or what is taken back; positive. */
	long recorded() {
		return Math.abs(this.amount);
	}

	/** What a recorded row is: interest assessed for the day, or interest taken back on it. */
	enum Kind {

		ASSESSED, CORRECTED

	}

}

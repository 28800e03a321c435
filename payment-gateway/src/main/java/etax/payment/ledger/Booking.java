package etax.payment.ledger;

import java.util.UUID;

/**
 * What one event of {@code etax.payable-items.v1} or {@code etax.assessments.v1} books: an obligation, or
 * the reduction a supplement that lowered tax announces (a negative payable item).
 */
sealed interface Booking permits Obligation, Reduction {

	/** The payable item (for interest: the assessment's event id) the event announces. */
	String itemId();

	String mst();

	/** The event, de-duplicated on. */
	UUID sourceEventId();

	String contentHash();

}

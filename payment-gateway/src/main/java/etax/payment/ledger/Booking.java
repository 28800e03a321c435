package etax.payment.ledger;

import java.util.UUID;

/**
 * What one event of {@code etax.payable-items.v1} or {@code etax.assessments.v1} books: an obligation, the
 * reduction a supplement that lowered tax announces (a negative payable item), or the year's tax a finalization
 * declared, which moves no money.
 */
sealed interface Booking permits Obligation, Reduction, AnnualTax {

	/** The payable item (for interest: the assessment's event id) the event announces. */
	String itemId();

	String mst();

	/** The event, de-duplicated on. */
	UUID sourceEventId();

	String contentHash();

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one transaction changed in a taxpayer's allocations, on {@value #TOPIC} keyed by the MST through
 * the outbox, so that the filing side can show a return as paid. Sent once per change (consumers
 * de-duplicate on the event id, since the outbox delivers at least once).
 *
 * @param eventId the event id
 * @param type always {@value #TYPE}
 * @param version always 1
 * @param mst the taxpayer
 * @param occurredAt when the allocation was committed
 * @param allocations amounts applied to (or, reversed, taken back from) payable items, and taken off them by
 * supplements that lowered tax
 * @param credits amounts kept as the taxpayer's credit, also what a reduction left paid beyond an item's new
 * total
 */
public record PaymentAllocated(UUID eventId, String type, int version, String mst, Instant occurredAt,
		List<Allocated> allocations, List<Credited> credits) {

	public static final String TOPIC = "etax.payments.v1";

	public static final String TYPE = "PaymentAllocated";

	/**
	 * @param payableItemId the item
	 * @param kind {@code APPLIED}, {@code REVERSED}, or {@code REDUCED} (a supplement took the amount off
	 * the tax the item charges)
	 * @param amount whole VND
	 * @param postingId the payment line the money came from (none for a reduction)
	 * @param outstandingAfter what the item still owes after this event
	 * @param settled whether it owes nothing
	 */
	public record Allocated(String payableItemId, String kind, BigDecimal amount, @Nullable UUID postingId,
			BigDecimal outstandingAfter, boolean settled) {

	}

	/**
	 * @param postingId the payment line
	 * @param amount whole VND
	 * @param waitingForItem the payable item the credit waits for, or null for an overpayment
	 */
	public record Credited(UUID postingId, BigDecimal amount, @Nullable String waitingForItem) {

	}

}

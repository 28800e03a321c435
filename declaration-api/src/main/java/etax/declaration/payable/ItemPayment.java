package etax.declaration.payable;

import java.time.Instant;
import java.util.UUID;

/**
 * What a payment (or its reversal) did to one payable item, as the gateway announced it
 * ({@code PaymentAllocated} on {@code etax.payments.v1}).
 *
 * @param payableItemId the item
 * @param outstandingAfter what it still owes
 * @param settled whether it owes nothing
 * @param at when the gateway allocated it
 */
public record ItemPayment(UUID payableItemId, long outstandingAfter, boolean settled, Instant at) {

}

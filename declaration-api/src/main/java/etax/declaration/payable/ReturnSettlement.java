package etax.declaration.payable;

import java.time.Instant;
import java.util.UUID;

/**
 * A return whose payable items went from owing something to owing nothing, or back (a payment reversed).
 *
 * @param returnId the return
 * @param settled whether its items now owe nothing
 * @param at when the last payment that changed it was allocated
 */
public record ReturnSettlement(UUID returnId, boolean settled, Instant at) {

}

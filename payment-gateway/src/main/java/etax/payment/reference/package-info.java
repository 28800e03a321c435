/**
 * Reference data with effective dates that the gateway checks and allocates by: budget chapters,
 * economic sub-items (NDKT) and the allocation order (VN-ETAX §5.7). Data, not code: read from
 * {@code payment.budget_chapter}, {@code payment.economic_sub_item} and {@code payment.allocation_order}.
 */
@NullMarked
package etax.payment.reference;

import org.jspecify.annotations.NullMarked;

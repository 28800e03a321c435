/**
 * The HTTP read side of confirmations: what was recorded, what was rejected. Part of the
 * {@code confirmation} module.
 */
@NullMarked
package etax.payment.confirmation.web;

import org.jspecify.annotations.NullMarked;

/**
 * The payment gateway: records bank payment confirmations exactly once ({@code confirmation}) and
 * requests their posting to the State Treasury ({@code treasury}). Its state lives in the PostgreSQL
 * schema {@code payment}; everything it announces leaves through the transactional outbox.
 */
@NullMarked
package etax.payment;

import org.jspecify.annotations.NullMarked;

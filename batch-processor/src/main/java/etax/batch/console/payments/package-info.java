/**
 * The payments dead-letter queue of payment-gateway: bank messages it could not record, and their
 * re-drive, through the gateway's API with the officer's token.
 */
@NullMarked
package etax.batch.console.payments;

import org.jspecify.annotations.NullMarked;

/**
 * payment-gateway's lists that need an officer, read through its API with the officer's token: the
 * payments dead-letter queue (bank messages it could not record, and their re-drive, confirmed first),
 * credits held because a payment named another taxpayer's item, and treasury postings refused or not
 * acked in time.
 */
@NullMarked
package etax.batch.console.payments;

import org.jspecify.annotations.NullMarked;

/**
 * Uploads that declaration-api did not receive (its intake audit, ADR 0012): refused, malformed or not a
 * valid return, read with the officer's token so that declaration-api decides whose lines the officer sees.
 */
@NullMarked
package etax.batch.console.intake;

import org.jspecify.annotations.NullMarked;

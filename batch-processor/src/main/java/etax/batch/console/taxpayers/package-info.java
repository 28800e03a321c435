/**
 * A taxpayer's position for officers: returns, payable items and deadline extensions from declaration-api,
 * balance and ledger from payment-gateway, each read with the officer's token; extensions granted and revoked
 * there, confirmed first and audited.
 */
@NullMarked
package etax.batch.console.taxpayers;

import org.jspecify.annotations.NullMarked;

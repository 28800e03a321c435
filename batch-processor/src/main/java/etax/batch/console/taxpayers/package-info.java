/**
 * A taxpayer's position for officers: returns and payable items from declaration-api, balance and ledger
 * from payment-gateway, each read with the officer's token.
 */
@NullMarked
package etax.batch.console.taxpayers;

import org.jspecify.annotations.NullMarked;

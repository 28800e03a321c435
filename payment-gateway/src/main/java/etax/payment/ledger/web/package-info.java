/**
 * The HTTP read side of the ledger: a taxpayer's balance and ledger lines. Part of the {@code ledger}
 * module.
 */
@NullMarked
package etax.payment.ledger.web;

import org.jspecify.annotations.NullMarked;

/**
 * The HTTP read side of the ledger: a taxpayer's balance and ledger lines, and the credits held for an
 * officer. Part of the {@code ledger} module.
 */
@NullMarked
package etax.payment.ledger.web;

import org.jspecify.annotations.NullMarked;

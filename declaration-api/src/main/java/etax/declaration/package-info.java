/**
 * declaration-api: receives tax returns, answers with a receipt and an acceptance notice, and announces
 * accepted returns.
 */
@NullMarked
package etax.declaration;

import org.jspecify.annotations.NullMarked;

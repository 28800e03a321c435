/** Reconciliation days: their status, totals, files and lines, and a run of a day. */
@NullMarked
package etax.batch.console.reconciliation;

import org.jspecify.annotations.NullMarked;

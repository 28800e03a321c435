/**
 * Bulk filings (batches, their items and findings, retry of a failed item) and the job executions of
 * every job (restart of a failed one), for officers.
 */
@NullMarked
package etax.batch.console.batches;

import org.jspecify.annotations.NullMarked;

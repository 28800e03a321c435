/**
 * Filings as batch-processor learns of them: the {@code ReturnAccepted} and {@code ReturnRejected} events
 * of {@code etax.declarations.v1}, recorded once each in {@code batch.filed_return}. That table is the
 * input of the jobs that count filings; batch-processor never reads declaration-api's schema.
 */
@NullMarked
package etax.batch.filing;

import org.jspecify.annotations.NullMarked;

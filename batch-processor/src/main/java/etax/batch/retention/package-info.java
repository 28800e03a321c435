/**
 * Retention of Spring Batch metadata: {@code metadataRetentionJob} removes job executions that ended
 * longer ago than {@code etax.batch.retention.max-age}, with their steps, contexts and parameters, and
 * the job instances left without executions. Run nightly by its schedule or over HTTP.
 */
@NullMarked
package etax.batch.retention;

import org.jspecify.annotations.NullMarked;

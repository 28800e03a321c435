/**
 * Job executions of every job of this service, read from the Spring Batch job repository in schema
 * {@code batch}: launch, restart, list. Jobs themselves live in their feature packages.
 */
@NullMarked
package etax.batch.jobs;

import org.jspecify.annotations.NullMarked;

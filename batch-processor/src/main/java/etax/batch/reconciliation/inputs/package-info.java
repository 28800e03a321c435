/**
 * The bank and treasury legs of the reconciliation: daily files imported with COPY (HTTP or a watched
 * directory) and the treasury's acks from {@code treasury.acks.v1}. Part of the {@code reconciliation}
 * module.
 */
@NullMarked
package etax.batch.reconciliation.inputs;

import org.jspecify.annotations.NullMarked;

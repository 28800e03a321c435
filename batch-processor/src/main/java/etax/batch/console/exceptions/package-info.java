/**
 * The exceptions queue: reconciliation work items of the officer's tax office, worked through the
 * reconciliation's {@code WorkItems} (four eyes included).
 */
@NullMarked
package etax.batch.console.exceptions;

import org.jspecify.annotations.NullMarked;

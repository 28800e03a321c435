/**
 * The reconciliation benchmark: a day of voucher lines on the tax side (seeded into the gateway's
 * tables), the bank's file and the treasury's statement of the same size, imported and reconciled by
 * the running batch-processor, against a plain SQL join of the three inputs (the ceiling) in the same
 * run. Entry point: {@link etax.benchmarks.reconciliation.ReconciliationBenchmark}.
 */
@NullMarked
package etax.benchmarks.reconciliation;

import org.jspecify.annotations.NullMarked;

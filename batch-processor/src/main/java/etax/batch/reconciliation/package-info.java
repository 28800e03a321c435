/**
 * Three-way reconciliation (VN-ETAX §5.5): every day, every voucher line of the tax side (the gateway's
 * published view {@code payment.reconciliation_confirmation_lines_v1}), the banks' daily reconciliation
 * files and the treasury's statement and acks is classified in SQL by {@code reconciliationJob}; each
 * exception becomes a work item officers take through assign, resolve and, when money moves, a second
 * officer's approval. See docs/adr/0014-reconciliation.md.
 */
@NullMarked
package etax.batch.reconciliation;

import org.jspecify.annotations.NullMarked;

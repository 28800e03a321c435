/**
 * Correction requests (tra soát, VN-ETAX §5.5) from the reconciliation of tax, bank and treasury: an
 * officer's decision, approved by a second officer, recorded here as a new entry. Nothing recorded
 * before is changed; carrying a request out (a reclassification at the treasury, a bank's reversal, a
 * re-driven payment) is a later entry of its own. See docs/adr/0014-reconciliation.md.
 */
@NullMarked
package etax.payment.correction;

import org.jspecify.annotations.NullMarked;

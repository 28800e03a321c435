/**
 * Us → the State Treasury (KBNN): every recorded payment is posted line by line, by chapter, sub-item
 * (NDKT) and area, as {@link etax.payment.treasury.PostingRequested} events on
 * {@code treasury.postings.v1}; the treasury answers on {@code treasury.acks.v1}
 * ({@link etax.payment.treasury.PostingAcknowledged}), and unanswered postings are counted and listed. Money
 * the ledger moves between sub-items or taxpayers (an overpayment offset against another sub-item's item, or on
 * request against another MST's) is re-coded at the treasury by a posting of its own,
 * {@link etax.payment.treasury.RecodingRequested} (version 2); a refund on request is a refund order,
 * {@link etax.payment.treasury.RefundRequested} (version 3).
 */
@NullMarked
package etax.payment.treasury;

import org.jspecify.annotations.NullMarked;

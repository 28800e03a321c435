/**
 * Us → the State Treasury (KBNN): every recorded payment is posted line by line, by chapter, sub-item
 * (NDKT) and area, as {@link etax.payment.treasury.PostingRequested} events on
 * {@code treasury.postings.v1}; the treasury answers on {@code treasury.acks.v1}
 * ({@link etax.payment.treasury.PostingAcknowledged}), and unanswered postings are counted and listed. Money
 * the ledger moves between sub-items (an overpayment offset against another sub-item's item) is re-coded at the
 * treasury by a posting of its own, {@link etax.payment.treasury.RecodingRequested} (version 2).
 */
@NullMarked
package etax.payment.treasury;

import org.jspecify.annotations.NullMarked;

/**
 * Us → the State Treasury (KBNN): every recorded payment is posted line by line, by chapter, sub-item
 * (NDKT) and area, as {@link etax.payment.treasury.PostingRequested} events on
 * {@code treasury.postings.v1}; the treasury answers on {@code treasury.acks.v1}
 * ({@link etax.payment.treasury.PostingAcknowledged}), and unanswered postings are counted and listed.
 */
@NullMarked
package etax.payment.treasury;

import org.jspecify.annotations.NullMarked;

/**
 * Us → the State Treasury (KBNN): every recorded payment is posted line by line, by chapter, sub-item
 * (NDKT) and area, as {@link etax.payment.treasury.PostingRequested} events on
 * {@code treasury.postings.v1}. Treasury acks arrive in a later slice.
 */
@NullMarked
package etax.payment.treasury;

import org.jspecify.annotations.NullMarked;

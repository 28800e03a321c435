package etax.payment.confirmation;

import java.util.List;

/**
 * The booked confirmations one poll recorded for the first time, published in-process inside the
 * recording transaction so that listeners (treasury postings, the ledger) write atomically with it,
 * and in one batch, so that they can write in one round trip.
 *
 * @param payments the payments and reversals, in the order of the topic within each partition
 */
public record PaymentsRecorded(List<PaymentRecorded> payments) {

	/**
	 * The order of the treasury's listener: first, so that a line's posting is requested before the ledger may
	 * ask the treasury to re-code money of that line; both go on one topic under the payer's key, in the order
	 * appended.
	 */
	public static final int POSTINGS = 0;

	/** The order of the ledger's listener: after {@link #POSTINGS}. */
	public static final int LEDGER = 1;

	public PaymentsRecorded {
		payments = List.copyOf(payments);
	}

}

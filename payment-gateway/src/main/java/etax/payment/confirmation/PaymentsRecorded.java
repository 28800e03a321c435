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

	public PaymentsRecorded {
		payments = List.copyOf(payments);
	}

}

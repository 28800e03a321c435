package etax.payment.treasury;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Postings the treasury refused for the first time, published in-process inside the transaction that records the
 * acks: a refund order the ledger booked when it was approved is taken back in the same commit, so the money stays
 * owed to the taxpayer rather than lost between the ledger and the treasury.
 *
 * @param postings the postings
 */
public record PostingsRefused(List<Refused> postings) {

	public PostingsRefused {
		postings = List.copyOf(postings);
	}

	/**
	 * @param postingId the posting
	 * @param direction {@code PAYMENT}, {@code REVERSAL}, {@code RECODING} or {@code REFUND}
	 * @param mst the payer
	 * @param reason why, as the treasury said; null if it gave no reason
	 */
	public record Refused(UUID postingId, String direction, String mst, @Nullable String reason) {

	}

}

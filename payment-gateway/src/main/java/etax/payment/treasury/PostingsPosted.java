package etax.payment.treasury;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Postings the treasury confirmed as posted for the first time, published in-process inside the
 * transaction that records the acks, so that the ledger moves the money from the treasury receivable
 * to the treasury in the same commit.
 *
 * @param postings the postings
 */
public record PostingsPosted(List<Posted> postings) {

	public PostingsPosted {
		postings = List.copyOf(postings);
	}

	/**
	 * @param postingId the posting
	 * @param direction {@code PAYMENT}, {@code REVERSAL} (it took back a reversed payment's line), {@code RECODING}
	 * or {@code REFUND} (a refund order paid out to the taxpayer)
	 * @param mst the payer
	 * @param treasuryCode the treasury
	 * @param subItem the sub-item (for a re-coding, the one the money went to)
	 * @param amountVnd whole VND
	 * @param ackedAt when the treasury posted it
	 * @param fromSubItem for a re-coding ({@link RecodingRequested}), the sub-item the money left; null otherwise
	 */
	public record Posted(UUID postingId, String direction, String mst, String treasuryCode, String subItem,
			BigDecimal amountVnd, Instant ackedAt, @Nullable String fromSubItem) {

		/** Whether it took back a reversed payment's line. */
		public boolean reversal() {
			return "REVERSAL".equals(this.direction);
		}

		/** Whether it paid a refund order out to the taxpayer ({@link RefundRequested}). */
		public boolean refund() {
			return RefundRequested.DIRECTION.equals(this.direction);
		}

	}

}

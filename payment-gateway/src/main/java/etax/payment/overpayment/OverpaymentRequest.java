package etax.payment.overpayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A taxpayer's request about its overpayment (01/ĐNXLNT) as an officer recorded it, with the second officer's
 * decision once there is one.
 *
 * @param requestId the request
 * @param mst the taxpayer whose credit it is
 * @param creditId the credit
 * @param kind {@code REFUND} or {@code OFFSET}
 * @param amount whole VND
 * @param documentNumber the number of the taxpayer's 01/ĐNXLNT
 * @param target for an offset, the item the money goes to; null for a refund
 * @param payee for a refund, the taxpayer's bank account; null for an offset
 * @param requestedBy the officer who recorded it
 * @param requestedAt when
 * @param status {@code PENDING}, {@code APPROVED} or {@code REFUSED}
 * @param decision the second officer's decision, null while it is pending
 */
public record OverpaymentRequest(UUID requestId, String mst, UUID creditId, String kind, BigDecimal amount,
		String documentNumber, @Nullable Target target, @Nullable Payee payee, String requestedBy, Instant requestedAt,
		String status, @Nullable Decision decision) {

	/**
	 * The item an offset pays.
	 * @param mst its taxpayer: the requester's MST or another (a parent, a subsidiary)
	 * @param payableItemId the item
	 * @param relation for another MST, how the two are related, as the request says
	 */
	public record Target(String mst, String payableItemId, @Nullable String relation) {

	}

	/**
	 * The bank account a refund is paid into.
	 * @param bankCode the bank
	 * @param account the account number
	 * @param name the account holder
	 */
	public record Payee(String bankCode, String account, String name) {

	}

	/**
	 * What the second officer decided.
	 * @param outcome {@code APPROVED} or {@code REFUSED}
	 * @param decidedBy the officer
	 * @param reason why it was refused, as the officer said
	 * @param decidedAt when
	 * @param entryId the ledger entry that moved the money, for an approval
	 * @param postingId the treasury posting it asked for: the refund order, or the re-coding of an offset to
	 * another sub-item or taxpayer; null if none
	 * @param postingStatus where the treasury stands with it: {@code REQUESTED}, {@code POSTED} or {@code REFUSED}
	 * (a refused refund is the taxpayer's credit again)
	 */
	public record Decision(String outcome, String decidedBy, @Nullable String reason, Instant decidedAt,
			@Nullable UUID entryId, @Nullable UUID postingId, @Nullable String postingStatus) {

	}

}

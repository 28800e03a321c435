package etax.payment.ledger;

import org.jspecify.annotations.Nullable;

/**
 * A taxpayer's request about its credit (01/ĐNXLNT) that the ledger does not carry out, and why, in words an
 * officer acts on. The detail names no taxpayer: the officer knows the request.
 */
public final class CreditRequestRefusedException extends RuntimeException {

	/** Why a request is refused. */
	public enum Reason {

		/** The taxpayer has no credit of that id. */
		CREDIT_NOT_FOUND,

		/** The credit names an item: it waits for that item, or is held for an officer. */
		CREDIT_NOT_GENERAL,

		/** More than the credit has left. */
		EXCEEDS_CREDIT,

		/** The credit's money was paid more than ten years ago (VN-ETAX §5.7). */
		TIME_BARRED,

		/** The item to offset against is not booked. */
		ITEM_NOT_FOUND,

		/** The item to offset against owes nothing, or less than the amount. */
		ITEM_NOT_OPEN,

		/** A refund of a credit whose payment line the treasury refused, or has not posted yet. */
		CREDIT_NOT_POSTED,

		/** A refund of a credit whose payment line officers decided to reverse (a recorded REVERSE). */
		CREDIT_BEING_REVERSED

	}

	private final Reason reason;

	private CreditRequestRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public static CreditRequestRefusedException creditNotFound(Object creditId) {
		return new CreditRequestRefusedException(Reason.CREDIT_NOT_FOUND,
				"The taxpayer has no credit " + creditId + " in the ledger");
	}

	static CreditRequestRefusedException notGeneral(Object creditId) {
		return new CreditRequestRefusedException(Reason.CREDIT_NOT_GENERAL, "Credit " + creditId
				+ " names a payable item: it waits for that item, or is held for officers (resolve it with a correction "
				+ "request first); only a general credit is refunded or offset on request");
	}

	static CreditRequestRefusedException exceedsCredit(Object creditId, Object remaining) {
		return new CreditRequestRefusedException(Reason.EXCEEDS_CREDIT,
				"The amount is more than credit " + creditId + " has left (" + remaining + " VND)");
	}

	static CreditRequestRefusedException timeBarred(Object creditId, Object paidOn) {
		return new CreditRequestRefusedException(Reason.TIME_BARRED, "The money of credit " + creditId
				+ " was paid on " + paidOn + ", more than " + CreditOffsets.OFFSET_YEARS
				+ " years ago: it is neither refunded nor offset any more (Law 38/2019 Art. 60)");
	}

	public static CreditRequestRefusedException itemNotFound(String itemId) {
		return new CreditRequestRefusedException(Reason.ITEM_NOT_FOUND,
				"No payable item " + itemId + " of the named taxpayer is booked in the ledger");
	}

	static CreditRequestRefusedException itemNotOpen(String itemId, Object outstanding) {
		return new CreditRequestRefusedException(Reason.ITEM_NOT_OPEN, "Payable item " + itemId + " owes "
				+ outstanding + " VND: an offset pays no more than an item owes");
	}

	static CreditRequestRefusedException notPosted(Object creditId, @Nullable String postingStatus) {
		String posting = switch (String.valueOf(postingStatus)) {
			case "REFUSED" -> "the treasury refused the posting of the payment line its money was paid with";
			case "REQUESTED" -> "the treasury has not yet answered the posting of the payment line its money was paid with";
			default -> "no posting was requested of the payment line its money was paid with";
		};
		return new CreditRequestRefusedException(Reason.CREDIT_NOT_POSTED, "Credit " + creditId + " is not refunded: "
				+ posting + ", and a refund pays out only money the treasury posted; the credit may still be offset");
	}

	static CreditRequestRefusedException reversing(Object creditId, String correctionRequest) {
		return new CreditRequestRefusedException(Reason.CREDIT_BEING_REVERSED, "Credit " + creditId
				+ " is not refunded: correction request " + correctionRequest + " reverses the payment line its money "
				+ "was paid with, and that money goes back to the payer; the credit may still be offset");
	}

	public Reason reason() {
		return this.reason;
	}

}

package etax.payment.correction;

/**
 * A correction request the gateway does not record (or a proposal it does not take), and why, in words an
 * officer acts on.
 */
public final class CorrectionRefusedException extends RuntimeException {

	/** Why a request is refused. */
	public enum Reason {

		/** The caller may not approve: the token lacks the approver claim. */
		APPROVER_REQUIRED,

		/** The officer who approves is the one who decided (four eyes). */
		SAME_OFFICER,

		/** A proposal names another officer than the caller as the one who decided. */
		REQUESTER_NOT_CALLER,

		/** No officer proposed the request with their own token before it was approved. */
		NOT_PROPOSED,

		/** The request is incomplete or names a voucher it cannot be about. */
		INVALID,

		/** Another request was recorded (or proposed) under the same id. */
		CONFLICT,

		/** A REVERSE of a payment (or line) that is reversed already, by its bank or by a recorded request. */
		ALREADY_REVERSED,

		/** An APPLY_HELD or RELEASE_HELD of a held credit that officers resolved already. */
		HELD_CREDIT_RESOLVED,

		/** An office's officer acting on a payment of another tax office. */
		OUTSIDE_OFFICE,

		/** A proposal that was withdrawn, proposed or approved again. */
		WITHDRAWN,

		/** A withdrawal of a request an approver recorded already. */
		ALREADY_RECORDED,

		/** A withdrawal by an officer who neither proposed the request nor approves. */
		WITHDRAWAL_NOT_ALLOWED

	}

	private final Reason reason;

	private CorrectionRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public static CorrectionRefusedException approverRequired() {
		return new CorrectionRefusedException(Reason.APPROVER_REQUIRED,
				"Only an officer with the approver claim records a correction request");
	}

	public static CorrectionRefusedException sameOfficer(String officer) {
		return new CorrectionRefusedException(Reason.SAME_OFFICER, "The officer who decided a correction cannot approve it: "
				+ officer + " proposed it, another approver must decide");
	}

	public static CorrectionRefusedException requesterNotCaller(String requestedBy, String caller) {
		return new CorrectionRefusedException(Reason.REQUESTER_NOT_CALLER, "An officer proposes a correction only as "
				+ "themselves: the request names " + requestedBy + " as the officer who decided, the token is " + caller);
	}

	public static CorrectionRefusedException notProposed(Object id, String requestNumber) {
		return new CorrectionRefusedException(Reason.NOT_PROPOSED, "Correction request " + requestNumber + " (" + id
				+ ") was never proposed at the gateway by the officer who decided it: that officer proposes it with "
				+ "their own token (POST /api/v1/corrections/proposals), then a second officer approves it");
	}

	public static CorrectionRefusedException invalid(String detail) {
		return new CorrectionRefusedException(Reason.INVALID, detail);
	}

	public static CorrectionRefusedException conflict(Object id) {
		return new CorrectionRefusedException(Reason.CONFLICT,
				"Another correction request was recorded under id " + id);
	}

	public static CorrectionRefusedException notAsProposed(Object id, String proposedBy) {
		return new CorrectionRefusedException(Reason.CONFLICT, "Correction request " + id
				+ " is not the request " + proposedBy + " proposed under that id: an approver approves it as proposed");
	}

	public static CorrectionRefusedException reversedByBank(String voucher, String reversal, String kind) {
		return new CorrectionRefusedException(Reason.ALREADY_REVERSED, "The payment of " + voucher
				+ " is reversed already: the bank reversed it (reversal " + reversal + "); " + afterReversal(kind));
	}

	public static CorrectionRefusedException reversedByRequest(String voucher, String requestNumber, Object id,
			String kind) {
		return new CorrectionRefusedException(Reason.ALREADY_REVERSED, "The payment of " + voucher
				+ " is reversed already by correction request " + requestNumber + " (" + id + "); "
				+ afterReversal(kind));
	}

	private static String afterReversal(String kind) {
		return "REVERSE".equals(kind) ? "a REVERSE would take the money back a second time"
				: "a " + kind + " would move money that went back to the payer";
	}

	public static CorrectionRefusedException recordedBefore(String voucher, String kind, String requestNumber, Object id) {
		return new CorrectionRefusedException(Reason.CONFLICT, "The payment of " + voucher + " has a " + kind
				+ " recorded already, correction request " + requestNumber + " (" + id + "); another would move the "
				+ "same money a second time");
	}

	public static CorrectionRefusedException heldCreditResolved(String detail) {
		return new CorrectionRefusedException(Reason.HELD_CREDIT_RESOLVED, detail);
	}

	public static CorrectionRefusedException outsideOffice(String taxOffice, String voucher) {
		return new CorrectionRefusedException(Reason.OUTSIDE_OFFICE, "An officer of tax office " + taxOffice
				+ " acts only on payments of their office: the payment of " + voucher
				+ " is another office's (a national officer may act on it)");
	}

	public static CorrectionRefusedException withdrawn(Object id, CorrectionProposal.Withdrawal withdrawal) {
		return new CorrectionRefusedException(Reason.WITHDRAWN, "Correction request " + id + " was withdrawn by "
				+ withdrawal.withdrawnBy() + " at " + withdrawal.withdrawnAt() + " (" + withdrawal.reason()
				+ "): it is never recorded; a new decision is proposed under a new id");
	}

	public static CorrectionRefusedException alreadyRecorded(Object id, String approvedBy) {
		return new CorrectionRefusedException(Reason.ALREADY_RECORDED, "Correction request " + id
				+ " was recorded already, approved by " + approvedBy
				+ ": it is no longer withdrawn; a further correction request undoes what it does");
	}

	public static CorrectionRefusedException withdrawalNotAllowed(Object id, String proposedBy) {
		return new CorrectionRefusedException(Reason.WITHDRAWAL_NOT_ALLOWED, "Correction request " + id
				+ " is withdrawn by the officer who proposed it (" + proposedBy + "), by an approver, or by "
				+ "the reconciliation that keeps its work item");
	}

	public Reason reason() {
		return this.reason;
	}

}

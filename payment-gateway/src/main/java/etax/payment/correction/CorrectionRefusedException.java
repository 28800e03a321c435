package etax.payment.correction;

/**
 * A correction request the gateway does not record, and why.
 */
public final class CorrectionRefusedException extends RuntimeException {

	/** Why a request is refused. */
	public enum Reason {

		/** The caller may not approve: the token lacks the approver claim. */
		APPROVER_REQUIRED,

		/** The officer who approves is the one who decided (four eyes). */
		SAME_OFFICER,

		/** The request is incomplete or names a voucher it cannot be about. */
		INVALID,

		/** Another request was recorded under the same id. */
		CONFLICT

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

	public static CorrectionRefusedException sameOfficer() {
		return new CorrectionRefusedException(Reason.SAME_OFFICER,
				"The officer who decided a correction cannot approve it");
	}

	public static CorrectionRefusedException invalid(String detail) {
		return new CorrectionRefusedException(Reason.INVALID, detail);
	}

	public static CorrectionRefusedException conflict(Object id) {
		return new CorrectionRefusedException(Reason.CONFLICT,
				"Another correction request was recorded under id " + id);
	}

	public Reason reason() {
		return this.reason;
	}

}

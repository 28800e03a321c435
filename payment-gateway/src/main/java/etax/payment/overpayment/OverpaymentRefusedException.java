package etax.payment.overpayment;

/**
 * An officer's action on an overpayment request that the gateway does not take, and why, in words an officer acts
 * on. What the ledger refuses about the credit or the item is a
 * {@link etax.payment.ledger.CreditRequestRefusedException}.
 */
public final class OverpaymentRefusedException extends RuntimeException {

	/** Why an action is refused. */
	public enum Reason {

		/** The request lacks what its kind needs. */
		INVALID,

		/** The caller may not decide: the token lacks the approver claim. */
		APPROVER_REQUIRED,

		/** The officer who recorded the request cannot decide it (four eyes). */
		SAME_OFFICER,

		/** The request was approved or refused already. */
		DECIDED,

		/** An office's officer acting on a credit of another office, or of none. */
		OUTSIDE_OFFICE,

		/** The document recorded a request about the same credit, kind and item, with other figures. */
		RECORDED_OTHERWISE

	}

	private final Reason reason;

	private OverpaymentRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	static OverpaymentRefusedException recordedOtherwise(String documentNumber, Object requestId) {
		return new OverpaymentRefusedException(Reason.RECORDED_OTHERWISE, "01/ĐNXLNT " + documentNumber
				+ " recorded request " + requestId + " about the same credit, kind and item with other figures: a "
				+ "document is recorded as the taxpayer filed it, once; another request is another document");
	}

	static OverpaymentRefusedException invalid(String detail) {
		return new OverpaymentRefusedException(Reason.INVALID, detail);
	}

	static OverpaymentRefusedException approverRequired() {
		return new OverpaymentRefusedException(Reason.APPROVER_REQUIRED,
				"Only an officer with the approver claim approves or refuses an overpayment request");
	}

	static OverpaymentRefusedException sameOfficer(String officer) {
		return new OverpaymentRefusedException(Reason.SAME_OFFICER, "The officer who recorded an overpayment request "
				+ "cannot decide it: " + officer + " recorded it, another approver must decide");
	}

	static OverpaymentRefusedException decided(Object requestId, String outcome) {
		return new OverpaymentRefusedException(Reason.DECIDED,
				"Overpayment request " + requestId + " was " + outcome + " already: a request is decided once");
	}

	static OverpaymentRefusedException outsideOffice(String taxOffice) {
		return new OverpaymentRefusedException(Reason.OUTSIDE_OFFICE, "An officer of tax office " + taxOffice
				+ " acts only on credits of payments of their office; a national officer acts on this one");
	}

	public Reason reason() {
		return this.reason;
	}

}

package etax.batch.reconciliation.workitems;

/**
 * An approval (or a rejection) the caller may not give.
 */
public final class ApprovalRefusedException extends RuntimeException {

	/** Why. */
	public enum Reason {

		/** The caller's token lacks the approver claim. */
		APPROVER_REQUIRED,

		/** The caller resolved the item: four eyes means another officer approves. */
		SAME_OFFICER

	}

	private final Reason reason;

	private ApprovalRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public static ApprovalRefusedException approverRequired(long id) {
		return new ApprovalRefusedException(Reason.APPROVER_REQUIRED,
				"Work item " + id + ": only an officer with the approver claim decides on a resolution that moves money");
	}

	public static ApprovalRefusedException sameOfficer(long id) {
		return new ApprovalRefusedException(Reason.SAME_OFFICER,
				"Work item " + id + ": the officer who resolved it cannot approve it");
	}

	public Reason reason() {
		return this.reason;
	}

}

package etax.payment.confirmation;

/**
 * A record that cannot be recorded as a confirmation. The detail names the property and the rule,
 * never the offending value, which may be personal data.
 */
final class InvalidConfirmationException extends RuntimeException {

	private final RejectionReason reason;

	InvalidConfirmationException(RejectionReason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	RejectionReason reason() {
		return this.reason;
	}

}

package etax.payment.confirmation;

/**
 * A confirmation offered over HTTP (the bank intake, an officer's re-drive) that would be rejected;
 * nothing was published. The reason is one of the stable rejection codes.
 */
public final class ConfirmationRefusedException extends RuntimeException {

	private final String reason;

	ConfirmationRefusedException(String reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}

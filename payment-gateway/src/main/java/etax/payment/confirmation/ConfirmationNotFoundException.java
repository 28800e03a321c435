package etax.payment.confirmation;

/**
 * No confirmation is recorded under a bank code and reference.
 */
public final class ConfirmationNotFoundException extends RuntimeException {

	private ConfirmationNotFoundException(String message) {
		super(message);
	}

	public static ConfirmationNotFoundException forKey(String bankCode, String bankReference) {
		return new ConfirmationNotFoundException(
				"No confirmation of bank " + bankCode + " with reference " + bankReference + " is recorded");
	}

}

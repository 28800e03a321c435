package etax.payment.confirmation;

/**
 * No rejected message has this id.
 */
public final class RejectionNotFoundException extends RuntimeException {

	private RejectionNotFoundException(String message) {
		super(message);
	}

	public static RejectionNotFoundException forId(long id) {
		return new RejectionNotFoundException("No rejected message has id " + id);
	}

}

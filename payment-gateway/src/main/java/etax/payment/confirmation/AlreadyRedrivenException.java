package etax.payment.confirmation;

/**
 * A rejected message was re-driven already; its re-drive, if rejected again, is a new rejection.
 */
public final class AlreadyRedrivenException extends RuntimeException {

	private AlreadyRedrivenException(String message) {
		super(message);
	}

	static AlreadyRedrivenException forId(long id) {
		return new AlreadyRedrivenException("The rejected message " + id + " was re-driven already");
	}

}

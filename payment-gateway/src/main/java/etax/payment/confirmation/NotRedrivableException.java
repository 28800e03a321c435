package etax.payment.confirmation;

/**
 * A rejected message that an officer may not re-drive: its bank signature did not verify, so nothing
 * shows the bank sent it, and a re-drive would have the gateway vouch for it. The bank must send it again,
 * signed.
 */
public final class NotRedrivableException extends RuntimeException {

	private NotRedrivableException(String message) {
		super(message);
	}

	static NotRedrivableException unsigned(long id) {
		return new NotRedrivableException("The rejected message " + id
				+ " failed the bank signature check: it cannot be re-driven; the bank must send it again, signed");
	}

}

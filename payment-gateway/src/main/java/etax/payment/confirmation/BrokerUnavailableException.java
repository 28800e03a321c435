package etax.payment.confirmation;

/**
 * The broker did not confirm in time that it took a confirmation offered over HTTP: it may still reach the topic, or
 * not, so the bank sends it again, which is safe (its key makes a second arrival a duplicate, never a second
 * payment).
 */
public final class BrokerUnavailableException extends RuntimeException {

	public BrokerUnavailableException(Throwable cause) {
		super("The broker did not confirm in time that it took the confirmation: send it again (a confirmation that "
				+ "arrives twice is recorded once)", cause);
	}

}

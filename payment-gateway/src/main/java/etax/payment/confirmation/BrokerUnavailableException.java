package etax.payment.confirmation;

/**
 * The broker did not take a confirmation offered over HTTP in time: nothing was published or stored, and the bank
 * sends it again (its key makes a second arrival a duplicate, never a second payment).
 */
public final class BrokerUnavailableException extends RuntimeException {

	public BrokerUnavailableException(Throwable cause) {
		super("The broker did not take the confirmation in time; nothing was recorded: send it again", cause);
	}

}

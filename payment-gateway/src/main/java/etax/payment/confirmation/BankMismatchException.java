package etax.payment.confirmation;

/**
 * A bank tried to confirm a payment as another bank.
 */
public final class BankMismatchException extends RuntimeException {

	BankMismatchException() {
		super("bankCode must be the authenticated bank's own code: a bank can only confirm as itself", null, false,
				false);
	}

}

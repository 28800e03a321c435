package etax.payment.bank;

/**
 * A message whose signature is missing, malformed, made with an unknown or expired key, or does not
 * verify. The message says which, never anything of the content.
 */
public final class InvalidSignatureException extends RuntimeException {

	InvalidSignatureException(String message) {
		super(message, null, false, false);
	}

}

package etax.payment.bank;

/**
 * A message whose signature is missing, malformed, made with an unknown or expired key, or does not
 * verify. The message says which, never anything of the content. An expired key whose signature verifies
 * is an {@link ExpiredKeyException}, which says who signed.
 */
public sealed class InvalidSignatureException extends RuntimeException permits ExpiredKeyException {

	InvalidSignatureException(String message) {
		super(message, null, false, false);
	}

}

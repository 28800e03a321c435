package etax.payment.bank;

/**
 * A message signed with a key its bank registered in a form the gateway cannot read (not a public key of its
 * algorithm): the registry's fault, not the message's, but nothing verified the signature, so nothing shows which
 * bank sent it (anyone may name a key id). Its rejection keeps the signature, and is re-driven once an operator has
 * corrected the key and the signature verifies with it.
 */
public final class UnreadableKeyException extends RuntimeException {

	private final String keyId;

	UnreadableKeyException(String keyId, Throwable cause) {
		super("The registered key " + keyId + " is not a valid public key", cause);
		this.keyId = keyId;
	}

	public String keyId() {
		return this.keyId;
	}

}

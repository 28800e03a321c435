package etax.payment.bank;

/**
 * A message signed with a key its bank registered in a form the gateway cannot read (not a public key of its
 * algorithm): the registry's fault, not the message's. Its rejection is kept for the bank, whose status lists it, and
 * re-driven once an operator has corrected the key.
 */
public final class UnreadableKeyException extends RuntimeException {

	private final String keyId;

	private final String bankCode;

	UnreadableKeyException(String keyId, String bankCode, Throwable cause) {
		super("The registered key " + keyId + " is not a valid public key", cause);
		this.keyId = keyId;
		this.bankCode = bankCode;
	}

	public String keyId() {
		return this.keyId;
	}

	/** The bank that registered it. */
	public String bankCode() {
		return this.bankCode;
	}

}

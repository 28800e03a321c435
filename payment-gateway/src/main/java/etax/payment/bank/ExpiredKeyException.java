package etax.payment.bank;

/**
 * A signature that verifies with a bank's registered key, but the key's validity has ended: the message is
 * the bank's, signed while the key was in use, and nothing new may be recorded on it. What it says may still
 * be recognised as recorded already: a poll recorded just before the key expired whose offsets were not committed
 * (a crash) comes back after it, and must change nothing rather than be refused (ADR 0005, "Signatures").
 */
public final class ExpiredKeyException extends InvalidSignatureException {

	private final Signer signer;

	ExpiredKeyException(Signer signer) {
		super("the signing key (kid) is not valid now");
		this.signer = signer;
	}

	/** Who signed, with a key no longer valid. */
	public Signer signer() {
		return this.signer;
	}

}

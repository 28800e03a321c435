package etax.batch.reconciliation.inputs;

/**
 * A daily file not proven to come from the source it names: it carries no signature, or one that is
 * malformed, by a key that is unknown, expired or not that source's, or that does not verify over the
 * file's bytes. Nothing of it is kept. The message says which, naming keys and bank codes only.
 */
public final class FileSignatureException extends RuntimeException {

	private final boolean missing;

	private FileSignatureException(String message, boolean missing) {
		super(message);
		this.missing = missing;
	}

	static FileSignatureException unsigned() {
		return new FileSignatureException("The file carries no signature: a detached JWS over its exact bytes by the"
				+ " sender's key is required (the Etax-Signature header over HTTP, <file>.jws beside it in the watched"
				+ " directory)", true);
	}

	static FileSignatureException invalid(String reason) {
		return new FileSignatureException("The file's signature is not accepted: " + reason, false);
	}

	/** Whether the file carried no signature at all (otherwise: one that is not accepted). */
	public boolean missing() {
		return this.missing;
	}

}

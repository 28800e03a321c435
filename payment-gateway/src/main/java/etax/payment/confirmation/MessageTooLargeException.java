package etax.payment.confirmation;

/**
 * A message offered over HTTP (the bank intake, a corrected re-drive) over the size a confirmation
 * message may have; it was not read to its end.
 */
public final class MessageTooLargeException extends RuntimeException {

	/**
	 * The most bytes an HTTP body may have: the size limit of a message on the topic (1 MiB, ADR 0005).
	 * Counted in bytes, not characters, so that it is checked before anything is decoded; a body within it
	 * has at most as many characters.
	 */
	public static final int MAX_BYTES = MessageReader.MAX_CHARACTERS;

	private MessageTooLargeException(String message) {
		super(message, null, false, false);
	}

	/** @return the exception for a body over {@link #MAX_BYTES} bytes */
	public static MessageTooLargeException overLimit() {
		return new MessageTooLargeException("The message is over " + MAX_BYTES + " bytes");
	}
}

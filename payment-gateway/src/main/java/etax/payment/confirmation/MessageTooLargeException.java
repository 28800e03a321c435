package etax.payment.confirmation;

/**
 * A message offered over HTTP (the bank intake, a corrected re-drive) over the size a confirmation
 * message may have; it was not read to its end.
 */
public final class MessageTooLargeException extends RuntimeException {

	/**
	 * The most bytes a record the gateway publishes may have, key, value and headers together: the producer's
	 * {@code max.request.size} (1 MiB, Kafka's default, which the gateway keeps). A record over it is refused by
	 * the producer: a 500 at the HTTP intake, a message parked by the outbox relay after a re-drive.
	 */
	static final int RECORD_LIMIT = 1_048_576;

	/**
	 * What a body leaves of {@link #RECORD_LIMIT} for the record's key, headers (the intake signature, message
	 * id, content type, channel, re-drive) and framing: 16 KiB, twice the largest header Tomcat accepts by default.
	 */
	static final int HEADROOM = 16 * 1024;

	/**
	 * The most bytes an HTTP body may have (the bank intake, a corrected re-drive): 1 MiB less the
	 * {@link #HEADROOM} (ADR 0005), so that a body within it fits in the record published for it. Counted in bytes,
	 * not characters, so that it is checked before anything is decoded; a body within it has at most as many
	 * characters.
	 */
	public static final int MAX_BYTES = RECORD_LIMIT - HEADROOM;

	private MessageTooLargeException(String message) {
		super(message, null, false, false);
	}

	/** @return the exception for a body over {@link #MAX_BYTES} bytes */
	public static MessageTooLargeException overLimit() {
		return new MessageTooLargeException("The message is over " + MAX_BYTES + " bytes");
	}

	/** @return the exception for a message whose record, with its key and headers, would be over the limit */
	static MessageTooLargeException recordOverLimit() {
		return new MessageTooLargeException("The message with the gateway's headers is over " + RECORD_LIMIT
				+ " bytes, the most a record may have; send at most " + MAX_BYTES + " bytes");
	}
}

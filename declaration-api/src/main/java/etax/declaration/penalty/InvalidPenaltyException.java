package etax.declaration.penalty;

/**
 * A fine that cannot be decided as recorded: on a return not filed late, not accepted or not an original, outside the
 * band of its days late, or decided on a day that cannot be. Nothing was stored.
 */
public final class InvalidPenaltyException extends RuntimeException {

	private final String field;

	InvalidPenaltyException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** @return the field of the request at fault: {@code returnId}, {@code amount} or {@code decidedOn} */
	public String field() {
		return this.field;
	}

}

package etax.batch.reconciliation.inputs;

/**
 * A daily file that cannot be imported, and where: nothing of it is kept. The message names the place
 * (element, voucher or line number) and the rule, never a taxpayer's data.
 */
public final class InvalidFileException extends RuntimeException {

	private InvalidFileException(String message, Throwable cause) {
		super(message, cause);
	}

	private InvalidFileException(String message) {
		super(message);
	}

	public static InvalidFileException of(String message) {
		return new InvalidFileException(message);
	}

	public static InvalidFileException of(String message, Throwable cause) {
		return new InvalidFileException(message, cause);
	}

}

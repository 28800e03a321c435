package etax.declaration.submission;

import org.springframework.util.unit.DataSize;

/** A request body over the configured size of a single return. Nothing was stored. */
public final class ReturnTooLargeException extends RuntimeException {

	private final DataSize limit;

	ReturnTooLargeException(DataSize limit) {
		super("A single return may be at most " + limit.toKilobytes() + " KB");
		this.limit = limit;
	}

	public DataSize limit() {
		return this.limit;
	}

}

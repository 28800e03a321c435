package etax.declaration.submission;

import java.util.UUID;

/** No stored return has this id (or the caller may not see it). */
public final class ReturnNotFoundException extends RuntimeException {

	private ReturnNotFoundException(String message) {
		super(message);
	}

	public static ReturnNotFoundException forId(UUID id) {
		return new ReturnNotFoundException("No return with id " + id);
	}

	static ReturnNotFoundException forTransactionCode(String transactionCode) {
		return new ReturnNotFoundException("No return with transaction code " + transactionCode);
	}

	static ReturnNotFoundException forIdempotencyKey() {
		return new ReturnNotFoundException("No return was filed under this Idempotency-Key");
	}

}

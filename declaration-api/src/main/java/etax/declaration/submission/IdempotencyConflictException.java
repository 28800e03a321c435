package etax.declaration.submission;

import java.util.UUID;

/** The idempotency key was used before for a different return; nothing was filed. */
public final class IdempotencyConflictException extends RuntimeException {

	private final UUID returnId;

	IdempotencyConflictException(UUID returnId) {
		super("This Idempotency-Key was used for another return (" + returnId + "); use a new key for new content");
		this.returnId = returnId;
	}

	public UUID returnId() {
		return this.returnId;
	}

}

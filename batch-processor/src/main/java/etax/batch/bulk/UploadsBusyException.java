package etax.batch.bulk;

import java.time.Duration;

/**
 * An upload refused because the uploads being received already hold the memory it would need
 * ({@link UploadMemory}): nothing of it is stored, and the same upload may succeed later.
 */
final class UploadsBusyException extends RuntimeException {

	private final Duration retryAfter;

	UploadsBusyException(Duration retryAfter) {
		super("Other batches being received hold the memory this one needs.");
		this.retryAfter = retryAfter;
	}

	/** @return how long the filer should wait before sending it again */
	Duration retryAfter() {
		return this.retryAfter;
	}

}

package etax.batch.bulk;

import java.util.UUID;

/** An Idempotency-Key the filer already gave another upload: the batch stored under it stands. */
class BatchKeyConflictException extends RuntimeException {

	private final UUID batchId;

	BatchKeyConflictException(UUID batchId) {
		super("This Idempotency-Key names batch " + batchId + ", stored from another upload: a key names one upload;"
				+ " send this one under a key of its own.");
		this.batchId = batchId;
	}

	UUID batchId() {
		return this.batchId;
	}

}

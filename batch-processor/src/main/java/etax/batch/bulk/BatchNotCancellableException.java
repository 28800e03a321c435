package etax.batch.bulk;

import java.util.UUID;

/**
 * A batch that has completed cannot be cancelled, nor one with no item left to cancel: every item has its
 * outcome, so it completes as filed.
 */
public class BatchNotCancellableException extends RuntimeException {

	BatchNotCancellableException(UUID id, BatchStatus status) {
		super("Batch " + id + " is " + status + " with no item left to file; only a batch with items still to file"
				+ " can be cancelled");
	}

}

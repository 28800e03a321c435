package etax.batch.bulk;

import java.util.UUID;

/** A batch that has completed cannot be cancelled: every item has its outcome. */
public class BatchNotCancellableException extends RuntimeException {

	BatchNotCancellableException(UUID id, BatchStatus status) {
		super("Batch " + id + " is " + status + "; only a batch still being filed can be cancelled");
	}

}

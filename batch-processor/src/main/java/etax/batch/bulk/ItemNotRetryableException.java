package etax.batch.bulk;

/** Only an item that failed unexpectedly is filed again on its own; the others have their outcome for good. */
public class ItemNotRetryableException extends RuntimeException {

	ItemNotRetryableException(int itemNo, ItemStatus status) {
		super("Item " + itemNo + " is " + status + "; only FAILED items are retried");
	}

}

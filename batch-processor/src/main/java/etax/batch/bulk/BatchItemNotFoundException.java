package etax.batch.bulk;

import java.util.UUID;

/**
 * A batch the caller may see has no item of that number, or none the caller may see (an officer sees
 * only the items filed with its office). Not a missing batch: the filer looks for the item, not the batch.
 */
public class BatchItemNotFoundException extends RuntimeException {

	private BatchItemNotFoundException(String message) {
		super(message);
	}

	static BatchItemNotFoundException forItem(UUID id, int itemNo) {
		return new BatchItemNotFoundException("No item " + itemNo + " in batch " + id);
	}

}

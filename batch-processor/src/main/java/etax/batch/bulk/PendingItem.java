package etax.batch.bulk;

import java.util.UUID;

/**
 * An item with its return, as it is sent to declaration-api.
 *
 * @param batchId its batch
 * @param itemNo its number in the batch, from 1
 * @param content the return, byte for byte
 */
record PendingItem(UUID batchId, int itemNo, byte[] content) {

	/** The idempotency key of the item in declaration-api (scoped there to the filer): batch and item number. */
	String idempotencyKey() {
		return "bulk:" + this.batchId + ":" + this.itemNo;
	}

}

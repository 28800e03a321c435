package etax.batch.bulk;

import java.util.UUID;

/**
 * An office officer may not cancel a batch, or restart its job, while returns addressed to other offices (or to none
 * that could be read) are still to be filed in it: acting on them is for a national officer or the filer.
 */
public class BatchOfOtherOfficesException extends RuntimeException {

	private BatchOfOtherOfficesException(String message) {
		super(message);
	}

	static BatchOfOtherOfficesException forBatch(UUID id, int items) {
		return new BatchOfOtherOfficesException("Batch " + id + " still has " + items + " item(s) to file that are not"
				+ " addressed to your tax office; only a national officer or the filer can cancel it");
	}

	static BatchOfOtherOfficesException forRestart(UUID id, int items) {
		return new BatchOfOtherOfficesException("Batch " + id + " still has " + items + " item(s) to file that are not"
				+ " addressed to your tax office; only a national officer can restart its job");
	}

}

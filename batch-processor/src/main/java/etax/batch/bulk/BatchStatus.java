package etax.batch.bulk;

/** Where a batch is. */
public enum BatchStatus {

	/** Stored and checked; filing has not started. */
	RECEIVED,

	/** Being filed, or waiting to be taken over after its process stopped. */
	PROCESSING,

	/** Every item has an outcome (failed items can be retried one by one). */
	COMPLETED,
	/** Cancelled by its filer: the items that had not been filed never will be; the others have their outcome. */
	CANCELLED,

	/** The job could not finish after the configured attempts (declaration-api unreachable): an officer restarts it. */
	FAILED

}

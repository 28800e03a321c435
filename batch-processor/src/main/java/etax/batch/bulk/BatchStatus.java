package etax.batch.bulk;

/** Where a batch is. */
public enum BatchStatus {

	/** Stored and checked; filing has not started. */
	RECEIVED,

	/** Being filed, or waiting to be taken over after its process stopped. */
	PROCESSING,

	/** Every item has an outcome (failed items can be retried one by one). */
	COMPLETED,

	/** The job could not finish after the configured attempts (declaration-api unreachable): an officer restarts it. */
	FAILED

}

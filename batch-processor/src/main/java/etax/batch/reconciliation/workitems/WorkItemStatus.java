package etax.batch.reconciliation.workitems;

/**
 * Where a work item stands.
 */
public enum WorkItemStatus {

	/** Raised by a run, nobody on it yet. */
	OPEN,

	/** An officer is on it. */
	ASSIGNED,

	/** Resolved in a way that moves money: waits for a second officer who approves. */
	AWAITING_APPROVAL,

	/** Done: explained, or corrected with approval. */
	RESOLVED,

	/** A later run found the line matched (or gone): nothing left to do, unless it comes back. */
	CLEARED

}

package etax.batch.reconciliation.workitems;

/**
 * How an exception is resolved. Only {@link #EXPLAINED} moves no money; every other kind becomes a
 * correction request, which needs a second officer's approval and is recorded at the gateway as a new
 * entry.
 */
public enum ResolutionKind {

	/** Nothing to correct: a timing difference, an error in a file fixed at its source. */
	EXPLAINED,

	/** The coding of a recorded line is wrong (tra soát): chapter, sub-item, area or amount. */
	RECODE,

	/** A recorded payment must be reversed: the bank says it failed or took it back. */
	REVERSE,

	/** The bank has a payment the tax side never recorded. */
	RECORD;

	public boolean movesMoney() {
		return this != EXPLAINED;
	}

}

package etax.batch.bulk;

/** What an item of a batch got. */
public enum ItemStatus {

	/** Not filed yet. */
	PENDING,

	/** Received and accepted (01-2/TB-TĐT accepted). */
	ACCEPTED,

	/** Received, with findings that reject it (01-2/TB-TĐT not accepted). */
	NOT_ACCEPTED,

	/** Not received: not a return, schema-invalid, too large, or the filer may not file for its taxpayer. */
	NOT_RECEIVED,

	/** An unexpected error; retry it on its own. */
	FAILED,
	/** Not filed: its batch was cancelled first. */
	CANCELLED;

	boolean received() {
		return this == ACCEPTED || this == NOT_ACCEPTED;
	}

}

package etax.declaration.submission;

/** Where a received return stands (VN-ETAX.md §4 status model). */
public enum ReturnStatus {

	/** Received and accepted (01-2/TB-TĐT "chấp nhận"). */
	ACCEPTED,

	/** Received, but a reject rule failed (01-2/TB-TĐT "không chấp nhận"). */
	NOT_ACCEPTED

}

package etax.schemas;

/**
 * How a {@link Finding} affects a return, in the terms of the acknowledgement notices.
 */
public enum Severity {

	/** The return is refused and no further rule runs (nothing else can be trusted). */
	REJECT_AND_STOP,

	/** The return is refused; other rules still run so that the filer sees every problem at once. */
	REJECT,

	/** Reported to the filer; the return is still accepted. */
	WARNING

}

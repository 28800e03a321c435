package etax.batch.reconciliation.inputs;

import org.springframework.util.unit.DataSize;

/**
 * A daily file larger than {@code etax.batch.reconciliation.max-file-size}: refused as it is read, before its
 * signature could be checked, and nothing of it is kept.
 */
public final class FileTooLargeException extends RuntimeException {

	private FileTooLargeException(String message) {
		super(message);
	}

	static FileTooLargeException over(long maxBytes) {
		DataSize max = DataSize.ofBytes(maxBytes);
		String limit = (maxBytes % DataSize.ofMegabytes(1).toBytes() == 0) ? max.toMegabytes() + " MB"
				: maxBytes + " bytes";
		return new FileTooLargeException("A daily file may be at most " + limit + ": this one is larger. Nothing of it"
				+ " was kept.");
	}

}

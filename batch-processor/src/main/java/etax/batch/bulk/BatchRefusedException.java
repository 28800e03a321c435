package etax.batch.bulk;

import org.jspecify.annotations.Nullable;

/** An upload that is not stored, let alone filed: too large, unsafe, malformed or over a limit. */
public class BatchRefusedException extends RuntimeException {

	/** Why; each reason is a problem type of its own. */
	public enum Reason {

		/** The file is larger than the upload limit. */
		TOO_LARGE,

		/** More returns than a batch may hold. */
		TOO_MANY_ITEMS,

		/** A return larger than a batch's item limit. */
		ITEM_TOO_LARGE,

		/** A zip that expands too much: over the compression ratio or the total uncompressed size (a zip bomb). */
		EXPANDS_TOO_MUCH,

		/**
		 * A zip entry name that could escape a folder or is not a file: {@code ..}, absolute, backslash,
		 * directory, repeated.
		 */
		UNSAFE_ENTRY_NAME,

		/** Not a zip, a damaged or encrypted one, or not a well-formed bundle of returns. */
		MALFORMED,

		/** No return at all. */
		EMPTY,

		/** Sent slower than the published minimum rate: the memory it holds is for uploads that arrive. */
		TOO_SLOW

	}

	private final Reason reason;

	private final @Nullable String entry;

	private BatchRefusedException(Reason reason, String message, @Nullable String entry) {
		super(message);
		this.reason = reason;
		this.entry = entry;
	}

	static BatchRefusedException of(Reason reason, String message) {
		return new BatchRefusedException(reason, message, null);
	}

	static BatchRefusedException atEntry(Reason reason, String message, String entry) {
		return new BatchRefusedException(reason, message, entry);
	}

	public Reason reason() {
		return this.reason;
	}

	/** @return the zip entry the refusal is about, printable and at most 200 characters, if any */
	public @Nullable String entry() {
		String name = this.entry;
		if (name == null) {
			return null;
		}
		String printable = name.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (printable.length() > 200) ? printable.substring(0, 200) : printable;
	}

}

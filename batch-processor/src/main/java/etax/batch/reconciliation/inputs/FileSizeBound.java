package etax.batch.reconciliation.inputs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A daily file of at most so many bytes ({@code etax.batch.reconciliation.max-file-size}): a file is read, copied
 * into its table and hashed before its signature can be checked, so without a bound anyone who can send one could
 * take the import's time, the database's and whatever memory a parser holds for as long as they keep sending.
 * Counts the bytes as they are read and refuses the file past the limit ({@link FileTooLargeException}), reading
 * at most one byte beyond it.
 */
final class FileSizeBound extends FilterInputStream {

	private final long maxBytes;

	private long read;

	FileSizeBound(InputStream in, long maxBytes) {
		super(in);
		this.maxBytes = maxBytes;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, (int) Math.min(length, beyondLimit()));
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, beyondLimit()));
		count(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	/** What may still be read, and one byte more to tell a file over the limit; no overflow for a limit of any size. */
	private long beyondLimit() {
		long left = this.maxBytes - this.read;
		return (left < Long.MAX_VALUE) ? left + 1 : left;
	}

	private void count(long n) {
		this.read += n;
		if (this.read > this.maxBytes) {
			throw FileTooLargeException.over(this.maxBytes);
		}
	}

}

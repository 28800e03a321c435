package etax.batch.reconciliation.inputs;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A text whose lines are at most so long: a reader of lines holds a line whole, and a line of gigabytes, read before
 * the file's signature is checked, would fill the memory. Counts the characters since the last line break as they
 * are read, and refuses the text past the limit.
 */
final class BoundedLines extends FilterReader {

	private final int maxLine;

	private int sinceBreak;

	BoundedLines(Reader in, int maxLine) {
		super(in);
		this.maxLine = maxLine;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			count((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		for (int i = offset; i < offset + n; i++) {
			count(buffer[i]);
		}
		return n;
	}

	private void count(char c) {
		if (c == '\n' || c == '\r') {
			this.sinceBreak = 0;
		}
		else if (++this.sinceBreak > this.maxLine) {
			throw InvalidFileException.of("A line is longer than " + this.maxLine + " characters");
		}
	}

}

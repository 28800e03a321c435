package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's COPY text format, written to a COPY ... FROM STDIN stream: tab between
 * columns, {@code \N} for null, backslash escapes for the characters the format reserves.
 */
final class CopyText {

	private final Writer out;

	private boolean first = true;

	CopyText(Writer out) {
		this.out = out;
	}

	CopyText column(@Nullable Object value) throws IOException {
		if (!this.first) {
			this.out.write('\t');
		}
		this.first = false;
		if (value == null) {
			this.out.write("\\N");
			return this;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.out.write("\\\\");
				case '\t' -> this.out.write("\\t");
				case '\n' -> this.out.write("\\n");
				case '\r' -> this.out.write("\\r");
				case '\u0000' -> this.out.write('\uFFFD');
				default -> this.out.write(c);
			}
		}
		return this;
	}

	void endRow() throws IOException {
		this.out.write('\n');
		this.first = true;
	}

}

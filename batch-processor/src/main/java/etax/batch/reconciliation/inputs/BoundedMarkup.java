package etax.batch.reconciliation.inputs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An XML file in UTF-8 whose every piece of markup (a tag with its attribute values, a comment, a processing
 * instruction, a CDATA section) is at most so many bytes. The JDK's StAX parser hands a text over piece by piece,
 * but holds a piece of markup whole before it reports it: a comment of gigabytes, read before the file's signature
 * is checked, would fill the memory however the reader judges it afterwards. So the bytes are followed as they are
 * read, where each piece of markup starts and ends ({@code <}, {@code >} outside quotes, {@code -->}, {@code ?>},
 * {@code ]]>}: in UTF-8 those bytes stand for those characters only), and the file is refused past the limit. A
 * DOCTYPE is refused at its first bytes, before the parser reads its internal subset.
 */
final class BoundedMarkup extends FilterInputStream {

	private enum Markup {

		/** Text between pieces of markup, which the parser hands over piece by piece. */
		NONE,
		/** Just after {@code <}. */
		OPENED,
		/** Just after {@code <!}. */
		DECLARATION,
		TAG, COMMENT, INSTRUCTION, CDATA

	}

	private final int maxMarkup;

	private Markup markup = Markup.NONE;

	/** The bytes of the piece of markup read so far, its {@code <} included. */
	private int length;

	/** Where it started in the file. */
	private long start;

	private long position;

	/** In a tag, the quote of the attribute value being read, else 0. */
	private int quote;

	private int last;

	private int beforeLast;

	BoundedMarkup(InputStream in, int maxMarkup) {
		super(in);
		this.maxMarkup = maxMarkup;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			follow(b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		for (int i = offset; i < offset + n; i++) {
			int b = buffer[i];
			if (this.markup == Markup.NONE && b != '<') {
				// the bulk of a file, with the next branch: text between pieces of markup
				this.position++;
			}
			else if (this.markup == Markup.TAG && this.quote == 0 && b != '>' && b != '"' && b != '\''
					&& this.length < this.maxMarkup) {
				// and a tag's names, neither ending it nor quoting a value
				this.position++;
				this.length++;
			}
			else {
				follow(b & 0xFF);
			}
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// every byte is followed: skipped ones are read
		long skipped = 0;
		while (skipped < n && read() >= 0) {
			skipped++;
		}
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void follow(int b) {
		this.position++;
		if (this.markup == Markup.NONE) {
			if (b == '<') {
				this.markup = Markup.OPENED;
				this.length = 1;
				this.start = this.position;
				this.last = b;
				this.beforeLast = 0;
			}
			return;
		}
		if (++this.length > this.maxMarkup) {
			throw InvalidFileException.of("A tag, comment, processing instruction or CDATA section from byte "
					+ this.start + " is longer than " + this.maxMarkup + " bytes");
		}
		switch (this.markup) {
			case OPENED -> {
				this.markup = (b == '!') ? Markup.DECLARATION : (b == '?') ? Markup.INSTRUCTION : Markup.TAG;
				if (this.markup == Markup.TAG) {
					inTag(b);
				}
			}
			case DECLARATION -> {
				if (b == '-') {
					this.markup = Markup.COMMENT;
				}
				else if (b == '[') {
					this.markup = Markup.CDATA;
				}
				else {
					throw InvalidFileException.of("A DOCTYPE is not allowed");
				}
			}
			case TAG -> inTag(b);
			// the end may not share the opening's bytes: <!-- is 4 bytes, --> 3; <? 2, ?> 2; <![CDATA[ 9, ]]> 3
			case COMMENT -> endIf(b == '>' && this.last == '-' && this.beforeLast == '-' && this.length >= 7);
			case INSTRUCTION -> endIf(b == '>' && this.last == '?' && this.length >= 4);
			case CDATA -> endIf(b == '>' && this.last == ']' && this.beforeLast == ']' && this.length >= 12);
			default -> throw new IllegalStateException(this.markup.name());
		}
		this.beforeLast = this.last;
		this.last = b;
	}

	/** A tag ends at the first {@code >} outside an attribute value, which may hold one. */
	private void inTag(int b) {
		if (this.quote != 0) {
			if (b == this.quote) {
				this.quote = 0;
			}
		}
		else if (b == '"' || b == '\'') {
			this.quote = b;
		}
		else if (b == '>') {
			this.markup = Markup.NONE;
		}
	}

	private void endIf(boolean ended) {
		if (ended) {
			this.markup = Markup.NONE;
		}
	}

}

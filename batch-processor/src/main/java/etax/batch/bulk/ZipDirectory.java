package etax.batch.bulk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import etax.batch.bulk.BatchRefusedException.Reason;

/**
 * The names a zip's central directory lists, in its order, after checking that the archive is whole: its
 * end-of-central-directory record ends the file, the directory lies just before it (ZIP64 records
 * followed), each entry's local header is where the directory says, under the same name, and the entries
 * tile the bytes before the directory: from offset 0, each one's local header where the one before ends (its
 * header, its data of the size the directory gives, which its local header or data descriptor repeats, and
 * its data descriptor). {@code ZipInputStream} reads local headers only and stops quietly where they stop, so
 * without this a zip cut short (no directory) would be taken for its first entries, and a text file, an XML
 * bundle or a zip behind other bytes for an empty zip; and entries that overlap (a local header inside
 * another entry's data) or bytes between them (a local header no directory entry points to, whose data
 * covers a listed one) would let it read other files under the same names than {@code unzip} shows.
 * {@link ZipItems} then requires the entries it read to be the ones listed here: one view of the archive,
 * whichever way a filer's tool reads it.
 */
final class ZipDirectory {

	private static final int END = 0x06054b50;

	private static final int ZIP64_LOCATOR = 0x07064b50;

	private static final int ZIP64_END = 0x06064b50;

	private static final int CENTRAL = 0x02014b50;

	private static final int LOCAL = 0x04034b50;

	private static final int DESCRIPTOR = 0x08074b50;

	private static final int HAS_DESCRIPTOR = 0x08;

	private static final int STORED = 0;

	private static final int END_SIZE = 22;

	private static final int CENTRAL_SIZE = 46;

	private static final int LOCAL_SIZE = 30;

	private static final long MASK32 = 0xFFFFFFFFL;

	private static final String OVERLAP = "its entries overlap, or leave bytes between them that its central directory does not list";

	private static final String DISAGREE = "an entry's local header and its central directory differ on its size";

	private ZipDirectory() {
	}

	/**
	 * @param zip the whole file
	 * @param maxEntries the most entries a batch may list: a directory of more is refused before its names are read
	 * @return the names the central directory lists, in its order; none for an empty zip
	 * @throws BatchRefusedException {@code MALFORMED} if it is not a whole zip, {@code TOO_MANY_ITEMS} if it lists
	 * more than {@code maxEntries}
	 */
	static List<String> names(byte[] zip, int maxEntries) {
		ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		int end = end(bytes);
		require(end >= 0, "it has no end of central directory record (not a zip, or cut short)");
		require(u16(bytes, end + 4) == 0 && u16(bytes, end + 6) == 0, "it is split over several files");
		long count = u16(bytes, end + 10);
		long size = u32(bytes, end + 12);
		long offset = u32(bytes, end + 16);
		long directoryEnd = end;
		if (end >= 20 && bytes.getInt(end - 20) == ZIP64_LOCATOR) {
			long at = bytes.getLong(end - 20 + 8);
			// compared without adding to at, which a damaged locator may set near Long.MAX_VALUE
			require(at >= 0 && at <= end - 20 - 56 && bytes.getInt((int) at) == ZIP64_END, "its ZIP64 record is damaged");
			count = bytes.getLong((int) at + 32);
			size = bytes.getLong((int) at + 40);
			offset = bytes.getLong((int) at + 48);
			directoryEnd = at;
		}
		require(offset >= 0 && size >= 0 && offset + size == directoryEnd,
				"its central directory is not where its end record says (bytes before or inside the zip)");
		require(count >= 0 && count <= size / CENTRAL_SIZE, "its central directory is damaged");
		if (count > maxEntries) {
			throw BatchRefusedException.of(Reason.TOO_MANY_ITEMS,
					"A batch holds at most " + maxEntries + " returns; the zip lists " + count + " entries.");
		}
		List<String> names = new ArrayList<>((int) count);
		List<Span> spans = new ArrayList<>((int) count);
		int at = (int) offset;
		for (long i = 0; i < count; i++) {
			require(at + CENTRAL_SIZE <= directoryEnd && bytes.getInt(at) == CENTRAL, "its central directory is damaged");
			int nameLength = u16(bytes, at + 28);
			int extraLength = u16(bytes, at + 30);
			int next = at + CENTRAL_SIZE + nameLength + extraLength + u16(bytes, at + 32);
			require(next <= directoryEnd, "its central directory is damaged");
			int extra = at + CENTRAL_SIZE + nameLength;
			boolean bigSize = u32(bytes, at + 24) == MASK32;
			boolean bigCompressed = u32(bytes, at + 20) == MASK32;
			long compressed = bigCompressed ? zip64Field(bytes, extra, extraLength, bigSize ? 1 : 0) : u32(bytes, at + 20);
			long local = u32(bytes, at + 42);
			if (local == MASK32) {
				local = zip64Field(bytes, extra, extraLength, (bigSize ? 1 : 0) + (bigCompressed ? 1 : 0));
			}
			int name = at + CENTRAL_SIZE;
			require(local >= 0 && local <= offset - LOCAL_SIZE - nameLength && bytes.getInt((int) local) == LOCAL
					&& u16(bytes, (int) local + 26) == nameLength
					&& Arrays.equals(zip, name, name + nameLength, zip, (int) local + LOCAL_SIZE,
							(int) local + LOCAL_SIZE + nameLength),
					"an entry of its central directory has no local header of the same name");
			names.add(new String(zip, name, nameLength, StandardCharsets.UTF_8));
			spans.add(new Span(local, entryEnd(bytes, (int) local, compressed, offset)));
			at = next;
		}
		require(at == directoryEnd, "its central directory holds more than its entries");
		requireTiled(spans, offset);
		return names;
	}

	/**
	 * Where an entry whose local header is at {@code local} ends, as {@code ZipInputStream} reads it: after its
	 * header, its data and its data descriptor, if its flags say it has one (its signature optional). The size
	 * of its data is the central directory's, which what a reader of local headers goes by must repeat: the
	 * compressed size of its local header or descriptor (checked against the bytes inflated), and the size of
	 * a stored entry's local header (the bytes it reads).
	 * @param limit where the central directory starts, which no entry may pass
	 */
	private static long entryEnd(ByteBuffer bytes, int local, long compressed, long limit) {
		int extra = local + LOCAL_SIZE + u16(bytes, local + 26);
		int extraLength = u16(bytes, local + 28);
		require(compressed >= 0 && extra + extraLength <= limit && compressed <= limit - extra - extraLength, OVERLAP);
		long data = extra + extraLength + compressed;
		boolean bigSizes = u32(bytes, local + 18) == MASK32 || u32(bytes, local + 22) == MASK32;
		if ((u16(bytes, local + 6) & HAS_DESCRIPTOR) == 0) {
			// a local ZIP64 field holds both sizes, the compressed one second
			long declared = bigSizes ? zip64Field(bytes, extra, extraLength, 1) : u32(bytes, local + 18);
			long size = bigSizes ? zip64Field(bytes, extra, extraLength, 0) : u32(bytes, local + 22);
			require(declared == compressed && (u16(bytes, local + 8) != STORED || size == compressed), DISAGREE);
			return data;
		}
		// Java versions differ on whether such an entry's descriptor holds 64-bit sizes (a ZIP64 extra field in the
		// local header makes newer ones read them so, whatever its sizes say): no one place it ends
		require(!bigSizes && zip64At(bytes, extra, extraLength) < 0,
				"an entry with a data descriptor declares ZIP64 sizes in its local header");
		int crc = (data + 4 <= limit && bytes.getInt((int) data) == DESCRIPTOR) ? (int) data + 4 : (int) data;
		require(crc + 12 <= limit, OVERLAP);
		require(u32(bytes, crc + 4) == compressed, DISAGREE);
		return crc + 12;
	}

	/**
	 * The entries, sorted by where their local headers are, must follow one another from the start of the file
	 * to the central directory, with nothing between them: no entry inside another, none a reader of local
	 * headers would find other than those listed.
	 */
	private static void requireTiled(List<Span> spans, long directory) {
		spans.sort(Comparator.comparingLong(Span::start));
		long next = 0;
		for (Span span : spans) {
			require(span.start() == next, OVERLAP);
			next = span.end();
		}
		require(next == directory, OVERLAP);
	}

	/** The end record: the last signature whose comment ends exactly at the end of the file; -1 if none. */
	private static int end(ByteBuffer bytes) {
		int last = bytes.limit() - END_SIZE;
		for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
			if (bytes.getInt(at) == END && at + END_SIZE + u16(bytes, at + 20) == bytes.limit()) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * A value of an entry's ZIP64 extra field (0x0001), which holds, in order, those of the uncompressed size,
	 * the compressed size and the local header offset that the header marks 0xFFFFFFFF. Each field's declared
	 * size must fit in the entry's extra area: a crafted size would otherwise read past it, or past the file.
	 * @param index how many of those values come before it
	 */
	private static long zip64Field(ByteBuffer bytes, int extra, int length, int index) {
		int zip64 = zip64At(bytes, extra, length);
		require(zip64 >= 0, "its ZIP64 extra field is missing");
		require(4 + 8 * (index + 1) <= 4 + u16(bytes, zip64 + 2), "its ZIP64 extra field is damaged");
		return bytes.getLong(zip64 + 4 + 8 * index);
	}

	/** Where an entry's ZIP64 extra field starts among its extra fields; -1 if it has none. */
	private static int zip64At(ByteBuffer bytes, int extra, int length) {
		int at = extra;
		int zip64 = -1;
		while (at + 4 <= extra + length) {
			int id = u16(bytes, at);
			int size = u16(bytes, at + 2);
			require(at + 4 + size <= extra + length, "an extra field of an entry is damaged");
			if (id == 1) {
				// readers differ on which of two they take
				require(zip64 < 0, "an entry has two ZIP64 extra fields");
				zip64 = at;
			}
			at += 4 + size;
		}
		return zip64;
	}

	private static int u16(ByteBuffer bytes, int at) {
		return Short.toUnsignedInt(bytes.getShort(at));
	}

	private static long u32(ByteBuffer bytes, int at) {
		return Integer.toUnsignedLong(bytes.getInt(at));
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw refused(problem);
		}
	}

	/** Where an entry's local header is, and where the entry ends. */
	private record Span(long start, long end) {

	}

	private static BatchRefusedException refused(String problem) {
		return BatchRefusedException.of(Reason.MALFORMED, "The file is not a whole zip: " + problem + ".");
	}

}

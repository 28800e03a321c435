package etax.batch.bulk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import etax.batch.bulk.BatchRefusedException.Reason;

/**
 * The names a zip's central directory lists, in its order, after checking that the archive is whole: its
 * end-of-central-directory record ends the file, the directory lies just before it (ZIP64 records
 * followed), and each entry's local header is where the directory says, under the same name.
 * {@code ZipInputStream} reads local headers only and stops quietly where they stop, so without this a
 * zip cut short (no directory) would be taken for its first entries, and a text file, an XML bundle or a
 * zip behind other bytes for an empty zip. {@link ZipItems} then requires the entries it read to be the
 * ones listed here: one view of the archive, whichever way a filer's tool reads it.
 */
final class ZipDirectory {

	private static final int END = 0x06054b50;

	private static final int ZIP64_LOCATOR = 0x07064b50;

	private static final int ZIP64_END = 0x06064b50;

	private static final int CENTRAL = 0x02014b50;

	private static final int LOCAL = 0x04034b50;

	private static final int END_SIZE = 22;

	private static final int CENTRAL_SIZE = 46;

	private static final int LOCAL_SIZE = 30;

	private static final long MASK32 = 0xFFFFFFFFL;

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
		int at = (int) offset;
		for (long i = 0; i < count; i++) {
			require(at + CENTRAL_SIZE <= directoryEnd && bytes.getInt(at) == CENTRAL, "its central directory is damaged");
			int nameLength = u16(bytes, at + 28);
			int extraLength = u16(bytes, at + 30);
			int next = at + CENTRAL_SIZE + nameLength + extraLength + u16(bytes, at + 32);
			require(next <= directoryEnd, "its central directory is damaged");
			long local = u32(bytes, at + 42);
			if (local == MASK32) {
				local = zip64Offset(bytes, at + CENTRAL_SIZE + nameLength, extraLength, u32(bytes, at + 24) == MASK32,
						u32(bytes, at + 20) == MASK32);
			}
			int name = at + CENTRAL_SIZE;
			require(local >= 0 && local <= offset - LOCAL_SIZE - nameLength && bytes.getInt((int) local) == LOCAL
					&& u16(bytes, (int) local + 26) == nameLength
					&& Arrays.equals(zip, name, name + nameLength, zip, (int) local + LOCAL_SIZE,
							(int) local + LOCAL_SIZE + nameLength),
					"an entry of its central directory has no local header of the same name");
			names.add(new String(zip, name, nameLength, StandardCharsets.UTF_8));
			at = next;
		}
		require(at == directoryEnd, "its central directory holds more than its entries");
		return names;
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
	 * The local header offset from an entry's ZIP64 extra field (0x0001), after the sizes it also holds. Each
	 * field's declared size must fit in the entry's extra area: a crafted size would otherwise read past it, or
	 * past the file.
	 */
	private static long zip64Offset(ByteBuffer bytes, int extra, int length, boolean hasSize, boolean hasCompressed) {
		int at = extra;
		while (at + 4 <= extra + length) {
			int id = u16(bytes, at);
			int size = u16(bytes, at + 2);
			require(at + 4 + size <= extra + length, "an extra field of its central directory is damaged");
			if (id == 1) {
				int field = at + 4 + (hasSize ? 8 : 0) + (hasCompressed ? 8 : 0);
				require(field + 8 <= at + 4 + size, "its ZIP64 extra field is damaged");
				return bytes.getLong(field);
			}
			at += 4 + size;
		}
		throw refused("its ZIP64 extra field is missing");
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

	private static BatchRefusedException refused(String problem) {
		return BatchRefusedException.of(Reason.MALFORMED, "The file is not a whole zip: " + problem + ".");
	}

}

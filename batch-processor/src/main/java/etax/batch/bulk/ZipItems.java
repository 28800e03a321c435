package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;

/**
 * Reads the returns out of a zip without trusting anything it declares. The archive must be whole, and its
 * central directory must list exactly the entries read, in the same order ({@link ZipDirectory}): a zip cut
 * short, or anything that is not a zip, is malformed, not a smaller or an empty batch. Entries are read in
 * stream order (the local headers, so there is one view of the archive) and
 * inflated into memory under limits counted on the bytes actually produced, never on declared sizes:
 * entries, bytes per entry, bytes in all, and the ratio of an entry's inflated bytes to the compressed
 * bytes read for it (with a floor of 1 KB, so that tiny entries are not judged on a few bytes); every byte
 * inflated is also taken from the upload's share of {@link UploadMemory} before it is kept. Entry names
 * are checked before anything is read: nothing here ever writes a file, but a name that could escape a
 * folder on the filer's or an officer's machine, or a directory, says the archive was not made for us.
 */
final class ZipItems {

	private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

	private static final int RATIO_FLOOR_BYTES = 1024;

	private ZipItems() {
	}

	static List<UploadedItem> read(byte[] zip, BatchProcessorProperties.Limits limits, UploadMemory.Share memory) {
		List<String> listed = ZipDirectory.names(zip, limits.maxItems());
		Counting compressed = new Counting(new ByteArrayInputStream(zip));
		List<UploadedItem> items = new ArrayList<>();
		Set<String> names = new HashSet<>();
		long[] total = { 0 };
		try (ZipInputStream in = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				String name = entry.getName();
				checkName(name, entry.isDirectory(), names);
				if (items.size() == limits.maxItems()) {
					throw BatchRefusedException.of(Reason.TOO_MANY_ITEMS,
							"A batch holds at most " + limits.maxItems() + " returns.");
				}
				items.add(new UploadedItem(name, inflate(in, name, compressed, total, limits, memory)));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw BatchRefusedException.of(Reason.MALFORMED, "The file is not a readable zip: " + ex.getMessage());
		}
		if (!listed.equals(items.stream().map(UploadedItem::name).toList())) {
			throw BatchRefusedException.of(Reason.MALFORMED, "The file is not a whole zip: its central directory ("
					+ listed.size() + " entries) and its local headers (" + items.size() + ") do not agree.");
		}
		return items;
	}

	private static byte[] inflate(ZipInputStream in, String name, Counting compressed, long[] total,
			BatchProcessorProperties.Limits limits, UploadMemory.Share memory) throws IOException {
		long start = compressed.count();
		Inflated out = new Inflated();
		byte[] buffer = new byte[8192];
		for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
			total[0] += n;
			long read = Math.max(compressed.count() - start, RATIO_FLOOR_BYTES);
			if (out.size() + n > read * limits.maxCompressionRatio()) {
				throw BatchRefusedException.atEntry(Reason.EXPANDS_TOO_MUCH, "An entry expands more than "
						+ limits.maxCompressionRatio() + " times its compressed size.", name);
			}
			if (total[0] > limits.maxUncompressedSize().toBytes()) {
				throw BatchRefusedException.atEntry(Reason.EXPANDS_TOO_MUCH, "The zip expands to more than "
						+ limits.maxUncompressedSize().toMegabytes() + " MB.", name);
			}
			if (out.size() + n > limits.maxItemSize().toBytes()) {
				throw BatchRefusedException.atEntry(Reason.ITEM_TOO_LARGE,
						"A return in a batch may be at most " + limits.maxItemSize().toKilobytes() + " KB.", name);
			}
			memory.take(n);
			out.write(buffer, 0, n);
		}
		return out.entry(memory);
	}

	private static void checkName(String name, boolean directory, Set<String> seen) {
		String problem = null;
		if (directory) {
			problem = "is a directory";
		}
		else if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
			problem = "is empty, too long or has control characters";
		}
		else if (name.indexOf('\\') >= 0) {
			problem = "has a backslash";
		}
		else if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
			problem = "is an absolute path";
		}
		else if (List.of(name.split("/", -1))
			.stream()
			.anyMatch((part) -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
			problem = "has an empty, '.' or '..' path segment";
		}
		else if (!seen.add(name)) {
			problem = "appears twice";
		}
		if (problem != null) {
			throw BatchRefusedException.atEntry(Reason.UNSAFE_ENTRY_NAME, "A zip entry name " + problem + ".", name);
		}
	}

	/**
	 * An entry's bytes as inflated, kept in the pieces read and put together once at the end: a
	 * {@code ByteArrayOutputStream} would double its buffer as it grows and copy it once more, bytes the
	 * share would not see. The whole entry is taken from the share before it is put together, and the pieces
	 * given back once they are garbage.
	 */
	private static final class Inflated {

		private final List<byte[]> parts = new ArrayList<>();

		private int size;

		int size() {
			return this.size;
		}

		void write(byte[] buffer, int offset, int length) {
			this.parts.add(Arrays.copyOfRange(buffer, offset, offset + length));
			this.size += length;
		}

		byte[] entry(UploadMemory.Share memory) {
			if (this.parts.size() == 1) {
				return this.parts.get(0);
			}
			memory.take(this.size);
			byte[] entry = new byte[this.size];
			int at = 0;
			for (byte[] part : this.parts) {
				System.arraycopy(part, 0, entry, at, part.length);
				at += part.length;
			}
			this.parts.clear();
			memory.giveBack(this.size);
			return entry;
		}

	}

	/** Counts the compressed bytes the zip reader has consumed. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		long count() {
			return this.count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}

package etax.batch.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips for tests, made with the JDK, including hostile ones. */
final class Zips {

	private Zips() {
	}

	/** A zip of the entries, in the map's order (use a LinkedHashMap); a name ending in / is a directory. */
	static byte[] of(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** One entry of {@code megabytes} MB of zeros: a few tens of KB compressed, a thousand times more inflated. */
	static byte[] bomb(String name, int megabytes) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] zeros = new byte[1024 * 1024];
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}

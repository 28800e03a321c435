package etax.batch.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
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

	/** The local header and the data of an entry stored as is, its sizes in the header (no data descriptor). */
	static byte[] storedEntry(String name, byte[] data) {
		byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
		ByteBuffer entry = ByteBuffer.allocate(30 + encoded.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
		entry.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
			.putInt((int) crc(data)).putInt(data.length).putInt(data.length)
			.putShort((short) encoded.length).putShort((short) 0)
			.put(encoded).put(data);
		return entry.array();
	}

	/**
	 * A zip, made by hand, of {@code entries} (the bytes before its central directory, as they are) and a central
	 * directory listing {@code listed}, each a stored entry at the offset it names, whether or not one is there.
	 */
	static byte[] withDirectory(byte[] entries, List<Listed> listed) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		zip.writeBytes(entries);
		for (Listed entry : listed) {
			byte[] encoded = entry.name().getBytes(StandardCharsets.UTF_8);
			ByteBuffer central = ByteBuffer.allocate(46 + encoded.length).order(ByteOrder.LITTLE_ENDIAN);
			central.putInt(0x02014b50).putShort((short) 10).putShort((short) 10).putShort((short) 0).putShort((short) 0)
				.putInt(0).putInt((int) crc(entry.data())).putInt(entry.data().length).putInt(entry.data().length)
				.putShort((short) encoded.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
				.putShort((short) 0).putInt(0).putInt(entry.offset())
				.put(encoded);
			zip.writeBytes(central.array());
		}
		ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
		end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) listed.size())
			.putShort((short) listed.size()).putInt(zip.size() - entries.length).putInt(entries.length).putShort((short) 0);
		zip.writeBytes(end.array());
		return zip.toByteArray();
	}

	/** Bytes one after the other. */
	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	private static long crc(byte[] data) {
		CRC32 crc = new CRC32();
		crc.update(data);
		return crc.getValue();
	}

	/**
	 * An entry of a central directory made by hand.
	 * @param name its name
	 * @param data its data, stored as is
	 * @param offset where it says the entry's local header is
	 */
	record Listed(String name, byte[] data, int offset) {

	}

}

package etax.batch.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import etax.batch.BatchProcessorProperties;
import etax.batch.bulk.BatchRefusedException.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UploadsTests {

	private static final BatchProcessorProperties.Limits LIMITS = new BatchProcessorProperties.Limits(
			DataSize.ofMegabytes(10), 3, DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), 100, DataSize.ofKilobytes(16));

	private static final byte[] RETURN = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><a>Thuế</a></HSoThueDTu>"
		.getBytes(StandardCharsets.UTF_8);

	private static UploadMemory.Share memory() {
		return new UploadMemory(DataSize.ofGigabytes(1), new SimpleMeterRegistry()).share();
	}

	@Test
	void takesTheEntriesOfAZipOutByteForByteInOrder() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("b.xml", RETURN);
		entries.put("sub/a.xml", "not even xml".getBytes(StandardCharsets.UTF_8));

		List<UploadedItem> items = Uploads.items(Zips.of(entries), Format.ZIP, LIMITS, memory());

		assertThat(items).extracting(UploadedItem::name).containsExactly("b.xml", "sub/a.xml");
		assertThat(items.get(0).content()).isEqualTo(RETURN);
	}

	@Test
	void refusesAZipBombBeforeInflatingIt() {
		BatchProcessorProperties.Limits generous = new BatchProcessorProperties.Limits(DataSize.ofMegabytes(10), 3,
				DataSize.ofMegabytes(500), DataSize.ofGigabytes(1), 100, DataSize.ofKilobytes(16));

		BatchRefusedException refusal = catchThrowableOfType(BatchRefusedException.class,
				() -> Uploads.items(Zips.bomb("returns.xml", 200), Format.ZIP, generous, memory()));

		assertThat(refusal.reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH);
		assertThat(refusal.entry()).isEqualTo("returns.xml");
	}

	@Test
	void refusesAZipThatExpandsBeyondTheTotalEvenAtAModestRatio() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		byte[] random = new byte[600 * 1024];
		new java.util.Random(7).nextBytes(random);
		entries.put("1.xml", java.util.Arrays.copyOf(random, 60 * 1024));
		BatchProcessorProperties.Limits small = new BatchProcessorProperties.Limits(DataSize.ofMegabytes(10), 3,
				DataSize.ofKilobytes(64), DataSize.ofKilobytes(100), 100, DataSize.ofKilobytes(16));
		entries.put("2.xml", java.util.Arrays.copyOfRange(random, 60 * 1024, 120 * 1024));

		assertThat(catchThrowableOfType(BatchRefusedException.class,
				() -> Uploads.items(Zips.of(entries), Format.ZIP, small, memory())).reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil.xml", "returns/../../evil.xml", "/etc/passwd", "C:/windows/evil.xml",
			"returns\\evil.xml", "returns/", "a//b.xml", "./a.xml" })
	void refusesEntryNamesThatCouldEscapeAFolderOrAreNotFiles(String name) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("ok.xml", RETURN);
		entries.put(name, name.endsWith("/") ? new byte[0] : RETURN);

		BatchRefusedException refusal = refusal(Zips.of(entries), Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.UNSAFE_ENTRY_NAME);
		assertThat(refusal.entry()).isEqualTo(name);
	}

	@Test
	void refusesTooManyTooLargeEmptyAndMalformedUploads() {
		Map<String, byte[]> four = new LinkedHashMap<>();
		for (int i = 1; i <= 4; i++) {
			four.put(i + ".xml", RETURN);
		}
		assertThat(refusal(Zips.of(four), Format.ZIP)).as("refused from its central directory, before a name is read")
			.hasMessageContaining("the zip lists 4 entries")
			.extracting(BatchRefusedException::reason)
			.isEqualTo(Reason.TOO_MANY_ITEMS);
		assertThat(refusal(Zips.of(Map.of("big.xml", new byte[65 * 1024])), Format.ZIP).reason())
			.isEqualTo(Reason.ITEM_TOO_LARGE);
		assertThat(refusal(Zips.of(Map.of()), Format.ZIP).reason()).isEqualTo(Reason.EMPTY);
		assertThat(refusal(RETURN, Format.ZIP).reason()).as("not a zip").isEqualTo(Reason.MALFORMED);
		byte[] truncated = java.util.Arrays.copyOf(Zips.of(Map.of("a.xml", new byte[4000])), 60);
		assertThat(refusal(truncated, Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
	}

	@Test
	void refusesAZipCutShortAtAnEntrysLocalHeaderInsteadOfFilingTheEntriesBeforeIt() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("1.xml", RETURN);
		entries.put("2.xml", RETURN);
		byte[] zip = Zips.of(entries);
		int second = indexOf(zip, "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 4);

		BatchRefusedException refusal = refusal(java.util.Arrays.copyOf(zip, second), Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("end of central directory");
	}

	@Test
	void refusesWhatIsNotAZipAsMalformedAndKeepsAnEmptyZipEmpty() {
		byte[] zip = Zips.of(Map.of("1.xml", RETURN));
		byte[] prepended = new byte[zip.length + 5];
		System.arraycopy(zip, 0, prepended, 5, zip.length);
		byte[] bundle = ("<LoHSoThue xmlns=\"urn:etax:bulk:1\">" + new String(RETURN, StandardCharsets.UTF_8)
				+ "</LoHSoThue>").getBytes(StandardCharsets.UTF_8);

		assertThat(refusal("plain text".getBytes(StandardCharsets.UTF_8), Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal(bundle, Format.ZIP).reason()).as("a bundle sent as a zip").isEqualTo(Reason.MALFORMED);
		assertThat(refusal(prepended, Format.ZIP).reason()).as("a zip behind other bytes").isEqualTo(Reason.MALFORMED);
		assertThat(refusal(new byte[0], Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
		byte[] empty = Zips.of(Map.of());
		assertThat(empty).as("just an end of central directory record").hasSize(22);
		assertThat(refusal(empty, Format.ZIP).reason()).isEqualTo(Reason.EMPTY);
	}

	@Test
	void refusesAZipWhoseCentralDirectoryDisagreesWithItsEntries() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("1.xml", RETURN);
		entries.put("2.xml", RETURN);
		byte[] zip = Zips.of(entries);
		int central = indexOf(zip, "PK\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1), 0);
		byte[] renamed = zip.clone();
		renamed[central + 46] = 'X';

		assertThat(Uploads.items(zip, Format.ZIP, LIMITS, memory())).hasSize(2);
		assertThat(refusal(renamed, Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
	}

	@Test
	void takesAZipMadeByHandWhoseEntriesFollowOneAnother() {
		byte[] other = "<other/>".getBytes(StandardCharsets.UTF_8);
		byte[] first = Zips.storedEntry("a.xml", RETURN);

		List<UploadedItem> items = Uploads.items(Zips.withDirectory(Zips.concat(first, Zips.storedEntry("b.xml", other)),
				List.of(new Zips.Listed("a.xml", RETURN, 0), new Zips.Listed("b.xml", other, first.length))), Format.ZIP,
				LIMITS, memory());

		assertThat(items).extracting(UploadedItem::name).containsExactly("a.xml", "b.xml");
		assertThat(items.get(1).content()).isEqualTo(other);
	}

	@Test
	void refusesAZipWhoseListedEntryLiesInsideAnotherEntrysData() {
		// unzip reads b.xml where the directory says, inside a.xml's data; a reader of local headers reads a.xml
		// whole, then the b.xml that follows it, of other content
		byte[] listed = "<listed/>".getBytes(StandardCharsets.UTF_8);
		byte[] hidden = "<hidden/>".getBytes(StandardCharsets.UTF_8);
		byte[] first = Zips.concat(RETURN, Zips.storedEntry("b.xml", listed));
		byte[] zip = Zips.withDirectory(Zips.concat(Zips.storedEntry("a.xml", first), Zips.storedEntry("b.xml", hidden)),
				List.of(new Zips.Listed("a.xml", first, 0), new Zips.Listed("b.xml", listed, 30 + 5 + RETURN.length)));

		BatchRefusedException refusal = refusal(zip, Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("its entries overlap");
	}

	@Test
	void refusesAZipWithALocalHeaderItsDirectoryDoesNotListWhoseDataCoversAListedEntry() {
		// unzip reads b.xml where the directory says; a reader of local headers reads the b.xml before it, whose
		// data is the listed entry, header and all
		byte[] other = "<other/>".getBytes(StandardCharsets.UTF_8);
		byte[] first = Zips.storedEntry("a.xml", RETURN);
		byte[] listed = Zips.storedEntry("b.xml", other);
		byte[] zip = Zips.withDirectory(Zips.concat(first, Zips.storedEntry("b.xml", listed)),
				List.of(new Zips.Listed("a.xml", RETURN, 0), new Zips.Listed("b.xml", other, first.length + 30 + 5)));

		BatchRefusedException refusal = refusal(zip, Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("leave bytes between them");
	}

	@Test
	void refusesAStoredEntryWhoseLocalHeaderGivesAnotherSizeThanItsDirectory() {
		// unzip reads a.xml, then b.xml (a zip of hidden.xml); a reader of local headers, which reads the size its
		// local header gives, reads a.xml with b.xml's local header, then the entry inside b.xml's data
		byte[] hidden = Zips.storedEntry("b.xml", "<hidden/>".getBytes(StandardCharsets.UTF_8));
		byte[] first = Zips.storedEntry("a.xml", RETURN);
		byte[] zip = Zips.withDirectory(Zips.concat(first, Zips.storedEntry("b.xml", hidden)),
				List.of(new Zips.Listed("a.xml", RETURN, 0), new Zips.Listed("b.xml", hidden, first.length)));
		CRC32 read = new CRC32();
		read.update(zip, 35, RETURN.length + 35);
		ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(14, (int) read.getValue()).putInt(22, RETURN.length + 35);

		BatchRefusedException refusal = refusal(zip, Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("local header and its central directory differ");
	}

	@Test
	void refusesAZip64ExtraFieldThatClaimsMoreThanItHolds() {
		byte[] zip = Zips.of(Map.of("1.xml", RETURN));
		byte[] sizeBeyondTheFile = zip64Entry(zip, new byte[] { 1, 0, (byte) 0xFF, (byte) 0xFF });
		ByteBuffer farOffset = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
		farOffset.putShort((short) 1).putShort((short) 24).putLong(RETURN.length).putLong(RETURN.length)
			.putLong(Long.MAX_VALUE - 10);
		byte[] offsetBeyondTheFile = zip64Entry(zip, farOffset.array());

		assertThat(refusal(sizeBeyondTheFile, Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal(offsetBeyondTheFile, Format.ZIP).reason()).isEqualTo(Reason.MALFORMED);
	}

	/**
	 * A streamed entry (sizes in its data descriptor) with a ZIP64 extra field in its local header: newer Java reads
	 * 64-bit sizes from its descriptor, older 32-bit ones, so the two disagree on where it ends.
	 */
	@Test
	void refusesAStreamedEntryWithALocalZip64ExtraField() {
		byte[] name = "1.xml".getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(RETURN);
		ByteBuffer entry = ByteBuffer.allocate(30 + name.length + 20 + RETURN.length + 16).order(ByteOrder.LITTLE_ENDIAN);
		entry.putInt(0x04034b50).putShort((short) 45).putShort((short) 8).putShort((short) 0).putInt(0)
			.putInt(0).putInt(0).putInt(0).putShort((short) name.length).putShort((short) 20)
			.put(name).putShort((short) 1).putShort((short) 16).putLong(0).putLong(0)
			.put(RETURN)
			.putInt(0x08074b50).putInt((int) crc.getValue()).putInt(RETURN.length).putInt(RETURN.length);
		byte[] zip = Zips.withDirectory(entry.array(), List.of(new Zips.Listed("1.xml", RETURN, 0)));

		BatchRefusedException refusal = refusal(zip, Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("data descriptor declares ZIP64 sizes");
	}

	@Test
	void refusesAZip64LocatorPointingPastTheFile() {
		byte[] zip = Zips.of(Map.of("1.xml", RETURN));
		int end = zip.length - 22;
		ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
		locator.putInt(0x07064b50).putInt(0).putLong(Long.MAX_VALUE - 10).putInt(1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(zip, 0, end);
		out.writeBytes(locator.array());
		out.write(zip, end, 22);

		BatchRefusedException refusal = refusal(out.toByteArray(), Format.ZIP);

		assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal.getMessage()).contains("ZIP64 record is damaged");
	}

	/**
	 * The zip of one entry with its central directory entry's sizes and local header offset set to 0xFFFFFFFF
	 * (read from ZIP64) and {@code extra} as its extra field; the end record is moved to match.
	 */
	private static byte[] zip64Entry(byte[] zip, byte[] extra) {
		int central = indexOf(zip, "PK\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1), 0);
		int end = zip.length - 22;
		ByteBuffer entry = ByteBuffer.wrap(java.util.Arrays.copyOfRange(zip, central, end))
			.order(ByteOrder.LITTLE_ENDIAN);
		int nameLength = Short.toUnsignedInt(entry.getShort(28));
		assertThat(entry.getShort(30)).as("no extra field yet").isZero();
		entry.putInt(20, -1).putInt(24, -1).putInt(42, -1).putShort(30, (short) extra.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(zip, 0, central);
		out.write(entry.array(), 0, 46 + nameLength);
		out.writeBytes(extra);
		out.write(entry.array(), 46 + nameLength, entry.capacity() - 46 - nameLength);
		ByteBuffer record = ByteBuffer.wrap(java.util.Arrays.copyOfRange(zip, end, zip.length))
			.order(ByteOrder.LITTLE_ENDIAN);
		record.putInt(12, record.getInt(12) + extra.length);
		out.writeBytes(record.array());
		return out.toByteArray();
	}

	@Test
	void cutsTheReturnsOfABundleAndRefusesWhatIsNotOne() {
		String bundle = "<LoHSoThue xmlns=\"urn:etax:bulk:1\">" + new String(RETURN, StandardCharsets.UTF_8).repeat(2)
				+ "</LoHSoThue>";

		List<UploadedItem> items = Uploads.items(bundle.getBytes(StandardCharsets.UTF_8), Format.XML, LIMITS, memory());

		assertThat(items).hasSize(2).allSatisfy((item) -> assertThat(item.content()).isEqualTo(RETURN));
		assertThat(refusal(bundle.replace("urn:etax:bulk:1", "urn:other").getBytes(StandardCharsets.UTF_8), Format.XML)
			.reason()).isEqualTo(Reason.MALFORMED);
		assertThat(refusal(("<LoHSoThue xmlns=\"urn:etax:bulk:1\">" + new String(RETURN, StandardCharsets.UTF_8).repeat(4)
				+ "</LoHSoThue>").getBytes(StandardCharsets.UTF_8), Format.XML).reason()).isEqualTo(Reason.TOO_MANY_ITEMS);
		assertThat(refusal("<LoHSoThue xmlns=\"urn:etax:bulk:1\"/>".getBytes(StandardCharsets.UTF_8), Format.XML).reason())
			.isEqualTo(Reason.EMPTY);
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		for (int i = from; i <= bytes.length - part.length; i++) {
			if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

	private static BatchRefusedException refusal(byte[] upload, Format format) {
		return catchThrowableOfType(BatchRefusedException.class, () -> Uploads.items(upload, format, LIMITS, memory()));
	}

}

package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a bank's daily reconciliation file (VN-ETAX §5.4; layout in docs/adr/0014-reconciliation.md)
 * into COPY rows of {@code reconciliation.bank_file_line}, one voucher in memory at a time. The header
 * ({@code HDR}, {@link BankFileHeader}) comes first: its bank and its days bound every voucher
 * ({@link BankVoucher}). Secure: a DOCTYPE is refused, so no entity is ever expanded; nothing external is
 * fetched. Read before its signature is checked, so bounded as it is read: a field's text, a voucher's lines and
 * every piece of markup ({@link BoundedMarkup}, which the parser would otherwise hold whole: a comment, a processing
 * instruction, a CDATA section, a tag with its attribute values), and what the parser holds until the end: the open
 * elements (their depth) and the names met. Read as UTF-8, the layout's encoding, whatever the
 * file declares: another declared is refused.
 */
final class BankFileReader {

	/** The longest text of a field: far above any of the layout's, far below what would fill the memory. */
	static final int MAX_FIELD = 1_024;

	/** The most lines (ROW_CTIET) of a voucher, which are held until the voucher ends. */
	static final int MAX_LINES = 1_000;

	/**
	 * The longest piece of markup, in bytes: room for a field at its longest in a CDATA section (1,024 characters,
	 * at most 3 bytes each in UTF-8), far above a tag or a comment of the layout (the layout has no attributes).
	 */
	static final int MAX_MARKUP = 4 * MAX_FIELD;

	/** The deepest elements nest: the layout's fields are six deep (root, DSACH_GNT, GNT, CHUNGTU_CTIET, ROW_CTIET). */
	static final int MAX_DEPTH = 12;

	/**
	 * The most names a file may use, of elements, attributes, namespaces (prefixes and URIs) and processing
	 * instructions together: the parser keeps every name it meets until the end of the file, and the layout has about
	 * forty.
	 */
	static final int MAX_NAMES = 128;

	private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		// a text is read piece by piece (text), never whole
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
	}

	private BankFileReader() {
	}

	/**
	 * Reads a file, writing its lines as they come.
	 * @param in the file
	 * @param fileId the id its lines carry
	 * @param out where the COPY rows go
	 * @return the file's header and counts
	 * @throws InvalidFileException at the first thing wrong
	 */
	static ParsedFile read(InputStream in, long fileId, CopyText out) throws IOException {
		XMLStreamReader xml;
		try {
			xml = FACTORY.createXMLStreamReader(new BoundedMarkup(in, MAX_MARKUP), StandardCharsets.UTF_8.name());
		}
		catch (XMLStreamException ex) {
			throw InvalidFileException.of("Not XML", ex);
		}
		String declared = xml.getCharacterEncodingScheme();
		if (declared != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(declared)) {
			throw InvalidFileException.of("The file declares an encoding other than UTF-8, the layout's");
		}
		Map<String, String> header = new HashMap<>();
		ParsedFile.Builder file = null;
		Map<String, String> voucher = null;
		List<Map<String, String>> lines = new ArrayList<>();
		Map<String, String> line = null;
		Set<String> names = new HashSet<>();
		int depth = 0;
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw InvalidFileException.of("A DOCTYPE is not allowed");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if (++depth > MAX_DEPTH) {
						throw InvalidFileException.of("An element is nested more than " + MAX_DEPTH + " elements deep");
					}
					noteNames(xml, names);
					if ("GNT".equals(name)) {
						if (file == null) {
							file = BankFileHeader.parse(header);
						}
						voucher = new HashMap<>();
						lines.clear();
					}
					else if ("ROW_CTIET".equals(name) && voucher != null) {
						if (lines.size() == MAX_LINES) {
							throw InvalidFileException.of("GNT " + (file.vouchers() + 1) + ": more than " + MAX_LINES
									+ " ROW_CTIET");
						}
						line = new HashMap<>();
					}
					else if (line != null && BankVoucher.LINE_FIELDS.contains(name)) {
						line.put(name, text(xml, name, names));
						depth--; // text read to its end tag
					}
					else if (line == null && voucher != null && BankVoucher.FIELDS.contains(name)) {
						voucher.put(name, text(xml, name, names));
						depth--; // text read to its end tag
					}
					else if (voucher == null && BankFileHeader.FIELDS.contains(name)) {
						header.put(name, text(xml, name, names));
						depth--; // text read to its end tag
					}
				}
				else if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
					note(names, "?" + xml.getPITarget());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
					String name = xml.getLocalName();
					if ("ROW_CTIET".equals(name) && line != null) {
						lines.add(line);
						line = null;
					}
					else if ("GNT".equals(name) && voucher != null && file != null) {
						BankVoucher.write(file, voucher, lines, fileId, out);
						voucher = null;
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw InvalidFileException.of("Not well-formed XML"
					+ ((ex.getLocation() != null) ? " at line " + ex.getLocation().getLineNumber() : ""), ex);
		}
		return ((file != null) ? file : BankFileHeader.parse(header)).build();
	}

	/** Counts the names an element brings: its own, its attributes', its namespaces' prefixes and URIs. */
	private static void noteNames(XMLStreamReader xml, Set<String> names) {
		note(names, xml.getLocalName());
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			note(names, "@" + xml.getAttributeLocalName(i));
		}
		for (int i = 0; i < xml.getNamespaceCount(); i++) {
			note(names, "xmlns:" + xml.getNamespacePrefix(i));
			note(names, "=" + xml.getNamespaceURI(i));
		}
	}

	private static void note(Set<String> names, String name) {
		if (names.add(name) && names.size() > MAX_NAMES) {
			throw InvalidFileException.of("The file uses more than " + MAX_NAMES
					+ " names of elements, attributes, namespaces and processing instructions");
		}
	}

	/**
	 * A field's text, stripped, read piece by piece up to {@link #MAX_FIELD} characters: a text of gigabytes would
	 * otherwise be read whole, before the file's signature is checked.
	 */
	private static String text(XMLStreamReader xml, String field, Set<String> names) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
			if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				if (text.length() + xml.getTextLength() > MAX_FIELD) {
					throw InvalidFileException.of(field + " is longer than " + MAX_FIELD + " characters");
				}
				text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				throw InvalidFileException.of(field + " holds an element; it is a text");
			}
			else if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
				note(names, "?" + xml.getPITarget());
			}
			else if (event == XMLStreamConstants.END_DOCUMENT) {
				throw InvalidFileException.of(field + " is not closed");
			}
		}
		return text.toString().strip();
	}

}

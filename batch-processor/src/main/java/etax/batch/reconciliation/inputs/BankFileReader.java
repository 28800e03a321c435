package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.InputStream;
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
 * fetched.
 */
final class BankFileReader {

	private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
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
			xml = FACTORY.createXMLStreamReader(in);
		}
		catch (XMLStreamException ex) {
			throw InvalidFileException.of("Not XML", ex);
		}
		Map<String, String> header = new HashMap<>();
		ParsedFile.Builder file = null;
		Map<String, String> voucher = null;
		List<Map<String, String>> lines = new ArrayList<>();
		Map<String, String> line = null;
		Set<String> references = new HashSet<>();
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw InvalidFileException.of("A DOCTYPE is not allowed");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = xml.getLocalName();
					if ("GNT".equals(name)) {
						if (file == null) {
							file = BankFileHeader.parse(header);
						}
						voucher = new HashMap<>();
						lines.clear();
					}
					else if ("ROW_CTIET".equals(name) && voucher != null) {
						line = new HashMap<>();
					}
					else if (line != null && BankVoucher.LINE_FIELDS.contains(name)) {
						line.put(name, xml.getElementText().strip());
					}
					else if (line == null && voucher != null && BankVoucher.FIELDS.contains(name)) {
						voucher.put(name, xml.getElementText().strip());
					}
					else if (voucher == null && BankFileHeader.FIELDS.contains(name)) {
						header.put(name, xml.getElementText().strip());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = xml.getLocalName();
					if ("ROW_CTIET".equals(name) && line != null) {
						lines.add(line);
						line = null;
					}
					else if ("GNT".equals(name) && voucher != null && file != null) {
						BankVoucher.write(file, voucher, lines, references, fileId, out);
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

}

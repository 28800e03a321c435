package etax.schemas;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Which taxpayer a return names ({@code TTinChung/NNT/mst}), read before and without validating it: enough
 * to keep one taxpayer's returns together (a bulk filing files them in order), never a decision about the
 * return. A StAX pass with the module's secure settings that stops at the MST; anything it cannot read
 * (not XML, a DOCTYPE, a document past the depth or element limit, no MST) has none.
 */
public final class ReturnTaxpayer {

	private static final String[] PATH = { "HSoThueDTu", "HSoKhaiThue", "TTinChung", "TTinTKhaiThue", "NNT", "mst" };

	private ReturnTaxpayer() {
	}

	/**
	 * @param xml a return, byte for byte
	 * @return the MST it names, stripped, if it can be read
	 */
	public static Optional<String> mst(byte[] xml) {
		XMLStreamReader reader = null;
		try {
			reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
			return mst(reader, ParserLimits.defaults());
		}
		catch (XMLStreamException ex) {
			return Optional.empty();
		}
		finally {
			close(reader);
		}
	}

	private static Optional<String> mst(XMLStreamReader reader, ParserLimits limits) throws XMLStreamException {
		int depth = 0;
		int elements = 0;
		int matched = 0;
		StringBuilder text = null;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				return Optional.empty();
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				elements++;
				if (depth > limits.maxDepth() || elements > limits.maxElements()) {
					return Optional.empty();
				}
				if (matched == depth - 1 && depth <= PATH.length && PATH[depth - 1].equals(reader.getLocalName())
						&& EnvelopeScanner.NAMESPACE.equals(reader.getNamespaceURI())) {
					matched = depth;
					if (matched == PATH.length) {
						text = new StringBuilder();
					}
				}
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
				if (text != null) {
					text.append(reader.getText());
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (text != null) {
					String mst = text.toString().strip();
					return mst.isEmpty() ? Optional.empty() : Optional.of(mst);
				}
				if (matched == depth) {
					matched--;
				}
				depth--;
			}
		}
		return Optional.empty();
	}

	private static void close(@Nullable XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing was held but the byte array
			}
		}
	}

}

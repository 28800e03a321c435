package etax.batch.bulk;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * The tax office a return is addressed to ({@code TKhaiThue/maCQTNoiNop}), read when its batch is stored,
 * before and without validating it: the office an officer must belong to for the item to be its own
 * before declaration-api has answered (which then names the same office, or refuses the return). Never a
 * decision about the return. A StAX pass that stops at the code; a DOCTYPE, anything unreadable, a
 * document past {@value #MAX_ELEMENTS} elements or without the code has none.
 */
final class AddressedOffice {

	private static final String[] PATH = { "HSoThueDTu", "HSoKhaiThue", "TTinChung", "TTinTKhaiThue", "TKhaiThue",
			"maCQTNoiNop" };

	private static final int MAX_ELEMENTS = 10_000;

	private static final int MAX_LENGTH = 32;

	private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	private AddressedOffice() {
	}

	/**
	 * @param xml a return, byte for byte
	 * @return the tax office code it names, stripped, if it can be read
	 */
	static Optional<String> of(byte[] xml) {
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
			return read(reader);
		}
		catch (XMLStreamException | RuntimeException ex) {
			return Optional.empty();
		}
		finally {
			close(reader);
		}
	}

	private static Optional<String> read(XMLStreamReader reader) throws XMLStreamException {
		int depth = 0;
		int elements = 0;
		int matched = 0;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				return Optional.empty();
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				if (++elements > MAX_ELEMENTS) {
					return Optional.empty();
				}
				if (matched == depth - 1 && depth <= PATH.length && PATH[depth - 1].equals(reader.getLocalName())) {
					matched = depth;
					if (matched == PATH.length) {
						String code = reader.getElementText().strip();
						return (code.isEmpty() || code.length() > MAX_LENGTH) ? Optional.empty() : Optional.of(code);
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
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

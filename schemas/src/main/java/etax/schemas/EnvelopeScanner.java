package etax.schemas;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads the start of a return with StAX, only as far as {@code loaiTKhai} (or the end of {@code TKhaiThue}
 * if the fields are out of order), to learn which form version it claims to be before any schema is chosen.
 * It costs a fraction of the full pass because it stops early.
 *
 * <p>Refuses hostile input on the spot: any DOCTYPE (so no entity can be declared, let alone expanded) and
 * any XInclude element. Depth and element limits apply here too, and the text limit to the fields it reads,
 * whose text its findings quote: the SAX pass, which enforces that limit everywhere, never runs on a return the
 * pre-scan rejects. It refuses XML 1.1 as the SAX pass does, for the same reason: the JDK's StAX parser reads
 * 1.1, whose character references may write control characters into the fields, and so into the findings.
 */
final class EnvelopeScanner {

	static final String NAMESPACE = "http://kekhaithue.gdt.gov.vn/TKhaiThue";

	static final String[] PATH = { "HSoThueDTu", "HSoKhaiThue", "TTinChung", "TTinTKhaiThue", "TKhaiThue" };

	private static final String TKHAITHUE_XPATH = "/" + String.join("/", PATH);

	private final ParserLimits limits;

	EnvelopeScanner(ParserLimits limits) {
		this.limits = limits;
	}

	EnvelopeScan scan(byte[] xml) {
		Optional<String> otherEncoding = Utf8Check.otherEncoding(xml);
		if (otherEncoding.isPresent()) {
			return new EnvelopeScan.Rejected(Findings.notUtf8(otherEncoding.get()));
		}
		XMLStreamReader reader = null;
		try {
			reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
			return scan(reader);
		}
		catch (XMLStreamException ex) {
			Location at = ex.getLocation();
			throw MalformedReturnException.parserRefused(parserMessage(ex),
					(at != null && at.getLineNumber() > 0) ? at.getLineNumber() : null,
					(at != null && at.getColumnNumber() > 0) ? at.getColumnNumber() : null);
		}
		finally {
			close(reader);
		}
	}

	private EnvelopeScan scan(XMLStreamReader reader) throws XMLStreamException {
		// the reader has read the XML declaration when it is created: its version is known before any event
		String version = reader.getVersion();
		if (version != null && !"1.0".equals(version)) {
			throw MalformedReturnException.notXml10(version, line(reader), column(reader));
		}
		int depth = 0;
		int elements = 0;
		int matched = 0;
		EnvelopeScan.Field[] fields = new EnvelopeScan.Field[3];
		StringBuilder text = null;
		int field = -1;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				throw forbidden("DOCTYPE", reader);
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				elements++;
				checkLimits(depth, elements, reader);
				String ns = reader.getNamespaceURI();
				String name = reader.getLocalName();
				if (SecureXml.isXInclude(ns)) {
					throw forbidden("XInclude", reader);
				}
				if (depth == 1 && !(PATH[0].equals(name) && NAMESPACE.equals(ns))) {
					return new EnvelopeScan.Rejected(Findings.wrongRoot(name, ns, line(reader), column(reader)));
				}
				if (matched == depth - 1 && depth <= PATH.length && PATH[depth - 1].equals(name)
						&& NAMESPACE.equals(ns)) {
					matched = depth;
				}
				else if (matched == PATH.length && depth == PATH.length + 1 && NAMESPACE.equals(ns)) {
					field = fieldIndex(name);
					if (field >= 0) {
						text = new StringBuilder();
						fields[field] = new EnvelopeScan.Field("", TKHAITHUE_XPATH + "/" + name, line(reader),
								column(reader));
					}
				}
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
				if (text != null && depth == PATH.length + 1) {
					text.append(reader.getText());
					// a field's text, whatever its nodes, counted as the SAX pass counts one text node's
					if (text.length() > this.limits.maxTextLength()) {
						throw MalformedReturnException.textTooLong(this.limits.maxTextLength(), line(reader),
								column(reader));
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (text != null && depth == PATH.length + 1) {
					EnvelopeScan.Field at = fields[field];
					fields[field] = new EnvelopeScan.Field(text.toString().strip(), at.xpath(), at.line(), at.column());
					text = null;
					if (fields[0] != null && fields[1] != null && fields[2] != null) {
						break;
					}
				}
				if (matched == depth) {
					matched--;
					if (depth == PATH.length) {
						break;
					}
				}
				depth--;
			}
		}
		if (fields[0] == null || fields[1] == null || fields[2] == null) {
			return new EnvelopeScan.Rejected(Findings.unidentified(TKHAITHUE_XPATH, line(reader), column(reader)));
		}
		return new EnvelopeScan.Identified(fields[0], fields[1], fields[2]);
	}

	/** The JDK prefixes its message with the location, which the exception carries separately. */
	private static String parserMessage(XMLStreamException ex) {
		String message = String.valueOf(ex.getMessage());
		int start = message.indexOf("Message: ");
		return (start >= 0) ? message.substring(start + "Message: ".length()) : message;
	}

	private static int fieldIndex(String name) {
		return switch (name) {
			case "maTKhai" -> 0;
			case "pbanTKhaiXML" -> 1;
			case "loaiTKhai" -> 2;
			default -> -1;
		};
	}

	private void checkLimits(int depth, int elements, XMLStreamReader reader) {
		if (depth > this.limits.maxDepth()) {
			throw MalformedReturnException.tooDeep(this.limits.maxDepth(), line(reader), column(reader));
		}
		if (elements > this.limits.maxElements()) {
			throw MalformedReturnException.tooManyElements(this.limits.maxElements(), line(reader), column(reader));
		}
	}

	private static MalformedReturnException forbidden(String construct, XMLStreamReader reader) {
		return MalformedReturnException.forbidden(construct, line(reader), column(reader));
	}

	private static @Nullable Integer line(XMLStreamReader reader) {
		int line = reader.getLocation().getLineNumber();
		return (line > 0) ? line : null;
	}

	private static @Nullable Integer column(XMLStreamReader reader) {
		int column = reader.getLocation().getColumnNumber();
		return (column > 0) ? column : null;
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

package etax.schemas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Many returns in one XML document, the bulk-filing format for tax agents and T-VANs: a root element
 * {@value #ELEMENT} in the namespace {@value #NAMESPACE} whose child elements are the returns, each an
 * {@code HSoThueDTu} exactly as it would be filed alone, only without its XML declaration. The bundle is
 * UTF-8.
 *
 * <pre>
 * &lt;LoHSoThue xmlns="urn:etax:bulk:1"&gt;
 *   &lt;HSoThueDTu xmlns="http://kekhaithue.gdt.gov.vn/TKhaiThue"&gt;...&lt;/HSoThueDTu&gt;
 *   &lt;HSoThueDTu xmlns="http://kekhaithue.gdt.gov.vn/TKhaiThue"&gt;...&lt;/HSoThueDTu&gt;
 * &lt;/LoHSoThue&gt;
 * </pre>
 *
 * <p>
 * Splitting never re-serialises: a return's signature covers its bytes, so each part is the byte range of
 * one child element, from its {@code <} to the {@code >} that ends it. A return therefore carries its own
 * namespace declarations; one that relies on a declaration of the bundle is, cut out, a return without
 * its namespace, and is refused as it would be if filed alone. The bundle is first read with the same
 * secure parser as a single return (no DOCTYPE, hence no entities; nothing fetched), so the cutting only
 * ever sees well-formed markup. Whether each part is a valid return is not decided here.
 */
public final class ReturnBundle {

	/** The namespace of the root element. */
	public static final String NAMESPACE = "urn:etax:bulk:1";

	/** The local name of the root element ("lô hồ sơ thuế"). */
	public static final String ELEMENT = "LoHSoThue";

	private ReturnBundle() {
	}

	/**
	 * Finds the returns of a bundle.
	 * @param bundle the document as received
	 * @param maxParts the most parts to report: scanning stops after {@code maxParts + 1}, so that a caller
	 * can tell "too many" without cutting them all
	 * @return the parts in document order, possibly none
	 * @throws MalformedReturnException if the bundle is not well-formed UTF-8 XML, uses a DOCTYPE, nests too
	 * deeply, has too many namespaces in scope or attributes on one element, has another root element, or text
	 * between its returns
	 */
	public static List<Part> split(byte[] bundle, int maxParts) {
		Objects.requireNonNull(bundle, "bundle");
		requireUtf8(bundle);
		XMLReader reader = SecureXml.newReader();
		reader.setContentHandler(new Shape(ParserLimits.defaults().maxDepth() + 1));
		ReturnValidator.parse(reader, bundle);
		return cut(bundle, maxParts + 1);
	}

	/**
	 * One return of a bundle.
	 * @param number its position, from 1
	 * @param offset where its first byte is in the bundle
	 * @param length how many bytes it has
	 */
	public record Part(int number, int offset, int length) {

		/**
		 * @param bundle the bundle this part was found in
		 * @return a copy of the part's bytes
		 */
		public byte[] bytes(byte[] bundle) {
			return Arrays.copyOfRange(bundle, this.offset, this.offset + this.length);
		}

	}

	private static void requireUtf8(byte[] bundle) {
		Utf8Check.otherEncoding(bundle).ifPresent((encoding) -> {
			throw notABundle("a bundle is UTF-8, not " + Findings.shown(encoding), null);
		});
	}

	/**
	 * Cuts a well-formed bundle at the boundaries of the root's child elements. Markup characters are ASCII
	 * and never occur inside a multi-byte UTF-8 sequence, so a byte scan finds them exactly.
	 */
	private static List<Part> cut(byte[] xml, int limit) {
		List<Part> parts = new ArrayList<>();
		int depth = 0;
		int start = -1;
		int i = 0;
		while (i < xml.length && parts.size() < limit) {
			if (xml[i] != '<') {
				i++;
			}
			else if (startsWith(xml, i, "<!--")) {
				i = indexOf(xml, i + 4, "-->") + 3;
			}
			else if (startsWith(xml, i, "<![CDATA[")) {
				i = indexOf(xml, i + 9, "]]>") + 3;
			}
			else if (startsWith(xml, i, "<?")) {
				i = indexOf(xml, i + 2, "?>") + 2;
			}
			else if (startsWith(xml, i, "</")) {
				i = indexOf(xml, i + 2, ">") + 1;
				depth--;
				if (depth == 1) {
					parts.add(new Part(parts.size() + 1, start, i - start));
				}
			}
			else {
				int end = endOfStartTag(xml, i);
				if (depth == 1) {
					start = i;
				}
				if (xml[end - 1] == '/') {
					if (depth == 1) {
						parts.add(new Part(parts.size() + 1, start, end + 1 - start));
					}
				}
				else {
					depth++;
				}
				i = end + 1;
			}
		}
		return parts;
	}

	/** The {@code >} of a start tag, skipping those inside quoted attribute values. */
	private static int endOfStartTag(byte[] xml, int from) {
		byte quote = 0;
		for (int i = from + 1; i < xml.length; i++) {
			byte b = xml[i];
			if (quote != 0) {
				if (b == quote) {
					quote = 0;
				}
			}
			else if (b == '"' || b == '\'') {
				quote = b;
			}
			else if (b == '>') {
				return i;
			}
		}
		throw new IllegalStateException("Unterminated start tag in a document the parser accepted");
	}

	private static int indexOf(byte[] xml, int from, String ascii) {
		byte[] target = ascii.getBytes(StandardCharsets.US_ASCII);
		for (int i = from; i <= xml.length - target.length; i++) {
			if (startsWith(xml, i, target)) {
				return i;
			}
		}
		throw new IllegalStateException("No " + ascii + " in a document the parser accepted");
	}

	private static boolean startsWith(byte[] xml, int at, String ascii) {
		return startsWith(xml, at, ascii.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean startsWith(byte[] xml, int at, byte[] prefix) {
		if (at + prefix.length > xml.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (xml[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static MalformedReturnException notABundle(String what, @Nullable Integer line) {
		return new MalformedReturnException(MalformedReturnException.Reason.NOT_WELL_FORMED,
				"Not a bundle of returns: " + what, line, null);
	}

	/**
	 * Checks the bundle's shape while the secure parser reads it: root, depth, namespaces in scope, nothing but
	 * returns. The namespaces are bounded as a return's are ({@link PathTracker}): each return is read again alone,
	 * but the bundle's parse would first spend, element after element, time in the number of declarations in scope.
	 */
	private static final class Shape extends DefaultHandler {

		private final int maxDepth;

		private @Nullable Locator locator;

		private int depth;

		private int namespaces;

		Shape(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws PathTracker.Refused {
			this.depth++;
			if (this.depth == 1 && !(NAMESPACE.equals(uri) && ELEMENT.equals(localName))) {
				throw new PathTracker.Refused(
						notABundle("the root element must be " + ELEMENT + " in namespace " + NAMESPACE, line()));
			}
			if (this.depth > this.maxDepth) {
				throw new PathTracker.Refused(
						MalformedReturnException.tooDeep(this.maxDepth, line(), null));
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			this.depth--;
		}

		@Override
		public void startPrefixMapping(String prefix, String uri) throws PathTracker.Refused {
			if (++this.namespaces > ParserLimits.MAX_NAMESPACES_IN_SCOPE) {
				throw new PathTracker.Refused(
						MalformedReturnException.tooManyNamespaces(ParserLimits.MAX_NAMESPACES_IN_SCOPE, line(), null));
			}
		}

		@Override
		public void endPrefixMapping(String prefix) {
			this.namespaces--;
		}

		@Override
		public void characters(char[] ch, int start, int length) throws PathTracker.Refused {
			if (this.depth == 1 && !new String(ch, start, length).isBlank()) {
				throw new PathTracker.Refused(notABundle("text between returns", line()));
			}
		}

		private @Nullable Integer line() {
			Locator current = this.locator;
			return (current != null && current.getLineNumber() > 0) ? current.getLineNumber() : null;
		}

	}

}

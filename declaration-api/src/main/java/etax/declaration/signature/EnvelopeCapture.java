package etax.declaration.signature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads what signature verification needs from the parse that validates a return, so that the return is
 * parsed once (ADR 0009): the envelope as a small DOM (the root with its namespaces and attributes, an
 * empty {@code HSoKhaiThue} with its attributes, and all of {@code CKyDTu}: the signatures, their comments
 * and whitespace, in their namespace context), the SHA-256 of {@code HSoKhaiThue} in Canonical XML
 * ({@link CanonicalDigest}), and whether a {@code ds:Signature} appears outside {@code CKyDTu}. Give one to
 * {@code ReturnValidator.validate(xml, capture)}, then to {@link SignatureVerification#verify(EnvelopeCapture,
 * byte[], SignatureContext)}. Not thread-safe; one per return.
 */
public final class EnvelopeCapture extends DefaultHandler implements LexicalHandler {

	private static final DOMImplementation DOM = domImplementation();

	private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

	private final Document document = DOM.createDocument(null, null, null);

	private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

	private final Map<String, String> declared = new HashMap<>();

	private int depth;

	private @Nullable Element root;

	/** The node of {@code CKyDTu} being built, while the parse is inside it. */
	private @Nullable Node building;

	/**
	 * Text of the node being built not added to it yet: a parser hands text over in pieces (at line ends,
	 * character references, the end of its buffer), and a text node appended to piece by piece copies all
	 * of itself each time.
	 */
	private final StringBuilder text = new StringBuilder();

	private @Nullable CanonicalDigest body;

	private byte @Nullable [] bodyDigest;

	private boolean inheritsXmlAttributes;

	private boolean signatureElsewhere;

	private boolean complete;

	public EnvelopeCapture() {
		this.scopes.push(Map.of("", ""));
	}

	/** The envelope without the content of {@code HSoKhaiThue}, or {@code null} if the parse did not end. */
	@Nullable Document envelope() {
		return this.complete ? this.document : null;
	}

	/**
	 * The SHA-256 of the last {@code HSoKhaiThue} in Canonical XML 1.0 without comments, or {@code null} when
	 * there is none or it cannot be computed from the parse (the root carries {@code xml:} attributes that
	 * canonicalisation would inherit).
	 */
	byte @Nullable [] bodyDigest() {
		return (this.complete && !this.inheritsXmlAttributes) ? this.bodyDigest : null;
	}

	/** Whether a {@code ds:Signature} element appears anywhere but in {@code CKyDTu}. */
	boolean signatureElsewhere() {
		return this.signatureElsewhere;
	}

	@Override
	public void setDocumentLocator(Locator locator) {
	}

	@Override
	public void endDocument() {
		this.complete = true;
	}

	@Override
	public void startPrefixMapping(String prefix, String uri) {
		this.declared.put(prefix, uri);
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		Map<String, String> scope = this.scopes.peek();
		if (!this.declared.isEmpty()) {
			scope = new HashMap<>(scope);
			scope.putAll(this.declared);
		}
		this.scopes.push(scope);
		this.depth++;
		boolean signature = SignatureParts.DSIG.equals(uri) && "Signature".equals(localName);
		if (this.body != null) {
			this.body.start(qName, scope, attributes);
			this.signatureElsewhere |= signature;
		}
		else if (this.building != null) {
			addText(this.building);
			this.building = this.building.appendChild(element(uri, qName, attributes));
		}
		else if (this.depth == 1) {
			this.root = (Element) this.document.appendChild(element(uri, qName, attributes));
			for (int i = 0; i < attributes.getLength(); i++) {
				this.inheritsXmlAttributes |= XMLConstants.XML_NS_URI.equals(attributes.getURI(i));
			}
		}
		else if (this.depth == 2 && SignatureVerification.TKHAI.equals(uri) && "HSoKhaiThue".equals(localName)) {
			this.root.appendChild(element(uri, qName, attributes));
			this.body = new CanonicalDigest();
			this.body.start(qName, scope, attributes);
		}
		else if (this.depth == 2 && SignatureVerification.TKHAI.equals(uri) && "CKyDTu".equals(localName)) {
			this.building = this.root.appendChild(element(uri, qName, attributes));
		}
		else {
			this.signatureElsewhere |= signature;
		}
		this.declared.clear();
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		if (this.body != null) {
			this.body.end(qName);
			if (this.depth == 2) {
				this.bodyDigest = this.body.finish();
				this.body = null;
			}
		}
		else if (this.building != null) {
			addText(this.building);
			this.building = (this.depth == 2) ? null : this.building.getParentNode();
		}
		this.depth--;
		this.scopes.pop();
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.body != null) {
			this.body.text(ch, start, length);
		}
		else if (this.building != null) {
			this.text.append(ch, start, length);
		}
	}

	private void addText(Node parent) {
		if (!this.text.isEmpty()) {
			parent.appendChild(this.document.createTextNode(this.text.toString()));
			this.text.setLength(0);
		}
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) {
		characters(ch, start, length);
	}

	@Override
	public void processingInstruction(String target, String data) {
		if (this.body != null) {
			this.body.processingInstruction(target, data);
		}
		else if (this.building != null) {
			addText(this.building);
			this.building.appendChild(this.document.createProcessingInstruction(target, data));
		}
	}

	@Override
	public void comment(char[] ch, int start, int length) {
		// comments are signed only where they are in SignedInfo (a reference to an ID leaves them out)
		if (this.building != null) {
			addText(this.building);
			this.building.appendChild(this.document.createComment(new String(ch, start, length)));
		}
	}

	@Override
	public void startDTD(String name, String publicId, String systemId) {
	}

	@Override
	public void endDTD() {
	}

	@Override
	public void startEntity(String name) {
	}

	@Override
	public void endEntity(String name) {
	}

	@Override
	public void startCDATA() {
	}

	@Override
	public void endCDATA() {
	}

	private Element element(String uri, String qName, Attributes attributes) {
		Element element = this.document.createElementNS(uri.isEmpty() ? null : uri, qName);
		this.declared.forEach((prefix, namespace) -> element.setAttributeNS(XMLNS,
				prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, namespace));
		for (int i = 0; i < attributes.getLength(); i++) {
			String namespace = attributes.getURI(i);
			element.setAttributeNS(namespace.isEmpty() ? null : namespace, attributes.getQName(i),
					attributes.getValue(i));
		}
		return element;
	}

	private static DOMImplementation domImplementation() {
		try {
			return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK has no DOM implementation", ex);
		}
	}

}

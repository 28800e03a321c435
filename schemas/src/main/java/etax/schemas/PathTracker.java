package etax.schemas;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.ext.Locator2;

/**
 * First stage of the SAX pass: knows where the parse is (element path, text of the current leaf, line and
 * column) and enforces XML 1.0 and the depth, element, namespace and text limits, then passes every event on
 * unchanged. The text
 * limit holds before the schema validator sees a value, an element's or an attribute's, whose facets may cost more
 * than linear time in its length. The XSD error
 * collector asks it where an error happened, because the JAXP validator only reports a message.
 */
final class PathTracker implements ContentHandler {

	private final ContentHandler next;

	private final ParserLimits limits;

	private final StringBuilder text = new StringBuilder();

	private @Nullable Locator locator;

	private PathNode current = PathNode.document();

	private int depth;

	private int elements;

	/** Namespace declarations in scope: the parser maps prefixes before their element and unmaps them after it. */
	private int namespaces;

	/** Characters of the text node being read: the parser may hand one text over in several calls. */
	private int textLength;

	private boolean leaf;

	private boolean ending;

	/**
	 * Whether the XML version has been checked, at the first element: not by {@link #elements}, which counts
	 * comments and processing instructions too, so that one before the root would skip the check; not at
	 * {@code startDocument}, which Xerces reports before it reads the XML declaration (the version is then
	 * {@code 1.0} whatever the declaration says).
	 */
	private boolean versionChecked;

	PathTracker(ContentHandler next, ParserLimits limits) {
		this.next = next;
		this.limits = limits;
	}

	/** The element being started, ended or read. */
	PathNode current() {
		return this.current;
	}

	/** Line of the current event, 0 when unknown. */
	int lineNumber() {
		return (this.locator != null) ? Math.max(this.locator.getLineNumber(), 0) : 0;
	}

	/** Column of the current event, 0 when unknown. */
	int columnNumber() {
		return (this.locator != null) ? Math.max(this.locator.getColumnNumber(), 0) : 0;
	}

	/** Whether the next handler is processing the end tag of {@link #current()}. */
	boolean ending() {
		return this.ending;
	}

	/** The trimmed text of the current element while its end tag is processed, if it has no child elements. */
	@Nullable String leafText() {
		return (this.ending && this.leaf) ? this.text.toString().strip() : null;
	}

	@Override
	public void setDocumentLocator(Locator locator) {
		this.locator = locator;
		this.next.setDocumentLocator(locator);
	}

	@Override
	public void startDocument() throws SAXException {
		this.next.startDocument();
	}

	@Override
	public void endDocument() throws SAXException {
		this.next.endDocument();
	}

	@Override
	public void startPrefixMapping(String prefix, String uri) throws SAXException {
		if (++this.namespaces > ParserLimits.MAX_NAMESPACES_IN_SCOPE) {
			throw new Refused(MalformedReturnException.tooManyNamespaces(ParserLimits.MAX_NAMESPACES_IN_SCOPE, line(),
					column()));
		}
		checkLength(uri.length());
		this.next.startPrefixMapping(prefix, uri);
	}

	@Override
	public void endPrefixMapping(String prefix) throws SAXException {
		this.namespaces--;
		this.next.endPrefixMapping(prefix);
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
		if (!this.versionChecked) {
			this.versionChecked = true;
			if (this.locator instanceof Locator2 declared && !"1.0".equals(declared.getXMLVersion())) {
				// XML 1.1 names and control characters are no XML 1.0's, which everything downstream writes
				throw new Refused(MalformedReturnException.notXml10(declared.getXMLVersion(), line(), column()));
			}
		}
		if (SecureXml.isXInclude(uri)) {
			throw new Refused(MalformedReturnException.forbidden("XInclude", line(), column()));
		}
		if (++this.depth > this.limits.maxDepth()) {
			throw new Refused(MalformedReturnException.tooDeep(this.limits.maxDepth(), line(), column()));
		}
		if (++this.elements > this.limits.maxElements()) {
			throw new Refused(MalformedReturnException.tooManyElements(this.limits.maxElements(), line(), column()));
		}
		for (int i = 0; i < atts.getLength(); i++) {
			checkLength(atts.getValue(i).length());
		}
		this.current = this.current.child(localName);
		this.text.setLength(0);
		this.textLength = 0;
		this.leaf = true;
		this.next.startElement(uri, localName, qName, atts);
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		this.textLength = 0;
		this.ending = true;
		try {
			this.next.endElement(uri, localName, qName);
		}
		finally {
			this.ending = false;
		}
		this.leaf = false;
		this.depth--;
		PathNode parent = this.current.parent();
		if (parent != null) {
			this.current = parent;
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		this.textLength += length;
		if (this.textLength > this.limits.maxTextLength()) {
			throw new Refused(MalformedReturnException.textTooLong(this.limits.maxTextLength(), line(), column()));
		}
		if (this.leaf) {
			this.text.append(ch, start, length);
		}
		this.next.characters(ch, start, length);
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
		this.next.ignorableWhitespace(ch, start, length);
	}

	@Override
	public void processingInstruction(String target, String data) throws SAXException {
		countNode(data.length());
		this.next.processingInstruction(target, data);
	}

	/**
	 * An attribute's value (a namespace's name too) is a text like an element's, bounded alike before the validator
	 * sees it: it may resolve it as a type ({@code xsi:type}), keep it as an ID, and quote it whole in its errors.
	 */
	private void checkLength(int length) throws SAXException {
		if (length > this.limits.maxTextLength()) {
			throw new Refused(MalformedReturnException.textTooLong(this.limits.maxTextLength(), line(), column()));
		}
	}

	/**
	 * A comment or a processing instruction is a node like an element, and its text like an element's: counted
	 * against the same limits, or a return of millions of empty comments would reach the observer (which may build
	 * a tree of them) within every limit.
	 */
	private void countNode(int textLength) throws SAXException {
		if (++this.elements > this.limits.maxElements()) {
			throw new Refused(MalformedReturnException.tooManyElements(this.limits.maxElements(), line(), column()));
		}
		checkLength(textLength);
	}

	/**
	 * The observer's handler of comments and CDATA boundaries, with the comments counted against the limits
	 * ({@link #countNode}).
	 */
	LexicalHandler counting(LexicalHandler observer) {
		return new LexicalHandler() {

			@Override
			public void comment(char[] ch, int start, int length) throws SAXException {
				countNode(length);
				observer.comment(ch, start, length);
			}

			@Override
			public void startDTD(String name, String publicId, String systemId) throws SAXException {
				observer.startDTD(name, publicId, systemId);
			}

			@Override
			public void endDTD() throws SAXException {
				observer.endDTD();
			}

			@Override
			public void startEntity(String name) throws SAXException {
				observer.startEntity(name);
			}

			@Override
			public void endEntity(String name) throws SAXException {
				observer.endEntity(name);
			}

			@Override
			public void startCDATA() throws SAXException {
				observer.startCDATA();
			}

			@Override
			public void endCDATA() throws SAXException {
				observer.endCDATA();
			}

		};
	}

	@Override
	public void skippedEntity(String name) throws SAXException {
		throw new Refused(MalformedReturnException.forbidden("entity reference", line(), column()));
	}

	private @Nullable Integer line() {
		return (this.locator != null && this.locator.getLineNumber() > 0) ? this.locator.getLineNumber() : null;
	}

	private @Nullable Integer column() {
		return (this.locator != null && this.locator.getColumnNumber() > 0) ? this.locator.getColumnNumber() : null;
	}

	/** Carries a refusal through the parser, which only lets SAX exceptions out of a handler. */
	static final class Refused extends SAXException {

		private static final long serialVersionUID = 1L;

		private final MalformedReturnException refusal;

		Refused(MalformedReturnException refusal) {
			super(refusal.getMessage());
			this.refusal = refusal;
		}

		MalformedReturnException refusal() {
			return this.refusal;
		}

	}

}

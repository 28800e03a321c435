package etax.schemas;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Hands every event of the parse to an observer, then to the validator: the observer sees the document as
 * the parser read it (no defaults the schema adds), within the parser's limits, and cannot change what is
 * validated.
 */
final class ObservedHandler implements ContentHandler {

	private final ContentHandler observer;

	private final ContentHandler next;

	ObservedHandler(ContentHandler observer, ContentHandler next) {
		this.observer = observer;
		this.next = next;
	}

	@Override
	public void setDocumentLocator(Locator locator) {
		this.observer.setDocumentLocator(locator);
		this.next.setDocumentLocator(locator);
	}

	@Override
	public void startDocument() throws SAXException {
		this.observer.startDocument();
		this.next.startDocument();
	}

	@Override
	public void endDocument() throws SAXException {
		this.observer.endDocument();
		this.next.endDocument();
	}

	@Override
	public void startPrefixMapping(String prefix, String uri) throws SAXException {
		this.observer.startPrefixMapping(prefix, uri);
		this.next.startPrefixMapping(prefix, uri);
	}

	@Override
	public void endPrefixMapping(String prefix) throws SAXException {
		this.observer.endPrefixMapping(prefix);
		this.next.endPrefixMapping(prefix);
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
		this.observer.startElement(uri, localName, qName, atts);
		this.next.startElement(uri, localName, qName, atts);
	}

	@Override
	public void endElement(String uri, String localName, String qName) throws SAXException {
		this.observer.endElement(uri, localName, qName);
		this.next.endElement(uri, localName, qName);
	}

	@Override
	public void characters(char[] ch, int start, int length) throws SAXException {
		this.observer.characters(ch, start, length);
		this.next.characters(ch, start, length);
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
		this.observer.ignorableWhitespace(ch, start, length);
		this.next.ignorableWhitespace(ch, start, length);
	}

	@Override
	public void processingInstruction(String target, String data) throws SAXException {
		this.observer.processingInstruction(target, data);
		this.next.processingInstruction(target, data);
	}

	@Override
	public void skippedEntity(String name) throws SAXException {
		this.observer.skippedEntity(name);
		this.next.skippedEntity(name);
	}

}

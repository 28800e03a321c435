package etax.payment.confirmation;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import static etax.payment.confirmation.Camt054Elements.child;
import static etax.payment.confirmation.RejectionReason.MALFORMED_XML;

/**
 * Parses a camt.054 message down to its notification ({@code Document/BkToCstmrDbtCdtNtfctn}), securely:
 * DOCTYPE declarations are refused (so no entity can be declared or fetched), no external DTD or schema is read,
 * and secure processing limits apply. One parser per thread, reset before each message.
 */
final class Camt054Parser {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.";

	/** The deepest nesting of elements read. */
	static final int MAX_DEPTH = 64;

	private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

	private static final ErrorHandler SILENT = new ErrorHandler() {
		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) throws SAXException {
			throw ex;
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}
	};

	private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(Camt054Parser::newBuilder);

	/**
	 * @param value the message
	 * @return its notification, {@code Document/BkToCstmrDbtCdtNtfctn} in a camt.054 namespace
	 * @throws InvalidConfirmationException ({@code malformed-xml}) if it is empty, not well-formed XML without
	 * DOCTYPE, or no camt.054
	 */
	Element parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is empty");
		}
		Document document;
		DocumentBuilder builder = this.builders.get();
		try {
			builder.reset();
			builder.setErrorHandler(SILENT);
			document = builder.parse(new InputSource(new StringReader(value)));
		}
		catch (SAXParseException ex) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is not well-formed XML without DOCTYPE (line "
					+ ex.getLineNumber() + ", column " + ex.getColumnNumber() + ")");
		}
		catch (SAXException | IOException ex) {
			throw new InvalidConfirmationException(MALFORMED_XML, "value is not well-formed XML without DOCTYPE");
		}
		Element root = document.getDocumentElement();
		String namespace = root.getNamespaceURI();
		if (!"Document".equals(root.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
			throw new InvalidConfirmationException(MALFORMED_XML,
					"the root must be Document in namespace " + NAMESPACE_PREFIX + "*");
		}
		Element notification = child(root, "BkToCstmrDbtCdtNtfctn");
		if (notification == null) {
			throw new InvalidConfirmationException(MALFORMED_XML, "Document/BkToCstmrDbtCdtNtfctn is required");
		}
		return notification;
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			// a camt.054 is about a dozen levels deep; unbounded depth (JDK 17's default) let 100,000 nested
			// elements reach the DOM, where reading a field's text recursed once per level past the stack
			factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser lacks a security feature", ex);
		}
	}

}

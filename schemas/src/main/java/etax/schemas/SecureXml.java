package etax.schemas;

import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The only places where this module creates XML parsers, configured so that a return can never make the
 * server read a file, open a URL or expand entities. The JDK's own implementations are used on purpose
 * ({@code newDefault...}), so that a parser arriving on the classpath of an application cannot change
 * these guarantees.
 */
final class SecureXml {

	static final String XINCLUDE_NAMESPACE = "http://www.w3.org/2001/XInclude";

	static final String XINCLUDE_NAMESPACE_2003 = "http://www.w3.org/2003/XInclude";

	/** Xerces property for the language of its messages: English (the base bundle) whatever the JVM locale. */
	static final String LOCALE_PROPERTY = "http://apache.org/xml/properties/locale";

	/** The JDK's limit on one element's attributes ({@link ParserLimits#MAX_ATTRIBUTES}). */
	static final String ATTRIBUTE_LIMIT = "jdk.xml.elementAttributeLimit";

	/** The code of the JDK's message when an element passes {@link #ATTRIBUTE_LIMIT}, in every language. */
	static final String ATTRIBUTE_LIMIT_CODE = "JAXP00010002";

	/**
	 * The JDK's StAX parser drops an element's namespace declarations from its attributes, and so from
	 * {@link #ATTRIBUTE_LIMIT}'s count, unless told to keep them (the name is the JDK's, misspelt): kept, they are
	 * counted as the SAX parser counts them.
	 */
	private static final String STAX_KEEPS_NAMESPACE_DECLARATIONS = "add-namespacedecl-as-attrbiute";

	private static final XMLInputFactory INPUT_FACTORY = newInputFactory();

	private static final SAXParserFactory SAX_FACTORY = newSaxFactory();

	private SecureXml() {
	}

	/**
	 * A StAX factory that reports a DOCTYPE as an event (the caller refuses it), resolves nothing, and refuses an
	 * element of more than {@link ParserLimits#MAX_ATTRIBUTES} attributes and namespace declarations together
	 * (declarations therefore appear among the attributes of a start element). Creating readers from one
	 * configured factory is thread-safe in the JDK implementation.
	 */
	static XMLInputFactory inputFactory() {
		return INPUT_FACTORY;
	}

	/**
	 * A namespace-aware SAX reader that fails on any DOCTYPE, never loads external entities or DTDs, does
	 * not process XInclude, refuses an element of more than {@link ParserLimits#MAX_ATTRIBUTES} attributes and
	 * namespace declarations together, and stops at the first well-formedness error. Not thread-safe.
	 */
	static XMLReader newReader() {
		try {
			XMLReader reader;
			synchronized (SAX_FACTORY) {
				reader = SAX_FACTORY.newSAXParser().getXMLReader();
			}
			reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			reader.setProperty(LOCALE_PROPERTY, Locale.ROOT);
			reader.setProperty(ATTRIBUTE_LIMIT, String.valueOf(ParserLimits.MAX_ATTRIBUTES));
			reader.setErrorHandler(FailFast.INSTANCE);
			return reader;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("The JDK SAX parser does not support the secure settings", ex);
		}
	}

	static boolean isXInclude(String namespaceUri) {
		return XINCLUDE_NAMESPACE.equals(namespaceUri) || XINCLUDE_NAMESPACE_2003.equals(namespaceUri);
	}

	private static XMLInputFactory newInputFactory() {
		try {
			XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
			factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setProperty(ATTRIBUTE_LIMIT, String.valueOf(ParserLimits.MAX_ATTRIBUTES));
			factory.setProperty(STAX_KEEPS_NAMESPACE_DECLARATIONS, true);
			return factory;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The JDK StAX parser does not support the secure settings", ex);
		}
	}

	private static SAXParserFactory newSaxFactory() {
		try {
			SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setValidating(false);
			factory.setXIncludeAware(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			// a reader keeps the names of every document it parsed unless told to start afresh with each: pooled
			// readers would grow with every document of names never seen before
			factory.setFeature("jdk.xml.resetSymbolTable", true);
			return factory;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("The JDK SAX parser does not support the secure settings", ex);
		}
	}

	/**
	 * Stops at the first error: for the parser's own errors (the bytes are not well-formed XML) and for
	 * compiling our XSDs (one that does not compile is a build defect).
	 */
	enum FailFast implements ErrorHandler {

		INSTANCE;

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

	}

}

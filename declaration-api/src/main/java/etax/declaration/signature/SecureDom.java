package etax.declaration.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The DOM parser of signed returns: the JDK's own implementation (a parser on the classpath cannot weaken
 * it), refusing any DOCTYPE, never loading anything external, no XInclude. Builders are pooled because
 * creating one costs about as much as parsing a small return. Thread-safe.
 */
final class SecureDom {

	private static final DocumentBuilderFactory FACTORY = newFactory();

	private final BlockingQueue<DocumentBuilder> pool = new ArrayBlockingQueue<>(64);

	Document parse(byte[] xml) throws SAXException, IOException {
		DocumentBuilder builder = this.pool.poll();
		if (builder == null) {
			builder = newBuilder();
		}
		try {
			return builder.parse(new ByteArrayInputStream(xml));
		}
		finally {
			builder.reset();
			builder.setErrorHandler(FailFast.INSTANCE);
			this.pool.offer(builder);
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilder builder;
			synchronized (FACTORY) {
				builder = FACTORY.newDocumentBuilder();
			}
			builder.setErrorHandler(FailFast.INSTANCE);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops at the first error, and prints nothing (the default handler writes to standard error). */
	private enum FailFast implements ErrorHandler {

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

	private static DocumentBuilderFactory newFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			// verification visits every node (canonicalisation): building them as parsed is cheaper than
			// Xerces' default of building each on first visit (about a fifth of parse and walk of a return)
			factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK DOM parser does not support the secure settings", ex);
		}
	}

}

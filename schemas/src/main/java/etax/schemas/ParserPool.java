package etax.schemas;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.ext.LexicalHandler;

/**
 * Keeps idle SAX readers and validator handlers for reuse. Neither is thread-safe, but both are expensive to
 * create (together about as much as validating a small return), and both reset themselves at the start of
 * each document. A pool rather than a thread-local, so that reuse also works with virtual threads; a
 * bounded one, so that a burst of concurrency does not keep its parsers forever.
 *
 * <p>Only parsers that finished a document normally come back; after any exception they are dropped.
 */
final class ParserPool {

	private static final int IDLE_PER_SCHEMA = 32;

	private static final DefaultHandler2 NOTHING = new DefaultHandler2();

	private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";

	private final Map<Schema, BlockingQueue<Pipeline>> idle = new ConcurrentHashMap<>();

	/**
	 * Documents a pipeline validates before it is dropped, and the size above which a document's pipeline is dropped
	 * after it: a validator keeps every element and attribute name it has seen in a table of its own that nothing
	 * empties (the reader's is reset per document, {@link SecureXml}), so a pooled one would grow with each document
	 * of names never seen before, without bound. These bound what one holds.
	 */
	static final int USES = 256;

	static final int RETIRE_ABOVE_BYTES = 64 * 1024;

	/** A reader feeding a validator handler of one schema; the handlers around them are set per document. */
	record Pipeline(XMLReader reader, ValidatorHandler validator, AtomicInteger uses) {
	}

	Pipeline acquire(Schema schema) {
		Pipeline pipeline = queue(schema).poll();
		return (pipeline != null) ? pipeline : create(schema);
	}

	/**
	 * Returns a pipeline to the pool, or drops it once it has validated {@value #USES} documents or a document of more
	 * than {@value #RETIRE_ABOVE_BYTES} bytes.
	 * @param documentBytes the size of the document it validated
	 */
	void release(Schema schema, Pipeline pipeline, int documentBytes) {
		if (pipeline.uses().incrementAndGet() >= USES || documentBytes > RETIRE_ABOVE_BYTES) {
			return;
		}
		// drop the references to the last document's handlers before the pipeline waits idle
		pipeline.reader().setContentHandler(NOTHING);
		setLexicalHandler(pipeline.reader(), NOTHING);
		pipeline.validator().setContentHandler(NOTHING);
		pipeline.validator().setErrorHandler(NOTHING);
		queue(schema).offer(pipeline);
	}

	/** Sets the handler of a reader's comments and CDATA boundaries (the JDK's reader supports it). */
	static void setLexicalHandler(XMLReader reader, LexicalHandler handler) {
		try {
			reader.setProperty(LEXICAL_HANDLER, handler);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("The JDK SAX reader has no lexical handler property", ex);
		}
	}

	private BlockingQueue<Pipeline> queue(Schema schema) {
		return this.idle.computeIfAbsent(schema, (key) -> new ArrayBlockingQueue<>(IDLE_PER_SCHEMA));
	}

	private static Pipeline create(Schema schema) {
		ValidatorHandler validator = schema.newValidatorHandler();
		try {
			validator.setProperty(SecureXml.LOCALE_PROPERTY, Locale.ROOT);
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		}
		catch (SAXException ex) {
			throw new IllegalStateException("The JDK validator does not support the secure settings", ex);
		}
		return new Pipeline(SecureXml.newReader(), validator, new AtomicInteger());
	}

}

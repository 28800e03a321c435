package etax.schemas;

import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>The bound is one budget for all schemas, {@value #MAX_IDLE} idle pipelines: bounded per schema (32 each), a
 * burst over the catalog's 80 XSDs could keep 2,560 pipelines for good. A pipeline released when the budget is
 * spent takes the place of an idle one of another schema, so that the pipelines of a past burst do not shut out
 * the forms filed now; among its own schema's, it is dropped. The pool takes no lock: one counter of idle
 * pipelines, a place reserved on it before a pipeline is queued (so that it never counts fewer than wait), and a
 * lock-free queue per schema.
 *
 * <p>Only parsers that finished a document normally come back; after any exception they are dropped.
 */
final class ParserPool {

	/** Most idle pipelines, all schemas together: a busy server's concurrent validations of one or a few forms. */
	static final int MAX_IDLE = 64;

	/**
	 * Documents a pipeline validates before it is dropped, and the size above which a document's pipeline is dropped
	 * after it: a validator keeps every element and attribute name it has seen in a table of its own that nothing
	 * empties (the reader's is reset per document, {@link SecureXml}), so a pooled one would grow with each document
	 * of names never seen before, without bound. These bound what one holds.
	 */
	static final int USES = 256;

	static final int RETIRE_ABOVE_BYTES = 64 * 1024;

	private static final DefaultHandler2 NOTHING = new DefaultHandler2();

	private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";

	private final Map<Schema, Queue<Pipeline>> idle = new ConcurrentHashMap<>();

	/** Pipelines idle or about to be: at least as many as the queues hold, never more than {@link #maxIdle}. */
	private final AtomicInteger idleCount = new AtomicInteger();

	private final int maxIdle;

	ParserPool() {
		this(MAX_IDLE);
	}

	ParserPool(int maxIdle) {
		this.maxIdle = maxIdle;
	}

	/** A reader feeding a validator handler of one schema; the handlers around them are set per document. */
	record Pipeline(XMLReader reader, ValidatorHandler validator, AtomicInteger uses) {
	}

	Pipeline acquire(Schema schema) {
		Pipeline pipeline = queue(schema).poll();
		if (pipeline == null) {
			return create(schema);
		}
		this.idleCount.decrementAndGet();
		return pipeline;
	}

	/**
	 * Returns a pipeline to the pool, or drops it once it has validated {@value #USES} documents or a document of more
	 * than {@value #RETIRE_ABOVE_BYTES} bytes. When the pool's budget is spent, the pipeline takes the place of an
	 * idle one of another schema, or is dropped when all idle pipelines are of its own.
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
		if (this.idleCount.incrementAndGet() > this.maxIdle) {
			this.idleCount.decrementAndGet();
			if (!dropIdleOfAnother(schema)) {
				return;
			}
		}
		queue(schema).offer(pipeline);
	}

	/** How many pipelines wait, all schemas together. */
	int idle() {
		return this.idle.values().stream().mapToInt(Queue::size).sum();
	}

	/** Drops one idle pipeline of a schema other than this one, whose place is then free; false when none waits. */
	private boolean dropIdleOfAnother(Schema schema) {
		for (Map.Entry<Schema, Queue<Pipeline>> other : this.idle.entrySet()) {
			if (other.getKey() != schema && other.getValue().poll() != null) {
				return true;
			}
		}
		return false;
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

	private Queue<Pipeline> queue(Schema schema) {
		return this.idle.computeIfAbsent(schema, (key) -> new ConcurrentLinkedQueue<>());
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

package etax.schemas;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.xml.validation.Schema;

import org.jspecify.annotations.Nullable;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;

/**
 * Turns the raw bytes of a return into a {@link Validation}: the entry point of intake, bulk filing and the
 * filers' own checks.
 *
 * <p>The bytes are read at most twice: a StAX pre-scan up to {@code loaiTKhai} picks the form version from
 * the {@link FormCatalog}, then one SAX pass tracks the element path, validates against the form's XSD
 * (collecting every error) and extracts the header and indicators. A schema-valid return then has its form
 * version's rules evaluated on the extracted values (no second parse, see ADR 0008): their findings, and
 * {@code ENV-3} when the version does not cover the declared period, come with the
 * {@link Validation.Receivable}. Either list holds the first 500 findings at most, and then one
 * ({@code FINDINGS-LIMIT}) that counts the others by rule. DOCTYPEs (hence entities) and XInclude are refused (see
 * {@link MalformedReturnException}); schema-location hints are ignored; nothing outside the bytes is ever
 * read.
 *
 * <p>Thread-safe. Create one and share it: it pools parsers, so an instance per call is needlessly slow.
 */
public final class ReturnValidator {

	private final FormCatalog catalog;

	private final ParserLimits limits;

	private final EnvelopeScanner scanner;

	private final ParserPool parsers = new ParserPool();

	private final boolean rules;

	/**
	 * A validator that checks the XSD and then the form rules.
	 * @param catalog the form versions received
	 * @param limits input limits
	 */
	public ReturnValidator(FormCatalog catalog, ParserLimits limits) {
		this(catalog, limits, true);
	}

	private ReturnValidator(FormCatalog catalog, ParserLimits limits, boolean rules) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.limits = Objects.requireNonNull(limits, "limits");
		this.scanner = new EnvelopeScanner(limits);
		this.rules = rules;
	}

	/**
	 * A validator that stops after the XSD: no form rule runs, and a schema-valid return is always
	 * receivable without findings. For tools that check structure only, and for measuring what the rules
	 * cost.
	 * @param catalog the form versions received
	 * @param limits input limits
	 * @return the validator
	 */
	public static ReturnValidator schemaOnly(FormCatalog catalog, ParserLimits limits) {
		return new ReturnValidator(catalog, limits, false);
	}

	/**
	 * A validator over the shipped catalog with {@link ParserLimits#defaults()}.
	 * @return the validator
	 */
	public static ReturnValidator withDefaults() {
		return new ReturnValidator(FormCatalog.load(), ParserLimits.defaults());
	}

	/**
	 * Validates one return.
	 * @param xml the raw bytes as received
	 * @return {@link Validation.Receivable} with the extracted document, or {@link Validation.NotReceivable}
	 * with every finding (wrong envelope, unknown form version, XSD errors); never throws for those
	 * @throws MalformedReturnException if the input is not a return at all: too large, not well-formed,
	 * hostile or too deep
	 */
	public Validation validate(byte[] xml) {
		return validate(xml, null);
	}

	/**
	 * Validates one return, letting another component read the same parse (e.g. the signature verifier,
	 * which then needs no parse of its own). The observer receives every SAX event of the document as the
	 * parser reads it, before validation, within the parser's limits, and its comments too when it is also a
	 * {@link LexicalHandler}; it receives nothing when the envelope scan or the catalog refuses the return
	 * before the parse, and an incomplete document when the parse fails.
	 * @param xml the raw bytes as received
	 * @param observer what reads the parse along with the validator, or {@code null}
	 * @return as {@link #validate(byte[])}
	 * @throws MalformedReturnException as {@link #validate(byte[])}
	 */
	public Validation validate(byte[] xml, @Nullable ContentHandler observer) {
		Objects.requireNonNull(xml, "xml");
		if (xml.length > this.limits.maxBytes()) {
			throw MalformedReturnException.tooLarge(xml.length, this.limits.maxBytes());
		}
		EnvelopeScan scan = this.scanner.scan(xml);
		if (scan instanceof EnvelopeScan.Rejected rejected) {
			return new Validation.NotReceivable(List.of(rejected.finding()));
		}
		EnvelopeScan.Identified id = (EnvelopeScan.Identified) scan;
		Optional<CatalogEntry> entry = this.catalog.entry(id.maTKhai().value(), id.version().value(),
				id.filingType().value());
		if (entry.isEmpty()) {
			return new Validation.NotReceivable(List.of(Findings.notInCatalog(this.catalog, id)));
		}
		return validate(xml, entry.get(), observer);
	}

	private Validation validate(byte[] xml, CatalogEntry entry, @Nullable ContentHandler observer) {
		Schema schema = this.catalog.schema(entry);
		ParserPool.Pipeline pipeline = this.parsers.acquire(schema);
		XsdErrorCollector errors = new XsdErrorCollector();
		PathTracker tracker = new PathTracker(
				(observer != null) ? new ObservedHandler(observer, pipeline.validator()) : pipeline.validator(),
				this.limits);
		ReturnValues values = this.rules ? new ReturnValues(entry.compiled().layout) : null;
		ReturnExtractor extractor = new ReturnExtractor(values, tracker, errors::hasErrors);
		errors.track(tracker);
		pipeline.validator().setErrorHandler(errors);
		pipeline.validator().setContentHandler(extractor);
		pipeline.reader().setContentHandler(tracker);
		if (observer instanceof LexicalHandler lexical) {
			ParserPool.setLexicalHandler(pipeline.reader(), tracker.counting(lexical));
		}
		parse(pipeline.reader(), xml);
		this.parsers.release(schema, pipeline, xml.length);
		if (errors.hasErrors()) {
			return new Validation.NotReceivable(errors.findings(entry.compiled()));
		}
		Finding repeatedAppendix = extractor.repeatedAppendix();
		if (repeatedAppendix != null) {
			return new Validation.NotReceivable(List.of(repeatedAppendix));
		}
		ReturnDocument document = new ReturnDocument(extractor.header(entry.form()), entry.form(),
				extractor.indicators(), extractor.declaredChanges(), extractor.refundClawback(), extractor.contentSha256(),
				xml);
		if (values == null) {
			return new Validation.Receivable(document, List.of());
		}
		LocalDate periodStart = PeriodCoverage.start(document.header().period());
		values.header(HeaderVar.PERIOD_START, (periodStart != null) ? periodStart.toString() : "");
		List<Finding> findings = new ArrayList<>(RuleEngine.evaluate(entry.compiled(), values));
		PeriodCoverage.check(this.catalog, document.header().period(), entry.form(), values)
			.ifPresent((finding) -> findings.add(0, finding));
		return new Validation.Receivable(document, Findings.limited(findings));
	}

	/** Parses with a configured reader, turning every parser refusal into a {@link MalformedReturnException}. */
	static void parse(XMLReader reader, byte[] xml) {
		try {
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (PathTracker.Refused ex) {
			throw ex.refusal();
		}
		catch (SAXParseException ex) {
			Integer line = (ex.getLineNumber() > 0) ? ex.getLineNumber() : null;
			Integer column = (ex.getColumnNumber() > 0) ? ex.getColumnNumber() : null;
			if (String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
				throw MalformedReturnException.forbidden("DOCTYPE", line, column);
			}
			throw MalformedReturnException.parserRefused(String.valueOf(ex.getMessage()), line, column);
		}
		catch (SAXException | IOException ex) {
			throw MalformedReturnException.notWellFormed(String.valueOf(ex.getMessage()), null, null);
		}
	}


}

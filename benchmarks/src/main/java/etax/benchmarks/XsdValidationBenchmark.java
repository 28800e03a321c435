package etax.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import etax.schemas.ReturnValidator;
import etax.schemas.Samples;
import etax.schemas.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xml.sax.SAXException;

/**
 * Cost of receiving one 01/GTGT return ({@code 842/2.8.3}, the shipped Q1/2026 sample, about 3 KB) on one
 * thread.
 *
 * <ul>
 * <li>{@link #returnValidator} is the whole {@link ReturnValidator#validate(byte[])}: size check, envelope
 * pre-scan, secure SAX pass with path tracking, XSD validation and extraction, SHA-256.</li>
 * <li>{@link #xsdOnly} is the ceiling: the same XSD with a reused JAXP {@link Validator} over a stream, and
 * nothing else. The ratio of the two is the price of the pipeline.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class XsdValidationBenchmark {

	private static final String XSD = "etax/schemas/xsd/842/2.8.3/01_GTGT.xsd";

	private final byte[] sample = Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");

	private final ReturnValidator validator = ReturnValidator.withDefaults();

	@Setup
	public void checkSample() {
		if (!(this.validator.validate(this.sample) instanceof Validation.Receivable)) {
			throw new IllegalStateException("The sample must be receivable, or the benchmark measures rejection");
		}
	}

	@Benchmark
	public void returnValidator(Blackhole blackhole) {
		blackhole.consume(this.validator.validate(this.sample));
	}

	@Benchmark
	public void xsdOnly(XsdOnly xsd, Blackhole blackhole) throws IOException, SAXException {
		xsd.validator.validate(new StreamSource(new ByteArrayInputStream(this.sample)));
		blackhole.consume(xsd.validator);
	}

	/** One JAXP validator per benchmark thread, from the XSD inside the schemas jar. */
	@State(Scope.Thread)
	public static class XsdOnly {

		final Validator validator = newValidator();

		private static Validator newValidator() {
			URL xsd = XsdValidationBenchmark.class.getClassLoader().getResource(XSD);
			if (xsd == null) {
				throw new IllegalStateException("Missing " + XSD);
			}
			try {
				SchemaFactory factory = SchemaFactory.newDefaultInstance();
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				Schema schema = factory.newSchema(xsd);
				Validator validator = schema.newValidator();
				validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
				validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				return validator;
			}
			catch (SAXException ex) {
				throw new IllegalStateException("Cannot compile " + XSD, ex);
			}
		}

	}

}

package etax.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.stream.StreamSource;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

/**
 * An ISO Schematron schema compiled to XSLT by SchXslt and run with Saxon-HE: the alternative to the form
 * rule engine that ADR 0008 measured. Compiling happens once; {@link #failedAsserts(byte[])} parses the
 * bytes into a Saxon tree, runs the compiled stylesheet to SVRL and reads the failed assertions' ids, as a
 * receiving system would have to.
 */
final class SchematronRules {

	private static final String SCHXSLT_PIPELINE = "xslt/2.0/pipeline-for-svrl.xsl";

	private final Processor processor = new Processor(false);

	private final XsltExecutable rules;

	private final XPathExecutable failedAssertIds;

	SchematronRules(String schematronResource) {
		try {
			XsltCompiler compiler = this.processor.newXsltCompiler();
			URL pipeline = resource(SCHXSLT_PIPELINE);
			XsltExecutable schxslt = compiler.compile(new StreamSource(pipeline.openStream(), pipeline.toExternalForm()));
			URL schema = resource(schematronResource);
			XdmDestination compiled = new XdmDestination();
			XsltTransformer compile = schxslt.load();
			try (InputStream in = schema.openStream()) {
				compile.setSource(new StreamSource(in, schema.toExternalForm()));
				compile.setDestination(compiled);
				compile.transform();
			}
			this.rules = compiler.compile(compiled.getXdmNode().asSource());
			XPathCompiler xpath = this.processor.newXPathCompiler();
			xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
			this.failedAssertIds = xpath.compile("//svrl:failed-assert/(@id, '?')[1]");
		}
		catch (SaxonApiException ex) {
			throw new IllegalStateException("Cannot compile " + schematronResource, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Validates one document; the ids of the failed assertions, in document order. */
	List<String> failedAsserts(byte[] xml) {
		try {
			XsltTransformer transformer = this.rules.load();
			XdmDestination report = new XdmDestination();
			transformer.setSource(new StreamSource(new ByteArrayInputStream(xml)));
			transformer.setDestination(report);
			transformer.transform();
			XPathSelector selector = this.failedAssertIds.load();
			selector.setContextItem(report.getXdmNode());
			List<String> ids = new ArrayList<>();
			for (XdmItem item : selector) {
				ids.add(item.getStringValue());
			}
			return ids;
		}
		catch (SaxonApiException ex) {
			throw new IllegalStateException("Schematron validation failed", ex);
		}
	}

	private static URL resource(String path) {
		URL url = SchematronRules.class.getClassLoader().getResource(path);
		if (url == null) {
			throw new IllegalStateException("Not on the classpath: " + path);
		}
		return url;
	}

}

package etax.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Compiles the XSD of a form version from the classpath into a thread-safe {@link Schema}.
 *
 * <p>Form XSDs pull in the envelope with a relative {@code xs:redefine}. The JDK resolves that against the
 * XSD's URL, which fails inside a Spring Boot fat jar ({@code jar:nested:} URLs are refused by the
 * external-access check). So a resolver maps every reference below {@value #XSD_ROOT} back to a classpath
 * resource, whatever the URL scheme, and refuses anything outside it. External access is further limited to
 * {@code jar} and {@code file} schemas and no DTDs.
 */
final class SchemaLoader {

	static final String XSD_ROOT = "etax/schemas/xsd/";

	/** The common envelope every form XSD redefines, relative to {@value #XSD_ROOT}. */
	static final String ENVELOPE = "envelope/TKhaiThue.xsd";

	private SchemaLoader() {
	}

	static Schema load(String xsdPath) {
		URL url = resource(XSD_ROOT + xsdPath);
		try (InputStream in = url.openStream()) {
			SchemaFactory factory = SchemaFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setResourceResolver(new ClasspathResolver());
			factory.setErrorHandler(SecureXml.FailFast.INSTANCE); // an XSD of ours that does not compile is a defect
			return factory.newSchema(new StreamSource(in, url.toExternalForm()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read XSD " + xsdPath, ex);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("Invalid XSD " + xsdPath + ": " + ex.getMessage(), ex);
		}
	}

	/** The text of an XSD below {@value #XSD_ROOT}. */
	static String text(String xsdPath) {
		try (InputStream in = resource(XSD_ROOT + xsdPath).openStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read XSD " + xsdPath, ex);
		}
	}

	private static URL resource(String path) {
		URL url = SchemaLoader.class.getClassLoader().getResource(path);
		if (url == null) {
			throw new IllegalStateException("XSD not found on the classpath: " + path);
		}
		return url;
	}

	static final class ClasspathResolver implements LSResourceResolver {

		private final DOMImplementationLS dom;

		ClasspathResolver() {
			try {
				this.dom = (DOMImplementationLS) DocumentBuilderFactory.newInstance()
					.newDocumentBuilder()
					.getDOMImplementation();
			}
			catch (ParserConfigurationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public @Nullable LSInput resolveResource(String type, @Nullable String namespaceUri, @Nullable String publicId,
				@Nullable String systemId, @Nullable String baseUri) {
			if (systemId == null) {
				return null;
			}
			int root = (baseUri != null) ? baseUri.lastIndexOf(XSD_ROOT) : -1;
			if (root < 0) {
				throw new IllegalStateException("XSD reference outside " + XSD_ROOT + ": " + systemId);
			}
			String resolved = URI.create("/" + baseUri.substring(root)).resolve(systemId).normalize().getPath();
			if (!resolved.startsWith("/" + XSD_ROOT)) {
				throw new IllegalStateException("XSD reference outside " + XSD_ROOT + ": " + systemId);
			}
			URL url = resource(resolved.substring(1));
			try {
				LSInput input = this.dom.createLSInput();
				input.setByteStream(url.openStream());
				input.setSystemId(url.toExternalForm());
				return input;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read XSD " + resolved, ex);
			}
		}

	}

}

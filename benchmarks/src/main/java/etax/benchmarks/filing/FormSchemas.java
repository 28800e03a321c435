package etax.benchmarks.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import etax.schemas.FormCatalog;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * The bare validation of the ceilings: each form version's XSD compiled once, a reused validator per
 * thread, the form found with a regular expression in the first 4 KB; no rules, no extraction.
 */
public final class FormSchemas {

	private static final Pattern FORM = Pattern.compile("<maTKhai>([^<]+)</maTKhai>.*?<pbanTKhaiXML>([^<]+)</pbanTKhaiXML>",
			Pattern.DOTALL);

	private static final FormCatalog CATALOG = FormCatalog.load();

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private final ThreadLocal<Map<String, Validator>> validators = ThreadLocal.withInitial(HashMap::new);

	/**
	 * @param xml a return
	 * @return its form version as {@code maTKhai/version}, or {@code null} when it names none
	 */
	public static @Nullable String formOf(byte[] xml) {
		Matcher form = FORM.matcher(new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.UTF_8));
		return form.find() ? form.group(1) + "/" + form.group(2) : null;
	}

	/**
	 * @param form the form version, from {@link #formOf}
	 * @param xml the return
	 * @return whether it is valid against the form version's XSD
	 */
	public boolean valid(String form, byte[] xml) throws IOException {
		try {
			this.validators.get()
				.computeIfAbsent(form, (key) -> this.schemas.computeIfAbsent(key, FormSchemas::compile).newValidator())
				.validate(new StreamSource(new ByteArrayInputStream(xml)));
			return true;
		}
		catch (SAXException ex) {
			return false;
		}
	}

	private static Schema compile(String form) {
		try {
			URL envelope = FormSchemas.class.getResource("/etax/schemas/xsd/envelope/TKhaiThue.xsd");
			String base = envelope.toString().replace("envelope/TKhaiThue.xsd", form + "/");
			String xsd = CATALOG.xsd(form.substring(0, form.indexOf('/')),
					form.substring(form.indexOf('/') + 1)).orElseThrow();
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// our own XSDs include each other from the jar (secure processing alone forbids it)
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
			return factory.newSchema(new StreamSource(new StringReader(xsd), base + "form.xsd"));
		}
		catch (SAXException ex) {
			throw new IllegalStateException("Cannot compile the XSD of " + form, ex);
		}
	}

}

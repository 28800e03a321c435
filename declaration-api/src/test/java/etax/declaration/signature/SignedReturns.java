package etax.declaration.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.SigningIdentity;
import etax.schemas.Finding;
import etax.schemas.Samples;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's sample 01/GTGT (Q1/2026, ngayKy 2026-04-15), its Q4/2021 variant, signed or not. */
final class SignedReturns {

	static final String MST = "0313829148";

	static final String AGENT_MST = "0100109106";

	private SignedReturns() {
	}

	static byte[] unsigned() {
		return Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");
	}

	/** The sample moved to Q4/2021, signed on 2022-01-20, as a historic file would be. */
	static byte[] unsigned2021() {
		return text(unsigned()).replace("<kyKKhai>1/2026</kyKKhai>", "<kyKKhai>4/2021</kyKKhai>")
			.replace("<kyKKhaiTuNgay>01/01/2026</kyKKhaiTuNgay>", "<kyKKhaiTuNgay>01/10/2021</kyKKhaiTuNgay>")
			.replace("<kyKKhaiDenNgay>31/03/2026</kyKKhaiDenNgay>", "<kyKKhaiDenNgay>31/12/2021</kyKKhaiDenNgay>")
			.replace("<ngayKy>2026-04-15</ngayKy>", "<ngayKy>2022-01-20</ngayKy>")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] signed(SigningIdentity identity) {
		return new ReturnSigner(identity).sign(unsigned());
	}

	/**
	 * Verifies a return both ways the service can: from what a parse captured ({@link EnvelopeCapture}, as the
	 * intake does) and from a DOM parse of its own; the two must find the same. A return the validating
	 * parse would refuse (a DOCTYPE) never reaches verification from a capture, and is verified the one way.
	 * @return the findings
	 */
	static List<Finding> verify(SignatureVerification verification, byte[] xml, SignatureContext context) {
		List<Finding> parsed = verification.verify(xml, context);
		EnvelopeCapture capture;
		try {
			capture = capture(xml);
		}
		catch (SAXException ex) {
			return parsed;
		}
		assertThat(verification.verify(capture, xml, context)).as("findings from the captured envelope")
			.isEqualTo(parsed);
		return parsed;
	}

	/**
	 * What a namespace-aware SAX parse of the return captures, as the validating parse would: without a
	 * DOCTYPE.
	 */
	static EnvelopeCapture capture(byte[] xml) throws SAXException {
		EnvelopeCapture capture = new EnvelopeCapture();
		try {
			SAXParserFactory factory = SAXParserFactory.newDefaultNSInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			XMLReader reader = factory.newSAXParser().getXMLReader();
			reader.setContentHandler(capture);
			reader.setProperty("http://xml.org/sax/properties/lexical-handler", capture);
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (ParserConfigurationException | IOException ex) {
			throw new IllegalArgumentException(ex);
		}
		return capture;
	}

	static byte[] replace(byte[] xml, String target, String replacement) {
		String text = text(xml);
		if (!text.contains(target)) {
			throw new IllegalArgumentException("No " + target);
		}
		return text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
	}

	static String text(byte[] xml) {
		return new String(xml, StandardCharsets.UTF_8);
	}

}

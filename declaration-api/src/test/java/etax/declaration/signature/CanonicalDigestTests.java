package etax.declaration.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest {@link EnvelopeCapture} computes from the parse is the one the JDK's XMLDSig computes for a
 * reference to {@code #ID_1} with the enveloped-signature transform, for returns written in every way XML
 * allows: prefixes declared, re-declared and undeclared, attributes in any order and namespace, escapes,
 * carriage returns, characters outside the BMP across the digest's internal buffer, comments, processing
 * instructions, CDATA, empty elements.
 */
class CanonicalDigestTests {

	private static final KeyPair KEY = rsa();

	private static final String ROOT = "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\" "
			+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:a=\"urn:a\" xmlns:unused=\"urn:u\">";

	@ParameterizedTest
	@ValueSource(strings = {
			"<HSoKhaiThue id=\"ID_1\"><TTinChung><ct40>22000000</ct40></TTinChung></HSoKhaiThue>",
			"<HSoKhaiThue id=\"ID_1\" z=\"1\" a:b=\"2\" b=\"3\" xsi:type=\"t\"><a:x a:k=\"v\" k=\"w\"/>\n  <y/>\n</HSoKhaiThue>",
			"<HSoKhaiThue xmlns:b=\"urn:b\" id=\"ID_1\"><b:x xmlns:b=\"urn:b\" xmlns:a=\"urn:a2\"><a:y xmlns:a=\"urn:a2\"/></b:x></HSoKhaiThue>",
			"<HSoKhaiThue id=\"ID_1\"><x xmlns=\"\"><y xmlns=\"urn:d\"><z xmlns=\"\"/></y></x></HSoKhaiThue>",
			"<HSoKhaiThue id=\"ID_1\" v=\"&lt;&amp;&quot;&#9;&#10;&#13; x&gt;'\"><t>a &amp; b &lt; c &gt; d &#13; e \"q\" 'a'</t></HSoKhaiThue>",
			"<HSoKhaiThue id=\"ID_1\"><!-- left out --><?pi  some data ?><?bare?><t><![CDATA[<raw> & ]]]]><![CDATA[>]]></t><e></e><f/></HSoKhaiThue>",
			"<HSoKhaiThue id=\"ID_1\"><t>\r\nline\rbreaks\n</t><u a=\"x\r\ny\"/></HSoKhaiThue>" })
	void theCapturedDigestIsTheJdksReferenceDigest(String body) throws Exception {
		assertSameDigest(ROOT + "\n  " + body + "\n  <CKyDTu/>\n</HSoThueDTu>");
	}

	@Test
	void textLongerThanTheBufferWithCharactersOutsideTheBasicPlane() throws Exception {
		String text = "Thuế giá trị gia tăng 𝄞😀 ".repeat(2_000);
		assertSameDigest(ROOT + "<HSoKhaiThue id=\"ID_1\"><t>" + text + "</t><u v=\"" + text + "\"/></HSoKhaiThue><CKyDTu/></HSoThueDTu>");
	}

	@Test
	void aPrefixedRootAndBody() throws Exception {
		assertSameDigest("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- before --><t:HSoThueDTu "
				+ "xmlns:t=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><t:HSoKhaiThue id=\"ID_1\"><t:a>1</t:a>"
				+ "<b xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><t:c/></b></t:HSoKhaiThue><t:CKyDTu/></t:HSoThueDTu>");
	}

	@Test
	void noDigestWhenTheRootHasAttributesCanonicalisationWouldInherit() throws Exception {
		byte[] xml = (ROOT.replace(">", " xml:lang=\"vi\">") + "<HSoKhaiThue id=\"ID_1\"/><CKyDTu/></HSoThueDTu>")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(SignedReturns.capture(xml).bodyDigest()).isNull();
	}

	@Test
	void aSignatureInTheBodyIsNoticed() throws Exception {
		byte[] xml = (ROOT + "<HSoKhaiThue id=\"ID_1\"><Signature xmlns=\"" + XMLSignature.XMLNS
				+ "\"/></HSoKhaiThue><CKyDTu/></HSoThueDTu>").getBytes(StandardCharsets.UTF_8);

		assertThat(SignedReturns.capture(xml).signatureElsewhere()).isTrue();
		assertThat(SignedReturns.capture(SignedReturns.unsigned()).signatureElsewhere()).isFalse();
	}

	private static void assertSameDigest(String document) throws Exception {
		byte[] xml = document.getBytes(StandardCharsets.UTF_8);
		assertThat(SignedReturns.capture(xml).bodyDigest()).isEqualTo(jdkDigest(xml));
	}

	/** Signs the document as filers' software does and returns the digest the JDK put in its reference. */
	private static byte[] jdkDigest(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		Element root = document.getDocumentElement();
		Element body = (Element) root.getElementsByTagNameNS(SignatureVerification.TKHAI, "HSoKhaiThue").item(0);
		body.setIdAttributeNS(null, "id", true);
		Element holder = (Element) root.getElementsByTagNameNS(SignatureVerification.TKHAI, "CKyDTu").item(0);
		XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
		Reference reference = signatures.newReference("#ID_1", signatures.newDigestMethod(DigestMethod.SHA256, null),
				List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
		XMLSignature signature = signatures.newXMLSignature(signatures.newSignedInfo(
				signatures.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
				signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference)), null);
		signature.sign(new DOMSignContext(KEY.getPrivate(), holder));
		return reference.getDigestValue();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package etax.devstack.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.parsers.DocumentBuilderFactory;

import etax.schemas.ReturnValidator;
import etax.schemas.Samples;
import etax.schemas.Validation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReturnSignerTests {

	private static final String DSIG = XMLSignature.XMLNS;

	private static final TestPki PKI = TestPki.create();

	private static final SigningIdentity TAXPAYER = PKI.issue("0313829148", "CÔNG TY TNHH VÍ DỤ");

	private static final byte[] SAMPLE = Samples.read("842", "2.8.3", "01_GTGT_Q1-2026.xml");

	@Test
	void signsLikeTheFilingSoftwareWithRsaSha256() throws Exception {
		Document signed = parse(new ReturnSigner(TAXPAYER).sign(SAMPLE));

		Element root = signed.getDocumentElement();
		Element last = lastElement(root);
		assertThat(last.getLocalName()).isEqualTo("CKyDTu");
		assertThat(last.getNamespaceURI()).isEqualTo(ReturnSigner.TKHAI_NAMESPACE);
		NodeList signatures = last.getElementsByTagNameNS(DSIG, "Signature");
		assertThat(signatures.getLength()).isEqualTo(1);
		Element signature = (Element) signatures.item(0);
		assertThat(attribute(signature, "CanonicalizationMethod")).isEqualTo(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);
		assertThat(attribute(signature, "SignatureMethod")).isEqualTo(SignatureMethod.RSA_SHA256);
		assertThat(attribute(signature, "DigestMethod")).isEqualTo(DigestMethod.SHA256);
		assertThat(attribute(signature, "Transform")).isEqualTo(Transform.ENVELOPED);
		Element reference = (Element) signature.getElementsByTagNameNS(DSIG, "Reference").item(0);
		assertThat(reference.getAttribute("URI")).isEqualTo("#ID_1");
		assertThat(signature.getElementsByTagNameNS(DSIG, "X509SubjectName").item(0).getTextContent())
			.isEqualTo("UID=MST:0313829148,CN=CÔNG TY TNHH VÍ DỤ,C=VN");
		assertThat(signature.getElementsByTagNameNS(DSIG, "X509Certificate").getLength()).isEqualTo(1);
		assertThat(signature.getElementsByTagNameNS(DSIG, "RSAKeyValue").getLength()).isEqualTo(1);
		assertThat(validate(signed, signature, true)).isTrue();
	}

	@Test
	void theSignedReturnIsStillSchemaValid() {
		Validation validation = ReturnValidator.withDefaults().validate(new ReturnSigner(TAXPAYER).sign(SAMPLE));

		assertThat(validation).isInstanceOf(Validation.Receivable.class);
		assertThat(validation.findings()).isEmpty();
	}

	@Test
	void signsHistoricReturnsWithRsaSha1WhichTheJdkRefusesUnderSecureValidation() throws Exception {
		Document signed = parse(new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SAMPLE));

		Element signature = (Element) signed.getElementsByTagNameNS(DSIG, "Signature").item(0);
		assertThat(attribute(signature, "SignatureMethod")).isEqualTo(SignatureMethod.RSA_SHA1);
		assertThat(attribute(signature, "DigestMethod")).isEqualTo(DigestMethod.SHA1);
		assertThat(validate(signed, signature, false)).isTrue();
		assertThatExceptionOfType(MarshalException.class).isThrownBy(() -> validate(signed, signature, true));
	}

	@Test
	void tamperingWithTheBodyBreaksTheSignature() throws Exception {
		String signed = new ReturnSigner(TAXPAYER).sign(new String(SAMPLE, StandardCharsets.UTF_8));
		Document tampered = parse(
				signed.replace("<ct40>22000000</ct40>", "<ct40>2000000</ct40>").getBytes(StandardCharsets.UTF_8));

		Element signature = (Element) tampered.getElementsByTagNameNS(DSIG, "Signature").item(0);
		assertThat(validate(tampered, signature, true)).isFalse();
	}

	@Test
	void aSecondSignatureGoesIntoTheSameCKyDTu() throws Exception {
		SigningIdentity agent = PKI.issue("0100109106", "ĐẠI LÝ THUẾ VÍ DỤ");
		byte[] once = new ReturnSigner(TAXPAYER).sign(SAMPLE);

		Document twice = parse(new ReturnSigner(agent).withIssuerCertificates().sign(once));

		Element holder = lastElement(twice.getDocumentElement());
		assertThat(holder.getLocalName()).isEqualTo("CKyDTu");
		NodeList signatures = holder.getElementsByTagNameNS(DSIG, "Signature");
		assertThat(signatures.getLength()).isEqualTo(2);
		assertThat(((Element) signatures.item(1)).getElementsByTagNameNS(DSIG, "X509Certificate").getLength())
			.isEqualTo(2);
		assertThat(twice.getElementsByTagNameNS(ReturnSigner.TKHAI_NAMESPACE, "CKyDTu").getLength()).isEqualTo(1);
		assertThat(validate(twice, (Element) signatures.item(0), true)).isTrue();
		assertThat(validate(twice, (Element) signatures.item(1), true)).isTrue();
	}

	@Test
	void refusesDocumentsWithADoctype() {
		String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue id=\"ID_1\">&e;"
				+ "</HSoKhaiThue></HSoThueDTu>";

		assertThatIllegalArgumentException().isThrownBy(() -> new ReturnSigner(TAXPAYER).sign(hostile));
	}

	@Test
	void refusesDocumentsThatAreNotReturns() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReturnSigner(TAXPAYER).sign("<a/>"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReturnSigner(TAXPAYER)
			.sign("<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue/></HSoThueDTu>"));
	}

	private static boolean validate(Document document, Element signature, boolean secure) throws Exception {
		Element body = (Element) document.getElementsByTagNameNS(ReturnSigner.TKHAI_NAMESPACE, "HSoKhaiThue").item(0);
		body.setIdAttributeNS(null, "id", true);
		PublicKey key = TAXPAYER.certificate().getPublicKey();
		DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(key), signature);
		context.setProperty("org.jcp.xml.dsig.secureValidation", secure);
		XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
		return factory.unmarshalXMLSignature(context).validate(context);
	}

	private static String attribute(Element signature, String element) {
		return ((Element) signature.getElementsByTagNameNS(DSIG, element).item(0)).getAttribute("Algorithm");
	}

	private static Element lastElement(Element parent) {
		for (var node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
			if (node instanceof Element element) {
				return element;
			}
		}
		throw new AssertionError("no element child");
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

}

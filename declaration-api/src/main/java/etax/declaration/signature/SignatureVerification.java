package etax.declaration.signature;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import org.springframework.stereotype.Component;

/**
 * Verifies the XML signature of a return (VN-ETAX §1.6, §3.3): an enveloped XMLDSig in {@code CKyDTu}
 * over {@code #ID_1}, RSA-SHA256 (RSA-SHA1 for periods before the configured cut-off), by a certificate
 * that chains to the configured trust store, is not on a configured CRL, was valid on {@code ngayKy}, and
 * names in {@code UID=MST:} the taxpayer (or its parent) or a tax agent under contract. The rules are
 * {@link SignatureRule}; the decisions are in docs/adr/0009-xml-signatures.md.
 *
 * <p>
 * At most one DOM parse per return, none when the validating parse captured the envelope
 * ({@link EnvelopeCapture}); the trust anchors, CRLs and PKIX parameters are prepared once at start-up.
 * When several signatures are present, one valid signature is enough. Thread-safe.
 */
@Component
public class SignatureVerification {

	private static final Logger log = LoggerFactory.getLogger(SignatureVerification.class);

	static final String TKHAI = "http://kekhaithue.gdt.gov.vn/TKhaiThue";

	private static final String HOLDER_XPATH = "/HSoThueDTu/CKyDTu";

	/**
	 * Most signatures a return's {@code CKyDTu} may hold: the taxpayer's and an agent's, with room to spare. Each is
	 * verified and each failure is a finding: {@code CKyDTu} takes any number, and a few megabytes of empty ones
	 * made a notice of a hundred megabytes.
	 */
	static final int MAX_SIGNATURES = 4;

	private final boolean required;

	private final SignatureCheck check;

	private final SecureDom dom = new SecureDom();

	private final Clock clock;

	SignatureVerification(SignatureProperties properties, Clock clock) {
		this.required = properties.required();
		this.clock = clock;
		this.check = new SignatureCheck(trusted(properties, clock), properties.sha1AllowedBefore());
	}

	/**
	 * Verifies the signature of a return that passed the schema, parsing it.
	 * @param xml the return, byte for byte as received
	 * @param context what the intake read from the return and knows about its filer
	 * @return the findings, each {@code REJECT}; empty when the return is validly signed (or unsigned and
	 * signatures are not required)
	 */
	public List<Finding> verify(byte[] xml, SignatureContext context) {
		Document document;
		try {
			document = this.dom.parse(xml);
		}
		catch (SAXException | IOException ex) {
			return List.of(SignatureRule.NOT_OVER_RETURN.finding("/HSoThueDTu", "not a well-formed XML document"));
		}
		return verify(document, null, context);
	}

	/**
	 * Verifies the signature of a return from what the validating parse captured, without a parse of its
	 * own, when every reference to the return's content is one its captured digest answers (SHA-256 over
	 * inclusive Canonical XML, as filers' software signs); otherwise, and when the parse could not capture
	 * the digest, as {@link #verify(byte[], SignatureContext)} does. The findings are the same either way.
	 * @param capture what the parse of {@code xml} captured
	 * @param xml the return, byte for byte as received
	 * @param context what the intake read from the return and knows about its filer
	 * @return as {@link #verify(byte[], SignatureContext)}
	 */
	public List<Finding> verify(EnvelopeCapture capture, byte[] xml, SignatureContext context) {
		Document envelope = capture.envelope();
		if (envelope == null || capture.signatureElsewhere()) {
			return verify(xml, context);
		}
		Element body = lastChild(envelope.getDocumentElement(), TKHAI, "HSoKhaiThue");
		Element holder = lastChild(envelope.getDocumentElement(), TKHAI, "CKyDTu");
		List<Element> signatures = (holder != null) ? SignatureParts.children(holder, "Signature") : List.of();
		if (signatures.isEmpty()) {
			// nothing to validate: missing, or misplaced within CKyDTu, is seen in the envelope alone
			return verify(envelope, null, context);
		}
		if (signatures.size() > MAX_SIGNATURES) {
			return tooMany(signatures.size());
		}
		byte[] digest = capture.bodyDigest();
		if (body == null || digest == null) {
			return verify(xml, context);
		}
		String uri = "#" + body.getAttribute("id");
		for (Element signature : signatures) {
			if (!SignatureParts.digestsBodyAsCaptured(signature, uri)) {
				return verify(xml, context);
			}
		}
		return verify(envelope, new XmlSignatures.Digested(uri, digest), context);
	}

	private List<Finding> verify(Document document, XmlSignatures.@Nullable Digested captured, SignatureContext context) {
		Element root = document.getDocumentElement();
		Element holder = lastChild(root, TKHAI, "CKyDTu");
		List<Element> signatures = (holder != null) ? SignatureParts.children(holder, "Signature") : List.of();
		if (signatures.size() > MAX_SIGNATURES) {
			return tooMany(signatures.size());
		}
		if (signatures.isEmpty()) {
			if (document.getElementsByTagNameNS(SignatureParts.DSIG, "Signature").getLength() > 0) {
				return List.of(SignatureRule.NOT_OVER_RETURN.finding(HOLDER_XPATH, "Signature outside CKyDTu"));
			}
			return this.required ? List.of(SignatureRule.MISSING.finding(HOLDER_XPATH, null)) : List.of();
		}
		Element body = lastChild(root, TKHAI, "HSoKhaiThue");
		if (body == null || body.getAttribute("id").isEmpty()) {
			return List.of(SignatureRule.NOT_OVER_RETURN.finding("/HSoThueDTu/HSoKhaiThue", "no id to sign"));
		}
		body.setIdAttributeNS(null, "id", true);
		LocalDate signedOn = (context.signedOn() != null) ? context.signedOn()
				: LocalDate.now(this.clock.withZone(SignatureCheck.VIETNAM));
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; i < signatures.size(); i++) {
			String xpath = HOLDER_XPATH + "/Signature" + ((signatures.size() > 1) ? "[" + (i + 1) + "]" : "");
			List<Finding> found = this.check.check(signatures.get(i), body, captured, context, signedOn, xpath);
			if (found.isEmpty()) {
				return List.of();
			}
			findings.addAll(found);
		}
		if (log.isDebugEnabled()) {
			log.debug("Signature not accepted rules={}", findings.stream().map(Finding::ruleId).distinct().toList());
		}
		return findings;
	}

	private static List<Finding> tooMany(int signatures) {
		return List.of(SignatureRule.NOT_OVER_RETURN.finding(HOLDER_XPATH,
				signatures + " signatures, more than the " + MAX_SIGNATURES + " a return carries"));
	}

	private static @Nullable TrustedCertificates trusted(SignatureProperties properties, Clock clock) {
		SignatureProperties.TrustStore store = properties.trustStore();
		if (store == null) {
			if (properties.required()) {
				throw new IllegalStateException("Signatures are required but no trust store is configured: set "
						+ "etax.declaration.signature.trust-store.location (and .type, .password), or set "
						+ "etax.declaration.signature.required=false to accept unsigned returns (development only)");
			}
			log.warn("Signature verification has no trust store (etax.declaration.signature.required=false): "
					+ "unsigned returns pass, and the certificates of signed ones are not checked against any CA");
			return null;
		}
		List<X509CRL> crls = TrustMaterial.crls(properties.crls());
		TrustedCertificates trusted = new TrustedCertificates(TrustMaterial.certificates(store), crls);
		log.info("Signature verification trusts anchors={} crls={} required={} sha1AllowedBefore={}",
				trusted.anchorCount(), crls.size(), properties.required(), properties.sha1AllowedBefore());
		if (crls.isEmpty()) {
			log.warn("No CRLs configured (etax.declaration.signature.crls): certificate revocation is not checked");
		}
		Date now = Date.from(clock.instant());
		for (X509CRL crl : crls) {
			if (crl.getNextUpdate() != null && crl.getNextUpdate().before(now)) {
				log.warn("CRL out of date, still used until replaced issuer={} nextUpdate={}",
						crl.getIssuerX500Principal().getName(), crl.getNextUpdate().toInstant());
			}
		}
		return trusted;
	}

	private static @Nullable Element lastChild(Element parent, String namespace, String localName) {
		for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
			if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& localName.equals(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

}

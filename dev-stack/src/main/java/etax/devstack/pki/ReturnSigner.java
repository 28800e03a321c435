package etax.devstack.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a return the way the filing software does (VN-ETAX §1.6): an enveloped XML signature in
 * {@code CKyDTu}, the last child of {@code HSoThueDTu} (created when missing, otherwise the signature is
 * added to it), with one {@code Reference} to {@code #ID_1} (the {@code id} of {@code HSoKhaiThue}), the
 * enveloped-signature transform, inclusive C14N with comments, and a {@code KeyInfo} with the
 * {@code RSAKeyValue} and an {@code X509Data} of {@code X509SubjectName} and {@code X509Certificate}.
 *
 * <p>
 * Uses the JDK's {@code javax.xml.crypto.dsig}. Instances are immutable and thread-safe.
 */
public final class ReturnSigner {

	static final String TKHAI_NAMESPACE = "http://kekhaithue.gdt.gov.vn/TKhaiThue";

	/** The algorithm pairs found in real returns. */
	public enum Algorithm {

		/** RSA-SHA256 with a SHA-256 digest: returns from 2022 on. */
		RSA_SHA256(SignatureMethod.RSA_SHA256, DigestMethod.SHA256),

		/** RSA-SHA1 with a SHA-1 digest: historic returns (2019–2021 files). */
		RSA_SHA1(SignatureMethod.RSA_SHA1, DigestMethod.SHA1);

		private final String signatureMethod;

		private final String digestMethod;

		Algorithm(String signatureMethod, String digestMethod) {
			this.signatureMethod = signatureMethod;
			this.digestMethod = digestMethod;
		}

	}

	private final SigningIdentity identity;

	private final Algorithm algorithm;

	private final boolean withIssuers;

	/** A signer using RSA-SHA256. */
	public ReturnSigner(SigningIdentity identity) {
		this(identity, Algorithm.RSA_SHA256, false);
	}

	public ReturnSigner(SigningIdentity identity, Algorithm algorithm) {
		this(identity, algorithm, false);
	}

	private ReturnSigner(SigningIdentity identity, Algorithm algorithm, boolean withIssuers) {
		this.identity = Objects.requireNonNull(identity, "identity");
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
		this.withIssuers = withIssuers;
	}

	/**
	 * A signer that also puts the issuing CA certificates into {@code X509Data}, for verifiers that trust
	 * only the root. Real returns carry the end-entity certificate alone.
	 * @return the new signer
	 */
	public ReturnSigner withIssuerCertificates() {
		return new ReturnSigner(this.identity, this.algorithm, true);
	}

	/**
	 * Signs a return.
	 * @param xml an {@code HSoThueDTu} document, e.g. from {@code etax.schemas.Samples}
	 * @return the signed document, UTF-8
	 * @throws IllegalArgumentException if it is not a well-formed return with an {@code HSoKhaiThue id}
	 */
	public byte[] sign(byte[] xml) {
		Document document = SecureDom.parse(xml);
		Element root = document.getDocumentElement();
		if (!isTKhai(root, "HSoThueDTu")) {
			throw new IllegalArgumentException("Not an HSoThueDTu return: " + root.getTagName());
		}
		Element body = lastChild(root, "HSoKhaiThue");
		if (body == null || body.getAttribute("id").isEmpty()) {
			throw new IllegalArgumentException("The return has no HSoKhaiThue with an id");
		}
		body.setIdAttributeNS(null, "id", true);
		try {
			signInto(holder(root), "#" + body.getAttribute("id"));
		}
		catch (GeneralSecurityException | MarshalException | XMLSignatureException ex) {
			throw new IllegalStateException("Cannot sign the return", ex);
		}
		return SecureDom.write(document);
	}

	/** {@link #sign(byte[])} for text. */
	public String sign(String xml) {
		return new String(sign(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

	private void signInto(Element holder, String uri)
			throws GeneralSecurityException, MarshalException, XMLSignatureException {
		XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
		Reference reference = factory.newReference(uri, factory.newDigestMethod(this.algorithm.digestMethod, null),
				List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
		SignedInfo signedInfo = factory.newSignedInfo(
				factory.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
						(C14NMethodParameterSpec) null),
				factory.newSignatureMethod(this.algorithm.signatureMethod, null), List.of(reference));
		factory.newXMLSignature(signedInfo, keyInfo(factory.getKeyInfoFactory()))
			.sign(new DOMSignContext(this.identity.privateKey(), holder));
	}

	private KeyInfo keyInfo(KeyInfoFactory factory) throws GeneralSecurityException {
		X509Certificate certificate = this.identity.certificate();
		List<Object> x509 = new ArrayList<>();
		x509.add(certificate.getSubjectX500Principal().getName());
		x509.add(certificate);
		if (this.withIssuers) {
			x509.addAll(this.identity.issuers());
		}
		return factory.newKeyInfo(List.of(factory.newKeyValue(certificate.getPublicKey()), factory.newX509Data(x509)));
	}

	/** {@code CKyDTu}, made the last child of the root (VN-ETAX §1.6). */
	private static Element holder(Element root) {
		Element holder = lastChild(root, "CKyDTu");
		if (holder == null) {
			holder = root.getOwnerDocument().createElementNS(TKHAI_NAMESPACE, "CKyDTu");
		}
		root.appendChild(holder);
		return holder;
	}

	private static @Nullable Element lastChild(Element parent, String localName) {
		for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
			if (node instanceof Element element && isTKhai(element, localName)) {
				return element;
			}
		}
		return null;
	}

	private static boolean isTKhai(Element element, String localName) {
		return TKHAI_NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
	}

}

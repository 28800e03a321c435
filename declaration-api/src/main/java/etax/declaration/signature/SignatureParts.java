package etax.declaration.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What one {@code ds:Signature} element declares, read from the DOM before any cryptography: the policy
 * checks run on this, and decide how the JDK may then validate it (ADR 0009).
 *
 * @param canonicalization {@code SignedInfo/CanonicalizationMethod/@Algorithm}
 * @param signatureMethod {@code SignedInfo/SignatureMethod/@Algorithm}
 * @param references the {@code SignedInfo/Reference}s
 * @param certificates every {@code KeyInfo/X509Data/X509Certificate}, in document order
 * @param subjectName the first {@code X509SubjectName}, or {@code null}
 * @param objectIds the elements inside this signature's {@code ds:Object}s with an {@code Id}, {@code id} or
 * {@code ID} attribute
 * @param ids every such attribute's value anywhere in the signature, the signature itself included: the JDK
 * registers those of its own elements ({@code KeyInfo}, {@code SignatureValue}, ...) as IDs when it reads the
 * signature, so one of them equal to the return's would take its place as what {@code #ID_1} references
 */
record SignatureParts(String canonicalization, String signatureMethod, List<Ref> references,
		List<X509Certificate> certificates, @Nullable String subjectName, List<Element> objectIds, List<String> ids) {

	static final String DSIG = XMLSignature.XMLNS;

	/** The attributes an element's ID may be in. */
	static final String[] ID_ATTRIBUTES = { "Id", "id", "ID" };

	/**
	 * The certificates a signature carries at most: the signer's and the CAs above it (a path is at most
	 * {@link TrustedCertificates}' length); each is parsed, and the signer is told from them pairwise.
	 */
	static final int MAX_CERTIFICATES = 8;

	/** The transforms after which a reference to an element digests its inclusive Canonical XML. */
	private static final Set<List<String>> CAPTURED_TRANSFORMS = Set.of(List.of(), List.of(Transform.ENVELOPED),
			List.of(CanonicalizationMethod.INCLUSIVE), List.of(Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE));

	/**
	 * One reference.
	 *
	 * @param uri {@code @URI}, or {@code null} when absent
	 * @param digestMethod {@code DigestMethod/@Algorithm}
	 * @param transforms each {@code Transforms/Transform/@Algorithm}
	 */
	record Ref(@Nullable String uri, String digestMethod, List<String> transforms) {

	}

	static SignatureParts read(Element signature) throws MalformedSignatureException {
		Element signedInfo = required(signature, "SignedInfo");
		List<Ref> references = new ArrayList<>();
		for (Element reference : children(signedInfo, "Reference")) {
			List<String> transforms = new ArrayList<>();
			Element transformsElement = child(reference, "Transforms");
			if (transformsElement != null) {
				for (Element transform : children(transformsElement, "Transform")) {
					transforms.add(transform.getAttribute("Algorithm"));
				}
			}
			references.add(new Ref(reference.hasAttribute("URI") ? reference.getAttribute("URI") : null,
					required(reference, "DigestMethod").getAttribute("Algorithm"), List.copyOf(transforms)));
		}
		List<X509Certificate> certificates = new ArrayList<>();
		String subjectName = null;
		Element keyInfo = child(signature, "KeyInfo");
		for (Element x509Data : (keyInfo != null) ? children(keyInfo, "X509Data") : List.<Element>of()) {
			for (Element certificate : children(x509Data, "X509Certificate")) {
				if (certificates.size() == MAX_CERTIFICATES) {
					throw new MalformedSignatureException("KeyInfo has more than " + MAX_CERTIFICATES + " certificates");
				}
				certificates.add(certificate(certificate.getTextContent()));
			}
			Element name = child(x509Data, "X509SubjectName");
			if (name != null && subjectName == null) {
				subjectName = name.getTextContent().trim();
			}
		}
		List<Element> objectIds = new ArrayList<>();
		for (Element object : children(signature, "Object")) {
			collectIds(object, objectIds);
		}
		List<Element> identified = new ArrayList<>();
		collectIds(signature, identified);
		List<String> ids = new ArrayList<>();
		for (Element element : identified) {
			for (String name : ID_ATTRIBUTES) {
				if (element.hasAttribute(name)) {
					ids.add(element.getAttribute(name));
				}
			}
		}
		return new SignatureParts(required(signedInfo, "CanonicalizationMethod").getAttribute("Algorithm"),
				required(signedInfo, "SignatureMethod").getAttribute("Algorithm"), List.copyOf(references),
				List.copyOf(certificates), subjectName, List.copyOf(objectIds), List.copyOf(ids));
	}

	/**
	 * Whether each reference of a signature to the return's content can be checked against the digest the
	 * validating parse captured ({@link EnvelopeCapture}): SHA-256, and no transform but the
	 * enveloped-signature one and inclusive C14N, in that order. A signature too malformed to tell is left
	 * to {@link #read}, which says what is wrong with it.
	 * @param signature a {@code ds:Signature}
	 * @param bodyUri the URI of a reference to {@code HSoKhaiThue}
	 * @return whether the captured digest answers every such reference
	 */
	static boolean digestsBodyAsCaptured(Element signature, String bodyUri) {
		Element signedInfo = child(signature, "SignedInfo");
		for (Element reference : (signedInfo != null) ? children(signedInfo, "Reference") : List.<Element>of()) {
			if (!bodyUri.equals(reference.getAttribute("URI"))) {
				continue;
			}
			Element digestMethod = child(reference, "DigestMethod");
			if (digestMethod != null && !DigestMethod.SHA256.equals(digestMethod.getAttribute("Algorithm"))) {
				return false;
			}
			Element transforms = child(reference, "Transforms");
			List<String> algorithms = new ArrayList<>();
			for (Element transform : (transforms != null) ? children(transforms, "Transform") : List.<Element>of()) {
				algorithms.add(transform.getAttribute("Algorithm"));
			}
			if (!CAPTURED_TRANSFORMS.contains(algorithms)) {
				return false;
			}
		}
		return true;
	}

	private static void collectIds(Element element, List<Element> ids) {
		if (Arrays.stream(ID_ATTRIBUTES).anyMatch(element::hasAttribute)) {
			ids.add(element);
		}
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child) {
				collectIds(child, ids);
			}
		}
	}

	private static X509Certificate certificate(String base64) throws MalformedSignatureException {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64.trim());
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (IllegalArgumentException | CertificateException ex) {
			throw new MalformedSignatureException("X509Certificate is not an X.509 certificate");
		}
	}

	private static Element required(Element parent, String localName) throws MalformedSignatureException {
		Element child = child(parent, localName);
		if (child == null) {
			throw new MalformedSignatureException(parent.getLocalName() + " has no " + localName);
		}
		return child;
	}

	private static @Nullable Element child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && isDsig(element, localName)) {
				return element;
			}
		}
		return null;
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && isDsig(element, localName)) {
				children.add(element);
			}
		}
		return children;
	}

	static boolean isDsig(Element element, String localName) {
		return DSIG.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
	}

	/** The signature is not a well-formed XML signature; the message says what is missing. */
	static final class MalformedSignatureException extends Exception {

		private static final long serialVersionUID = 1L;

		MalformedSignatureException(String message) {
			super(message, null, false, false);
		}

	}

}

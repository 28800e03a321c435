package etax.declaration.signature;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Transform;

import etax.declaration.signature.SignatureParts.MalformedSignatureException;
import org.w3c.dom.Element;

/**
 * The shape a return's signature must have (SIG-2): one reference to {@code #ID_1}, other references only
 * to this signature's own {@code ds:Object} content, only the enveloped-signature and C14N transforms,
 * and the signing certificate in {@code X509Data}. These limits are stricter than the JDK's secure
 * validation (no XSLT or XPath transforms, no external URIs, at most 4 references of 3 transforms, no
 * duplicate IDs, none of the signature's own elements with the return's ID, which the JDK would register in its
 * place when it reads the signature), which is what makes validating a historic SHA-1 signature without it
 * acceptable.
 */
final class Structure {

	static final int MAX_REFERENCES = 4;

	static final int MAX_TRANSFORMS = 3;

	private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.INCLUSIVE,
			CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
			CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

	private Structure() {
	}

	static void check(SignatureParts parts, Element body) throws MalformedSignatureException {
		String bodyId = body.getAttribute("id");
		Set<String> ids = new HashSet<>();
		for (String id : parts.ids()) {
			if (id.equals(bodyId) || !ids.add(id)) {
				throw new MalformedSignatureException("Duplicate ID " + id);
			}
		}
		Set<String> objectIds = new HashSet<>();
		for (Element element : parts.objectIds()) {
			for (String name : SignatureParts.ID_ATTRIBUTES) {
				if (element.hasAttribute(name)) {
					objectIds.add(element.getAttribute(name));
				}
			}
		}
		List<SignatureParts.Ref> references = parts.references();
		if (references.isEmpty() || references.size() > MAX_REFERENCES) {
			throw new MalformedSignatureException("SignedInfo has " + references.size() + " references");
		}
		int overBody = 0;
		for (SignatureParts.Ref reference : references) {
			String uri = reference.uri();
			if (("#" + bodyId).equals(uri)) {
				overBody++;
			}
			else if (uri == null || !uri.startsWith("#") || !objectIds.contains(uri.substring(1))) {
				throw new MalformedSignatureException("Reference URI=\"" + uri + "\" is not #" + bodyId);
			}
			if (reference.transforms().size() > MAX_TRANSFORMS
					|| !TRANSFORMS.containsAll(reference.transforms())) {
				throw new MalformedSignatureException("Transforms not allowed: " + reference.transforms());
			}
		}
		if (overBody != 1) {
			throw new MalformedSignatureException("No single Reference URI=\"#" + bodyId + "\"");
		}
		if (parts.certificates().isEmpty()) {
			throw new MalformedSignatureException("KeyInfo has no X509Data/X509Certificate");
		}
	}

	/**
	 * The signing certificate: the one {@code X509SubjectName} names, else the only one, else the one that
	 * issued no other.
	 */
	static X509Certificate leaf(SignatureParts parts) throws MalformedSignatureException {
		List<X509Certificate> certificates = parts.certificates();
		if (parts.subjectName() != null) {
			try {
				X500Principal subject = new X500Principal(parts.subjectName());
				for (X509Certificate certificate : certificates) {
					if (certificate.getSubjectX500Principal().equals(subject)) {
						return certificate;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// not a DN: reported below
			}
			throw new MalformedSignatureException("X509SubjectName names no X509Certificate");
		}
		List<X509Certificate> ends = new ArrayList<>();
		for (X509Certificate certificate : certificates) {
			if (certificates.stream()
				.noneMatch((other) -> other != certificate
						&& other.getIssuerX500Principal().equals(certificate.getSubjectX500Principal()))) {
				ends.add(certificate);
			}
		}
		if (ends.size() != 1) {
			throw new MalformedSignatureException("Cannot tell which X509Certificate signed");
		}
		return ends.get(0);
	}

	/** Registers the IDs of the signature's own objects, for references to signed properties. */
	static void registerObjectIds(SignatureParts parts) {
		for (Element element : parts.objectIds()) {
			for (String name : SignatureParts.ID_ATTRIBUTES) {
				if (element.hasAttribute(name)) {
					element.setIdAttribute(name, true);
				}
			}
		}
	}

}

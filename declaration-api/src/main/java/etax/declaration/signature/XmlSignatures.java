package etax.declaration.signature;

import java.security.MessageDigest;
import java.security.NoSuchProviderException;
import java.security.PublicKey;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * XMLDSig core validation with the JDK's own provider ({@code XMLDSig}), so that a library on the
 * classpath (e.g. Santuario) cannot change the implementation or its secure-validation policy. A factory
 * per call: instances are not thread-safe, and looking one up is cheap.
 */
final class XmlSignatures {

	private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

	enum Result {

		VALID, DIGEST_MISMATCH, SIGNATURE_MISMATCH

	}

	private XmlSignatures() {
	}

	/**
	 * The digest of the element a reference names, computed while the return was parsed
	 * ({@link EnvelopeCapture}), for a reference whose transforms make it the same digest
	 * ({@link SignatureParts#digestsBodyAsCaptured}).
	 * @param uri the reference's URI, e.g. {@code #ID_1}
	 * @param sha256 the SHA-256 of the element in inclusive Canonical XML
	 */
	record Digested(String uri, byte[] sha256) {

	}

	/**
	 * @param signature the {@code ds:Signature}; the IDs it references are registered
	 * @param key the signing certificate's key (never a key the signature supplies itself)
	 * @param secureValidation whether the JDK's secure validation policy applies
	 * @param captured the referenced content's digest when it was captured: its reference is compared with
	 * it instead of being dereferenced (the element is then not in the DOM)
	 * @return the outcome
	 * @throws MarshalException if the JDK cannot read the signature (or its policy refuses it)
	 * @throws XMLSignatureException if a reference cannot be resolved or processed
	 */
	static Result validate(Element signature, PublicKey key, boolean secureValidation, @Nullable Digested captured)
			throws MarshalException, XMLSignatureException {
		XMLSignatureFactory factory;
		try {
			factory = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
		}
		catch (NoSuchProviderException ex) {
			throw new IllegalStateException("The JDK's XMLDSig provider is missing", ex);
		}
		DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(key), signature);
		context.setProperty(SECURE_VALIDATION, secureValidation);
		XMLSignature xmlSignature = factory.unmarshalXMLSignature(context);
		if (captured != null) {
			return validate(xmlSignature, context, captured);
		}
		if (xmlSignature.validate(context)) {
			return Result.VALID;
		}
		for (Reference reference : xmlSignature.getSignedInfo().getReferences()) {
			if (!reference.validate(context)) {
				return Result.DIGEST_MISMATCH;
			}
		}
		return Result.SIGNATURE_MISMATCH;
	}

	/** The same outcomes as the JDK's core validation, with the captured digest for its reference. */
	private static Result validate(XMLSignature xmlSignature, DOMValidateContext context, Digested captured)
			throws XMLSignatureException {
		boolean signed = xmlSignature.getSignatureValue().validate(context);
		for (Reference reference : xmlSignature.getSignedInfo().getReferences()) {
			boolean intact = captured.uri().equals(reference.getURI())
					? MessageDigest.isEqual(captured.sha256(), reference.getDigestValue()) : reference.validate(context);
			if (!intact) {
				return Result.DIGEST_MISMATCH;
			}
		}
		return signed ? Result.VALID : Result.SIGNATURE_MISMATCH;
	}

}

package etax.declaration.signature;

import java.security.NoSuchProviderException;
import java.security.PublicKey;

import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

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
	 * @param signature the {@code ds:Signature}; the IDs it references are registered
	 * @param key the signing certificate's key (never a key the signature supplies itself)
	 * @param secureValidation whether the JDK's secure validation policy applies
	 * @return the outcome
	 * @throws MarshalException if the JDK cannot read the signature (or its policy refuses it)
	 * @throws XMLSignatureException if a reference cannot be resolved or processed
	 */
	static Result validate(Element signature, PublicKey key, boolean secureValidation)
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

}

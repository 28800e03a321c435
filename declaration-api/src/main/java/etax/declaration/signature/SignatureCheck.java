package etax.declaration.signature;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignatureException;

import etax.declaration.signature.SignatureParts.MalformedSignatureException;
import etax.schemas.Finding;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The rules applied to one {@code ds:Signature}: structure (SIG-2), algorithms (SIG-4), integrity (SIG-3),
 * certificate chain, validity and revocation (SIG-5, SIG-6, SIG-8) and tax code (SIG-7). Thread-safe. The cut-off
 * that ends RSA-SHA1 ends 1024-bit RSA keys too: a return of a period from then on is signed with RSA-SHA256 and a key
 * of 2048 bits or more, while historic returns, and their supplements, keep the keys of their day.
 */
final class SignatureCheck {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The shortest RSA key of a signature over a current period, from the SHA-1 cut-off on. */
	static final int MIN_RSA_BITS = 2048;

	/** The shortest RSA key of a historic signature, over a period before the cut-off, where RSA-SHA1 is too. */
	static final int MIN_HISTORIC_RSA_BITS = 1024;

	private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
			CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
			CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

	private final @Nullable TrustedCertificates trusted;

	private final LocalDate sha1AllowedBefore;

	SignatureCheck(@Nullable TrustedCertificates trusted, LocalDate sha1AllowedBefore) {
		this.trusted = trusted;
		this.sha1AllowedBefore = sha1AllowedBefore;
	}

	/**
	 * @param signature a {@code ds:Signature} child of {@code CKyDTu}
	 * @param body {@code HSoKhaiThue}, its {@code id} registered as an XML ID
	 * @param captured its digest when the parse captured it (the element is then empty)
	 * @param context what the intake knows
	 * @param signedOn the day the certificate must be valid
	 * @param xpath where the signature is, for findings
	 * @return the findings; empty when the signature is valid
	 */
	List<Finding> check(Element signature, Element body, XmlSignatures.@Nullable Digested captured,
			SignatureContext context, LocalDate signedOn, String xpath) {
		SignatureParts parts;
		X509Certificate leaf;
		try {
			parts = SignatureParts.read(signature);
			Structure.check(parts, body);
			leaf = Structure.leaf(parts);
			Structure.registerObjectIds(parts);
		}
		catch (MalformedSignatureException ex) {
			return List.of(SignatureRule.NOT_OVER_RETURN.finding(xpath, ex.getMessage()));
		}
		List<Finding> findings = new ArrayList<>();
		boolean historic = context.periodStart() != null && context.periodStart().isBefore(this.sha1AllowedBefore);
		if (algorithms(parts, leaf.getPublicKey(), historic, xpath, findings)) {
			integrity(signature, leaf.getPublicKey(), !usesSha1(parts), captured, xpath, findings);
		}
		certificate(leaf, parts.certificates(), signedOn, xpath, findings);
		List<String> msts = CertificateMst.of(leaf);
		// judged only for a certificate that vouches for the return: for any other, whether an MST is accepted
		// would tell whoever made it up which agents hold a contract with the taxpayer
		if (findings.isEmpty() && msts.stream().noneMatch((mst) -> CertificateMst.accepted(mst, context))) {
			findings.add(SignatureRule.MST_MISMATCH.finding(certificateXPath(xpath),
					msts.isEmpty() ? null : "MST:" + String.join(", MST:", msts)));
		}
		return findings;
	}

	/** @return whether the algorithms are allowed, so that the signature may be validated */
	private boolean algorithms(SignatureParts parts, PublicKey key, boolean historic, String xpath,
			List<Finding> findings) {
		int before = findings.size();
		if (!CANONICALIZATIONS.contains(parts.canonicalization())) {
			findings.add(algorithmFinding(xpath + "/SignedInfo/CanonicalizationMethod", parts.canonicalization()));
		}
		String method = parts.signatureMethod();
		if (!(method.equals(SignatureMethod.RSA_SHA256) || (historic && method.equals(SignatureMethod.RSA_SHA1)))) {
			findings.add(algorithmFinding(xpath + "/SignedInfo/SignatureMethod", method));
		}
		for (SignatureParts.Ref reference : parts.references()) {
			String digest = reference.digestMethod();
			if (!(digest.equals(DigestMethod.SHA256) || (historic && digest.equals(DigestMethod.SHA1)))) {
				findings.add(algorithmFinding(xpath + "/SignedInfo/Reference/DigestMethod", digest));
				break;
			}
		}
		if (!(key instanceof RSAPublicKey rsa)
				|| rsa.getModulus().bitLength() < (historic ? MIN_HISTORIC_RSA_BITS : MIN_RSA_BITS)) {
			findings.add(algorithmFinding(certificateXPath(xpath), key.getAlgorithm()
					+ ((key instanceof RSAPublicKey rsa) ? " " + rsa.getModulus().bitLength() + " bits" : "")));
		}
		return findings.size() == before;
	}

	/**
	 * Core validation by the JDK. Secure validation stays on except for an allowed SHA-1 signature, which it
	 * would refuse; {@link Structure} has then already enforced what secure validation would (ADR 0009).
	 */
	private static void integrity(Element signature, PublicKey key, boolean secureValidation,
			XmlSignatures.@Nullable Digested captured, String xpath, List<Finding> findings) {
		try {
			switch (XmlSignatures.validate(signature, key, secureValidation, captured)) {
				case VALID -> {
				}
				case DIGEST_MISMATCH -> findings
					.add(SignatureRule.TAMPERED.finding(xpath + "/SignedInfo/Reference/DigestValue", null));
				case SIGNATURE_MISMATCH -> findings.add(SignatureRule.TAMPERED.finding(xpath + "/SignatureValue", null));
			}
		}
		catch (MarshalException | XMLSignatureException ex) {
			findings.add(SignatureRule.NOT_OVER_RETURN.finding(xpath, ex.getMessage()));
		}
	}

	private void certificate(X509Certificate leaf, List<X509Certificate> candidates, LocalDate signedOn, String xpath,
			List<Finding> findings) {
		String where = certificateXPath(xpath);
		Instant dayStart = signedOn.atStartOfDay(VIETNAM).toInstant();
		Instant dayEnd = signedOn.plusDays(1).atStartOfDay(VIETNAM).toInstant().minusMillis(1);
		Instant notBefore = leaf.getNotBefore().toInstant();
		Instant notAfter = leaf.getNotAfter().toInstant();
		boolean validOnDay = !notBefore.isAfter(dayEnd) && !notAfter.isBefore(dayStart);
		if (this.trusted == null) {
			if (!validOnDay) {
				findings.add(SignatureRule.NOT_VALID_ON_SIGNING_DATE.finding(where, validity(leaf)));
			}
			return;
		}
		// the validity of a certificate nobody vouches for is not judged: the day it is judged on may come from
		// the taxpayer's records (a supplement's return in force), which its maker must not learn of
		boolean[] keyUsage = leaf.getKeyUsage();
		if (keyUsage != null && !keyUsage[0] && !(keyUsage.length > 1 && keyUsage[1])) {
			findings.add(SignatureRule.UNTRUSTED.finding(where, "keyUsage without digitalSignature"));
			return;
		}
		// Validate the chain at the moment of that day within the leaf's validity (or the nearest one when
		// the leaf was not valid that day), so that an expired but trusted certificate is only SIG-6.
		Instant at = validOnDay ? (notBefore.isAfter(dayStart) ? notBefore : dayStart)
				: (notBefore.isAfter(dayEnd) ? notBefore : notAfter);
		SignatureRule broken = this.trusted.check(leaf, candidates, at);
		if (!validOnDay && broken != SignatureRule.UNTRUSTED) {
			findings.add(SignatureRule.NOT_VALID_ON_SIGNING_DATE.finding(where, validity(leaf)));
		}
		if (broken == SignatureRule.NOT_VALID_ON_SIGNING_DATE) {
			if (validOnDay) {
				// the signer's certificate was valid that day, a CA above it was not
				findings.add(broken.finding(where, "its issuer " + leaf.getIssuerX500Principal().getName()
						+ ", or a certification authority above it, was not valid that day"));
			}
		}
		else if (broken != null) {
			findings.add(broken.finding(where, (broken == SignatureRule.UNTRUSTED)
					? leaf.getIssuerX500Principal().getName() : leaf.getSerialNumber().toString(16)));
		}
	}

	private Finding algorithmFinding(String xpath, String value) {
		return SignatureRule.ALGORITHM_NOT_ALLOWED.finding(xpath, value, this.sha1AllowedBefore);
	}

	private static boolean usesSha1(SignatureParts parts) {
		return parts.signatureMethod().equals(SignatureMethod.RSA_SHA1)
				|| parts.references().stream().anyMatch((reference) -> reference.digestMethod().equals(DigestMethod.SHA1));
	}

	/** The certificate's validity as a finding's value: formatted only for a finding, not for every return. */
	private static String validity(X509Certificate certificate) {
		return certificate.getNotBefore().toInstant() + "/" + certificate.getNotAfter().toInstant();
	}

	private static String certificateXPath(String xpath) {
		return xpath + "/KeyInfo/X509Data/X509Certificate";
	}

}

package etax.declaration.signature;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

/**
 * The configured certification authorities and CRLs, and the path validation against them. Built once at
 * start-up; thread-safe.
 *
 * <p>
 * Every certificate of the trust store is a trust anchor, the licensed CAs as well as the national root
 * (as in the tax viewer's certificate store), so that the end-entity certificate alone, as real returns
 * carry it, is enough. Intermediate certificates found in {@code X509Data} are used when the store holds only
 * a root, or a CA's certificate of another key than the one that signed the leaf (a CA that renewed its key).
 * Revocation uses the configured CRLs only, never the network: a certificate is revoked if the CRL of
 * its issuer (signature verified with the issuer's key) lists it; an issuer without a configured CRL is not
 * checked (ADR 0009). The anchors above a path are judged too, which PKIX leaves out: valid at the moment, and
 * not revoked by the CRL of the anchor above them. Outcomes are cached per certificate and moment, because anchors
 * and CRLs do not change while the service runs.
 */
final class TrustedCertificates {

	private static final int MAX_PATH_LENGTH = 6;

	/** Enough for the certificates of a busy day (about 100 bytes each); emptied when full. */
	private static final int MAX_CACHED_OUTCOMES = 20_000;

	private final PKIXParameters parameters;

	private final Map<X500Principal, List<X509Certificate>> anchors;

	private final Set<X500Principal> anchorSubjects;

	private final Map<X500Principal, List<X509CRL>> crlsByIssuer;

	private final Map<CrlSignature, Boolean> verifiedCrls = new ConcurrentHashMap<>();

	/**
	 * Outcomes by certificate and moment: they depend on nothing else (anchors and CRLs are fixed at
	 * start-up), and most filers sign many returns with one certificate.
	 */
	private final Map<Query, Outcome> outcomes = new ConcurrentHashMap<>();

	TrustedCertificates(Collection<X509Certificate> anchors, Collection<X509CRL> crls) {
		if (anchors.isEmpty()) {
			throw new IllegalArgumentException("The trust store holds no certificate");
		}
		Set<TrustAnchor> trustAnchors = anchors.stream()
			.map((anchor) -> new TrustAnchor(anchor, null))
			.collect(Collectors.toUnmodifiableSet());
		try {
			this.parameters = new PKIXParameters(trustAnchors);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(ex);
		}
		this.parameters.setRevocationEnabled(false);
		this.anchors = anchors.stream()
			.collect(Collectors.groupingBy(X509Certificate::getSubjectX500Principal, Collectors.toUnmodifiableList()));
		this.anchorSubjects = this.anchors.keySet();
		this.crlsByIssuer = crls.stream()
			.collect(Collectors.groupingBy(X509CRL::getIssuerX500Principal, Collectors.toUnmodifiableList()));
	}

	/**
	 * Validates the path from a signing certificate to a trust anchor at a moment.
	 * @param leaf the signer's certificate
	 * @param candidates other certificates of the signature's {@code X509Data}
	 * @param at the moment, within the leaf's validity where possible
	 * @return {@code null} when trusted and not revoked, otherwise the rule the certificate breaks
	 */
	@Nullable SignatureRule check(X509Certificate leaf, List<X509Certificate> candidates, Instant at) {
		Query query = new Query(fingerprint(leaf, candidates), at);
		Outcome outcome = this.outcomes.get(query);
		if (outcome == null) {
			if (this.outcomes.size() >= MAX_CACHED_OUTCOMES) {
				this.outcomes.clear();
			}
			outcome = new Outcome(validate(leaf, candidates, at));
			this.outcomes.put(query, outcome);
		}
		return outcome.broken();
	}

	private @Nullable SignatureRule validate(X509Certificate leaf, List<X509Certificate> candidates, Instant at) {
		List<X509Certificate> path = path(leaf, candidates);
		PKIXCertPathValidatorResult result;
		try {
			PKIXParameters parameters = (PKIXParameters) this.parameters.clone();
			parameters.setDate(Date.from(at));
			result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
				.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
		}
		catch (CertPathValidatorException ex) {
			return (ex.getReason() == BasicReason.EXPIRED || ex.getReason() == BasicReason.NOT_YET_VALID)
					? SignatureRule.NOT_VALID_ON_SIGNING_DATE : SignatureRule.UNTRUSTED;
		}
		catch (GeneralSecurityException ex) {
			return SignatureRule.UNTRUSTED;
		}
		if (revoked(path, result.getTrustAnchor())) {
			return SignatureRule.REVOKED;
		}
		return above(result.getTrustAnchor().getTrustedCert(), at);
	}

	/**
	 * What the CAs above the path break, which PKIX does not judge: the anchor the path ends at, and the anchors
	 * that issued it up to a self-issued root, must be valid at the moment and not revoked by their issuer's CRL (a
	 * licensed CA whose licence the national root withdrew).
	 */
	private @Nullable SignatureRule above(X509Certificate anchor, Instant at) {
		X509Certificate ca = anchor;
		for (int depth = 0; depth < MAX_PATH_LENGTH; depth++) {
			if (!validAt(ca, at)) {
				return SignatureRule.NOT_VALID_ON_SIGNING_DATE;
			}
			if (ca.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
				return null;
			}
			X509Certificate issuer = issuerAmongAnchors(ca);
			if (issuer == null) {
				return null;
			}
			for (X509CRL crl : this.crlsByIssuer.getOrDefault(ca.getIssuerX500Principal(), List.of())) {
				if (signedBy(crl, issuer.getPublicKey()) && crl.isRevoked(ca)) {
					return SignatureRule.REVOKED;
				}
			}
			ca = issuer;
		}
		return null;
	}

	private @Nullable X509Certificate issuerAmongAnchors(X509Certificate certificate) {
		for (X509Certificate candidate : this.anchors.getOrDefault(certificate.getIssuerX500Principal(), List.of())) {
			if (verifies(candidate, certificate)) {
				return candidate;
			}
		}
		return null;
	}

	/** @return whether the issuer's key signed the certificate (not another key of the same name) */
	private static boolean verifies(X509Certificate issuer, X509Certificate certificate) {
		try {
			certificate.verify(issuer.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static boolean validAt(X509Certificate certificate, Instant at) {
		return !certificate.getNotBefore().toInstant().isAfter(at) && !certificate.getNotAfter().toInstant().isBefore(at);
	}

	int anchorCount() {
		return this.anchorSubjects.size();
	}

	/**
	 * The leaf, then issuers from the candidates until one is issued by a trust anchor: an anchor whose key verifies
	 * it, not one of the same name alone. A CA that renewed its key keeps its name; with its old certificate in the
	 * store and its new one in {@code X509Data}, the path goes through the new one, not to the old key.
	 */
	private List<X509Certificate> path(X509Certificate leaf, List<X509Certificate> candidates) {
		List<X509Certificate> path = new ArrayList<>(List.of(leaf));
		X509Certificate current = leaf;
		while (path.size() < MAX_PATH_LENGTH && issuerAmongAnchors(current) == null) {
			X509Certificate issuer = null;
			for (X509Certificate candidate : candidates) {
				if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
						&& !candidate.getSubjectX500Principal().equals(candidate.getIssuerX500Principal())
						&& !path.contains(candidate) && verifies(candidate, current)) {
					issuer = candidate;
					break;
				}
			}
			if (issuer == null) {
				break;
			}
			path.add(issuer);
			current = issuer;
		}
		return path;
	}

	private boolean revoked(List<X509Certificate> path, TrustAnchor anchor) {
		if (this.crlsByIssuer.isEmpty()) {
			return false;
		}
		for (int i = 0; i < path.size(); i++) {
			X509Certificate certificate = path.get(i);
			PublicKey issuerKey = (i + 1 < path.size()) ? path.get(i + 1).getPublicKey()
					: anchor.getTrustedCert().getPublicKey();
			for (X509CRL crl : this.crlsByIssuer.getOrDefault(certificate.getIssuerX500Principal(), List.of())) {
				if (signedBy(crl, issuerKey) && crl.isRevoked(certificate)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean signedBy(X509CRL crl, PublicKey key) {
		return this.verifiedCrls.computeIfAbsent(new CrlSignature(crl, key), (signature) -> {
			try {
				crl.verify(key);
				return true;
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		});
	}

	private record CrlSignature(X509CRL crl, PublicKey key) {

	}

	/** SHA-256 of every certificate's whole encoding: a key no forged certificate can share. */
	private static ByteBuffer fingerprint(X509Certificate leaf, List<X509Certificate> candidates) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(leaf.getEncoded());
			for (X509Certificate candidate : candidates) {
				byte[] encoded = candidate.getEncoded();
				digest.update(ByteBuffer.allocate(4).putInt(encoded.length).array());
				digest.update(encoded);
			}
			return ByteBuffer.wrap(digest.digest());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Query(ByteBuffer certificates, Instant at) {

	}

	private record Outcome(@Nullable SignatureRule broken) {

	}

}

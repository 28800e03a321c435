package etax.devstack.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate and its private key, as a taxpayer or a tax agent holds them on a token.
 *
 * @param privateKey the signing key
 * @param certificate the end-entity certificate
 * @param issuers the certificates of the CAs above it, nearest first, without the root
 */
public record SigningIdentity(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> issuers) {

	public SigningIdentity {
		Objects.requireNonNull(privateKey, "privateKey");
		Objects.requireNonNull(certificate, "certificate");
		issuers = List.copyOf(issuers);
	}

	@Override
	public String toString() {
		return "SigningIdentity[" + this.certificate.getSubjectX500Principal() + "]";
	}

}

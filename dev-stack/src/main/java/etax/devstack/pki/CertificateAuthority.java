package etax.devstack.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * One certification authority: its key and certificate, issuing certificates and CRLs signed with
 * SHA256withRSA. Bouncy Castle only builds the ASN.1; keys, signatures and the resulting certificate
 * objects come from the JDK's providers (no provider is registered).
 */
final class CertificateAuthority {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

	private final KeyPair keys;

	private final X509Certificate certificate;

	CertificateAuthority(KeyPair keys, X509Certificate certificate) {
		this.keys = keys;
		this.certificate = certificate;
	}

	static CertificateAuthority root(X500Principal name, Instant notBefore, Instant notAfter) {
		KeyPair keys = newKeyPair();
		return new CertificateAuthority(keys, build(name, keys.getPrivate(), null, name, keys.getPublic(), notBefore,
				notAfter, true));
	}

	CertificateAuthority subordinate(X500Principal name, Instant notBefore, Instant notAfter) {
		KeyPair subordinateKeys = newKeyPair();
		return new CertificateAuthority(subordinateKeys, build(this.certificate.getSubjectX500Principal(),
				this.keys.getPrivate(), this.certificate, name, subordinateKeys.getPublic(), notBefore, notAfter, true));
	}

	X509Certificate issue(X500Principal subject, PublicKey key, Instant notBefore, Instant notAfter) {
		return build(this.certificate.getSubjectX500Principal(), this.keys.getPrivate(), this.certificate, subject, key,
				notBefore, notAfter, false);
	}

	/** A CRL listing those of {@code revoked} that this CA issued, revoked a minute ago, valid for 30 days. */
	X509CRL crl(Collection<X509Certificate> revoked, Instant now) {
		Instant thisUpdate = now.minusSeconds(60);
		try {
			X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(this.certificate, Date.from(thisUpdate));
			builder.setNextUpdate(Date.from(now.plusSeconds(30L * 24 * 3600)));
			for (X509Certificate certificate : revoked) {
				if (certificate.getIssuerX500Principal().equals(this.certificate.getSubjectX500Principal())) {
					builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
				}
			}
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(this.certificate));
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
			return new JcaX509CRLConverter().getCRL(builder.build(signer(this.keys.getPrivate())));
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot build a CRL", ex);
		}
	}

	KeyPair keys() {
		return this.keys;
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate build(X500Principal issuer, PrivateKey issuerKey,
			@Nullable X509Certificate issuerCertificate,
			X500Principal subject, PublicKey key, Instant notBefore, Instant notAfter, boolean ca) {
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
					Date.from(notAfter), subject, key);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(
					ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					(issuerCertificate != null) ? extensions.createAuthorityKeyIdentifier(issuerCertificate)
							: extensions.createAuthorityKeyIdentifier(key));
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
		}
		catch (GeneralSecurityException | CertIOException ex) {
			throw new IllegalStateException("Cannot build a certificate for " + subject, ex);
		}
	}

	private static ContentSigner signer(PrivateKey key) {
		try {
			return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

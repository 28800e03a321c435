package etax.devstack.pki;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * An in-memory PKI for tests, the demo and load generators: a root CA and an issuing CA below it, which
 * issue RSA certificates shaped like those of the licensed Vietnamese CAs (subject
 * {@code UID=MST:<mst>, CN=<name>, C=VN}, key usage digital signature and non-repudiation).
 *
 * <p>
 * Issuing is cheap: unless a key pair is given, every certificate of one {@code TestPki} certifies the same
 * subscriber key, so that a load generator can issue a thousand certificates in well under a second. Tests
 * that need distinct keys pass {@link #newKeyPair()}. A second {@code TestPki} (e.g. {@link #untrusted()})
 * has its own keys and names, so its certificates chain to nothing the first one's trust store holds.
 *
 * <p>
 * Instances are immutable and thread-safe. Not for production: the keys are unprotected.
 */
public final class TestPki {

	/** The password of trust stores and PKI files written by this class. */
	public static final String STORE_PASSWORD = "changeit";

	/** Start of the default validity of issued certificates: covers historic (2019–2021) and current returns. */
	public static final Instant DEFAULT_NOT_BEFORE = Instant.parse("2019-01-01T00:00:00Z");

	/** End of the default validity of issued certificates. */
	public static final Instant DEFAULT_NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");

	private static final Instant CA_NOT_BEFORE = Instant.parse("2010-01-01T00:00:00Z");

	private static final Instant CA_NOT_AFTER = Instant.parse("2050-01-01T00:00:00Z");

	private final CertificateAuthority root;

	private final CertificateAuthority issuing;

	private final KeyPair subscriberKeys;

	TestPki(CertificateAuthority root, CertificateAuthority issuing, KeyPair subscriberKeys) {
		this.root = root;
		this.issuing = issuing;
		this.subscriberKeys = subscriberKeys;
	}

	/** @return a new PKI named "etax Test" (the one a dev stack trusts) */
	public static TestPki create() {
		return create("etax Test");
	}

	/** @return a new PKI with CAs named "Untrusted Test Root CA" and "Untrusted Test Issuing CA" */
	public static TestPki untrusted() {
		return create("Untrusted Test");
	}

	/**
	 * Creates a root CA {@code CN=<name> Root CA, O=<name>, C=VN} and an issuing CA below it.
	 * @param name the organisation name of the CAs
	 * @return the new PKI
	 */
	public static TestPki create(String name) {
		CertificateAuthority root = CertificateAuthority.root(caName(name + " Root CA", name), CA_NOT_BEFORE,
				CA_NOT_AFTER);
		CertificateAuthority issuing = root.subordinate(caName(name + " Issuing CA", name), CA_NOT_BEFORE,
				CA_NOT_AFTER);
		return new TestPki(root, issuing, newKeyPair());
	}

	/**
	 * The same root, and an issuing CA of the same name with a new key, certified by the root: a CA that renewed its
	 * key, whose old and new certificates share a subject. Certificates it issues are signed with the new key.
	 * @return the PKI after the renewal, with the same subscriber key
	 */
	public TestPki withRenewedIssuingKey() {
		return new TestPki(this.root, this.root.subordinate(this.issuing.certificate().getSubjectX500Principal(),
				CA_NOT_BEFORE, CA_NOT_AFTER), this.subscriberKeys);
	}

	/**
	 * Reads a PKI written by {@link #save(Path)}, e.g. by the dev stack for the demo in another JVM.
	 * @param file the PKCS#12 file
	 * @return the same CAs and subscriber key
	 */
	public static TestPki load(Path file) {
		return PkiFile.read(file);
	}

	/**
	 * Writes the CA keys and the subscriber key to a PKCS#12 file protected by {@link #STORE_PASSWORD}.
	 * @param file where to write
	 */
	public void save(Path file) {
		PkiFile.write(file, this);
	}

	/** @return the root CA certificate */
	public X509Certificate root() {
		return this.root.certificate();
	}

	/** @return the issuing CA certificate, the issuer of every end-entity certificate */
	public X509Certificate issuingCa() {
		return this.issuing.certificate();
	}

	/** @return the root and the issuing CA certificates: what a verifier trusts */
	public List<X509Certificate> caCertificates() {
		return List.of(root(), issuingCa());
	}

	/** Issues a certificate valid from 2019 to 2040 (see {@link #issue(String, String, Instant, Instant)}). */
	public SigningIdentity issue(String mst, String name) {
		return issue(mst, name, DEFAULT_NOT_BEFORE, DEFAULT_NOT_AFTER);
	}

	/**
	 * Issues a certificate for a taxpayer or a tax agent, e.g. an expired or not yet valid one.
	 * @param mst the tax code put in {@code UID=MST:}
	 * @param name the common name
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the certificate with the subscriber key
	 */
	public SigningIdentity issue(String mst, String name, Instant notBefore, Instant notAfter) {
		return issue(subject(mst, name), notBefore, notAfter, this.subscriberKeys);
	}

	/**
	 * Issues a certificate with any subject and key pair.
	 * @param subject the subject DN, e.g. from {@link #subject(String, String)}
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param keys the key pair to certify
	 * @return the certificate with its private key
	 */
	public SigningIdentity issue(X500Principal subject, Instant notBefore, Instant notAfter, KeyPair keys) {
		X509Certificate certificate = this.issuing.issue(subject, keys.getPublic(), notBefore, notAfter);
		return new SigningIdentity(keys.getPrivate(), certificate, List.of(issuingCa()));
	}

	/**
	 * The subject DN of a taxpayer certificate: {@code UID=MST:<mst>, CN=<name>, C=VN} (RFC 2253 order).
	 * @param mst the tax code
	 * @param name the common name
	 * @return the DN
	 */
	public static X500Principal subject(String mst, String name) {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
			.addRDN(BCStyle.CN, name)
			.addRDN(BCStyle.UID, "MST:" + mst);
		return principal(builder);
	}

	/** @return a fresh 2048-bit RSA key pair (about 0.1 s) */
	public static KeyPair newKeyPair() {
		return CertificateAuthority.newKeyPair();
	}

	/**
	 * CRLs of both CAs, valid from a minute ago for 30 days.
	 * @param revoked certificates to list as revoked (key compromise), in their issuer's CRL
	 * @return the root's CRL and the issuing CA's CRL
	 */
	public List<X509CRL> crls(X509Certificate... revoked) {
		Instant now = Instant.now();
		List<X509Certificate> list = Arrays.asList(revoked);
		return List.of(this.root.crl(list, now), this.issuing.crl(list, now));
	}

	/**
	 * Writes {@link #crls(X509Certificate...)} to one PEM file, for
	 * {@code etax.declaration.signature.crls}.
	 * @param file where to write
	 * @param revoked certificates to list as revoked
	 * @return the file
	 */
	public Path writeCrls(Path file, X509Certificate... revoked) {
		return Pem.writeCrls(file, crls(revoked));
	}

	/**
	 * Writes the CA certificates as a PKCS#12 trust store protected by {@link #STORE_PASSWORD}.
	 * @param file where to write
	 * @return the file and how to load it
	 */
	public TrustStoreFile writeTrustStore(Path file) {
		return PkiFile.writeTrustStore(file, caCertificates());
	}

	/**
	 * Writes the CA certificates as concatenated PEM blocks.
	 * @param file where to write
	 * @return the file and how to load it
	 */
	public TrustStoreFile writePemTrustStore(Path file) {
		return writePemTrustStore(file, caCertificates());
	}

	/**
	 * Writes any certificates as a PEM trust store, e.g. only a root to make verifiers build paths.
	 * @param file where to write
	 * @param anchors the certificates to trust
	 * @return the file and how to load it
	 */
	public static TrustStoreFile writePemTrustStore(Path file, Collection<X509Certificate> anchors) {
		return new TrustStoreFile(Pem.writeCertificates(file, anchors), "PEM", null);
	}

	CertificateAuthority rootAuthority() {
		return this.root;
	}

	CertificateAuthority issuingAuthority() {
		return this.issuing;
	}

	KeyPair subscriberKeys() {
		return this.subscriberKeys;
	}

	private static X500Principal caName(String commonName, String organisation) {
		return principal(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
			.addRDN(BCStyle.O, organisation)
			.addRDN(BCStyle.CN, commonName));
	}

	private static X500Principal principal(X500NameBuilder builder) {
		try {
			return new X500Principal(builder.build().getEncoded());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

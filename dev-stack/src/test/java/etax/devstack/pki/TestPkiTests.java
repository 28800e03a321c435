package etax.devstack.pki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestPkiTests {

	private static final TestPki PKI = TestPki.create();

	@TempDir
	Path dir;

	@Test
	void issuesCertificatesWithTheMstInTheSubjectThatChainToTheRoot() throws Exception {
		SigningIdentity identity = PKI.issue("0313829148", "CÔNG TY TNHH VÍ DỤ");

		X509Certificate certificate = identity.certificate();
		assertThat(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253))
			.isEqualTo("UID=MST:0313829148,CN=CÔNG TY TNHH VÍ DỤ,C=VN");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(PKI.issuingCa().getSubjectX500Principal());
		assertThat(certificate.getKeyUsage()).startsWith(true, true);
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getPublicKey()).isEqualTo(identity.certificate().getPublicKey());
		assertThat(identity.issuers()).containsExactly(PKI.issuingCa());
		validate(List.of(certificate, PKI.issuingCa()), PKI.root(), Instant.parse("2026-04-15T00:00:00Z"));
	}

	@Test
	void issuesCertificatesWithTheGivenValidity() throws Exception {
		Instant notBefore = Instant.parse("2020-01-01T00:00:00Z");
		Instant notAfter = Instant.parse("2021-01-01T00:00:00Z");
		X509Certificate expired = PKI.issue("0313829148", "Expired", notBefore, notAfter).certificate();

		assertThat(expired.getNotBefore()).isEqualTo(Date.from(notBefore));
		assertThat(expired.getNotAfter()).isEqualTo(Date.from(notAfter));
		assertThatExceptionOfType(CertPathValidatorException.class)
			.isThrownBy(() -> validate(List.of(expired, PKI.issuingCa()), PKI.root(),
					Instant.parse("2026-04-15T00:00:00Z")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
	}

	@Test
	void anUntrustedPkiChainsToNothingOfTheTrustedOne() {
		TestPki untrusted = TestPki.untrusted();
		X509Certificate certificate = untrusted.issue("0313829148", "Forged").certificate();

		assertThat(untrusted.root().getSubjectX500Principal()).isNotEqualTo(PKI.root().getSubjectX500Principal());
		assertThatExceptionOfType(CertPathValidatorException.class).isThrownBy(() -> validate(
				List.of(certificate, untrusted.issuingCa()), PKI.root(), Instant.parse("2026-04-15T00:00:00Z")));
	}

	@Test
	void writesTrustStoresAsPkcs12AndPem() throws Exception {
		TrustStoreFile pkcs12 = PKI.writeTrustStore(this.dir.resolve("trust.p12"));
		TrustStoreFile pem = PKI.writePemTrustStore(this.dir.resolve("trust.pem"));

		KeyStore store = KeyStore.getInstance(pkcs12.type());
		try (InputStream in = Files.newInputStream(pkcs12.path())) {
			store.load(in, pkcs12.password().toCharArray());
		}
		assertThat(store.size()).isEqualTo(2);
		for (String alias : Collections.list(store.aliases())) {
			assertThat(store.isCertificateEntry(alias)).isTrue();
		}
		try (InputStream in = Files.newInputStream(pem.path())) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			assertThat(new ArrayList<Certificate>(certificates)).containsExactlyInAnyOrder(PKI.root(), PKI.issuingCa());
		}
		assertThat(pem.password()).isNull();
		assertThat(pkcs12.signatureProperties()).containsEntry("etax.declaration.signature.trust-store.type", "PKCS12")
			.containsEntry("etax.declaration.signature.trust-store.password", TestPki.STORE_PASSWORD)
			.containsEntry("etax.declaration.signature.trust-store.location", pkcs12.path().toUri().toString());
	}

	@Test
	void writesSignedCrlsOfBothCas() throws Exception {
		X509Certificate revoked = PKI.issue("0313829148", "Revoked").certificate();
		X509Certificate good = PKI.issue("0313829148", "Good").certificate();

		Path file = PKI.writeCrls(this.dir.resolve("crls.pem"), revoked);

		try (InputStream in = Files.newInputStream(file)) {
			List<X509CRL> crls = CertificateFactory.getInstance("X.509")
				.generateCRLs(in)
				.stream()
				.map(X509CRL.class::cast)
				.toList();
			assertThat(crls).hasSize(2);
			X509CRL issuing = crls.get(1);
			issuing.verify(PKI.issuingCa().getPublicKey());
			assertThat(issuing.getIssuerX500Principal()).isEqualTo(PKI.issuingCa().getSubjectX500Principal());
			assertThat(issuing.isRevoked(revoked)).isTrue();
			assertThat(issuing.isRevoked(good)).isFalse();
			crls.get(0).verify(PKI.root().getPublicKey());
			assertThat(crls.get(0).getRevokedCertificates()).isNull();
		}
	}

	@Test
	void savesAndLoadsThePkiForAnotherJvm() throws Exception {
		Path file = this.dir.resolve("pki.p12");
		PKI.save(file);

		TestPki loaded = TestPki.load(file);

		assertThat(loaded.root()).isEqualTo(PKI.root());
		assertThat(loaded.issuingCa()).isEqualTo(PKI.issuingCa());
		SigningIdentity identity = loaded.issue("0100109106", "Loaded");
		assertThat(identity.certificate().getPublicKey()).isEqualTo(PKI.issue("0100109106", "Original").certificate()
			.getPublicKey());
		validate(List.of(identity.certificate(), PKI.issuingCa()), PKI.root(), Instant.parse("2026-04-15T00:00:00Z"));
	}

	@Test
	void givenKeyPairsAreCertified() {
		var keys = TestPki.newKeyPair();

		SigningIdentity identity = PKI.issue(TestPki.subject("0100109106", "Own key"), TestPki.DEFAULT_NOT_BEFORE,
				TestPki.DEFAULT_NOT_AFTER, keys);

		assertThat(identity.certificate().getPublicKey()).isEqualTo(keys.getPublic());
		assertThat(identity.privateKey()).isEqualTo(keys.getPrivate());
	}

	private static void validate(List<X509Certificate> path, X509Certificate root, Instant at) throws Exception {
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
		parameters.setRevocationEnabled(false);
		parameters.setDate(Date.from(at));
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
	}

}

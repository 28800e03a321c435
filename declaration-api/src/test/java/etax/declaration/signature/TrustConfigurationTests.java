package etax.declaration.signature;

import java.nio.file.Path;
import java.util.List;

import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;
import etax.devstack.pki.TrustStoreFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static etax.declaration.signature.SignatureVerificationTests.PKI;
import static etax.declaration.signature.SignatureVerificationTests.TAXPAYER;
import static etax.declaration.signature.SignatureVerificationTests.ruleIds;
import static etax.declaration.signature.SignatureVerificationTests.taxpayer;
import static etax.declaration.signature.SignatureVerificationTests.verification;
import static etax.declaration.signature.SignedReturns.MST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TrustConfigurationTests {

	@TempDir
	Path dir;

	@Test
	void withoutATrustStoreTheServiceDoesNotStartUnlessSignaturesAreOptional() {
		assertThatIllegalStateException().isThrownBy(() -> verification(null, List.of(), true))
			.withMessageContaining("etax.declaration.signature.trust-store.location")
			.withMessageContaining("etax.declaration.signature.required=false");

		SignatureVerification optional = verification(null, List.of(), false);
		assertThat(SignedReturns.verify(optional, SignedReturns.unsigned(), taxpayer())).isEmpty();
		assertThat(SignedReturns.verify(optional, SignedReturns.signed(TAXPAYER), taxpayer())).isEmpty();
		assertThat(ruleIds(SignedReturns.verify(optional, SignedReturns.signed(PKI.issue("0100231226", "X")), taxpayer())))
			.as("without a trust store the tax code is still checked")
			.containsExactly("SIG-7");
	}

	@Test
	void aMissingOrUnreadableTrustStoreStopsTheService() {
		assertThatIllegalStateException()
			.isThrownBy(() -> verification(new TrustStoreFile(this.dir.resolve("none.p12"), "PKCS12", "x"), List.of(),
					true))
			.withMessageContaining("none.p12");
		TrustStoreFile store = PKI.writeTrustStore(this.dir.resolve("trust.p12"));
		assertThatIllegalStateException()
			.isThrownBy(() -> verification(new TrustStoreFile(store.path(), "PKCS12", "wrong"), List.of(), true))
			.withMessageContaining("trust.p12");
	}

	@Test
	void aPemTrustStoreWorksLikeAPkcs12One() {
		SignatureVerification pem = verification(PKI.writePemTrustStore(this.dir.resolve("trust.pem")), List.of(), true);

		assertThat(SignedReturns.verify(pem, SignedReturns.signed(TAXPAYER), taxpayer())).isEmpty();
		assertThat(ruleIds(SignedReturns.verify(pem, SignedReturns.signed(TestPki.untrusted().issue(MST, "X")), taxpayer())))
			.containsExactly("SIG-5");
	}

	@Test
	void aRootOnlyTrustStoreNeedsTheIssuingCaInX509Data() {
		SignatureVerification rootOnly = verification(
				TestPki.writePemTrustStore(this.dir.resolve("root.pem"), List.of(PKI.root())), List.of(), true);

		assertThat(SignedReturns.verify(rootOnly, new ReturnSigner(TAXPAYER).withIssuerCertificates().sign(SignedReturns.unsigned()),
				taxpayer()))
			.isEmpty();
		assertThat(ruleIds(SignedReturns.verify(rootOnly, SignedReturns.signed(TAXPAYER), taxpayer()))).containsExactly("SIG-5");
	}

	/**
	 * A CA that renewed its key keeps its name: with its old certificate in the trust store, a certificate it issued
	 * with the new key chains through the new CA certificate the return carries, to the root; without it, or with an
	 * impostor's certificate of the same name, it chains to nothing.
	 */
	@Test
	void aCaOfTheSameNameAsAnAnchorButAnotherKeyIsTakenFromX509Data() {
		TestPki renewed = PKI.withRenewedIssuingKey();
		SigningIdentity signer = renewed.issue(MST, "CÔNG TY TNHH VÍ DỤ");
		SignatureVerification trustingTheOldKey = verification(PKI.writeTrustStore(this.dir.resolve("old-key.p12")),
				List.of(), true);

		assertThat(renewed.issuingCa().getSubjectX500Principal()).isEqualTo(PKI.issuingCa().getSubjectX500Principal());
		assertThat(SignedReturns.verify(trustingTheOldKey,
				new ReturnSigner(signer).withIssuerCertificates().sign(SignedReturns.unsigned()), taxpayer()))
			.isEmpty();
		assertThat(ruleIds(SignedReturns.verify(trustingTheOldKey, SignedReturns.signed(signer), taxpayer())))
			.as("the old key did not sign it")
			.containsExactly("SIG-5");
		TestPki impostor = TestPki.create("etax Test");
		assertThat(ruleIds(SignedReturns.verify(trustingTheOldKey,
				new ReturnSigner(impostor.issue(MST, "FORGED")).withIssuerCertificates().sign(SignedReturns.unsigned()),
				taxpayer())))
			.as("a CA of the same name whose key no anchor certified")
			.containsExactly("SIG-5");
	}

	@Test
	void aCertificateOnAConfiguredCrlIsRevoked() {
		SigningIdentity revoked = PKI.issue(MST, "REVOKED");
		String crls = PKI.writeCrls(this.dir.resolve("crls.pem"), revoked.certificate()).toUri().toString();

		SignatureVerification checking = verification(PKI.writeTrustStore(this.dir.resolve("trust.p12")),
				List.of(crls), true);

		assertThat(SignedReturns.verify(checking, SignedReturns.signed(revoked), taxpayer())).singleElement().satisfies((finding) -> {
			assertThat(finding.ruleId()).isEqualTo("SIG-8");
			assertThat(finding.value()).isEqualTo(revoked.certificate().getSerialNumber().toString(16));
		});
		assertThat(SignedReturns.verify(checking, SignedReturns.signed(TAXPAYER), taxpayer())).isEmpty();
		SignatureVerification withoutCrls = verification(PKI.writeTrustStore(this.dir.resolve("trust.p12")),
				List.of(), true);
		assertThat(SignedReturns.verify(withoutCrls, SignedReturns.signed(revoked), taxpayer()))
			.as("without CRLs there is no revocation check")
			.isEmpty();
	}

	@Test
	void aLicensedCaTheRootRevokedVouchesForNothingThoughItIsAnAnchor() {
		String crls = PKI.writeCrls(this.dir.resolve("ca-revoked.pem"), PKI.issuingCa()).toUri().toString();
		SignatureVerification checking = verification(PKI.writeTrustStore(this.dir.resolve("trust.p12")),
				List.of(crls), true);

		assertThat(ruleIds(SignedReturns.verify(checking, SignedReturns.signed(TAXPAYER), taxpayer())))
			.as("PKIX stops at the licensed CA, an anchor: the root's CRL is read all the same")
			.containsExactly("SIG-8");
	}

	@Test
	void aCrlNotSignedByTheIssuerIsIgnored() {
		TestPki impostor = TestPki.create("etax Test");
		SigningIdentity revokedByImpostor = PKI.issue(MST, "NOT REALLY REVOKED");
		String crls = impostor.writeCrls(this.dir.resolve("impostor.pem"), revokedByImpostor.certificate())
			.toString();

		SignatureVerification checking = verification(PKI.writeTrustStore(this.dir.resolve("trust.p12")),
				List.of(crls), true);

		assertThat(SignedReturns.verify(checking, SignedReturns.signed(revokedByImpostor), taxpayer())).isEmpty();
	}

}

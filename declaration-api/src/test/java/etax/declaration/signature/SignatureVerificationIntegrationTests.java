package etax.declaration.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import etax.devstack.LocalInfrastructureInitializer;
import etax.devstack.pki.ReturnSigner;
import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;
import etax.devstack.pki.TrustStoreFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static etax.declaration.signature.SignedReturns.MST;
import static org.assertj.core.api.Assertions.assertThat;

/** The bean binds {@code etax.declaration.signature.*}: trust store, CRLs, requirement and SHA-1 cut-off. */
@SpringBootTest
@ContextConfiguration(initializers = LocalInfrastructureInitializer.class)
class SignatureVerificationIntegrationTests {

	static final TestPki PKI = TestPki.create();

	static final SigningIdentity TAXPAYER = PKI.issue(MST, "CÔNG TY TNHH VÍ DỤ");

	static final SigningIdentity REVOKED = PKI.issue(MST, "REVOKED");

	@Autowired
	SignatureVerification verification;

	@Autowired
	SignatureProperties properties;

	@DynamicPropertySource
	static void signatureProperties(DynamicPropertyRegistry registry) {
		try {
			Path dir = Files.createTempDirectory("etax-signature-it");
			TrustStoreFile trustStore = PKI.writeTrustStore(dir.resolve("trust.p12"));
			trustStore.signatureProperties().forEach((name, value) -> registry.add(name, () -> value));
			registry.add("etax.declaration.signature.crls", () -> PKI.writeCrls(dir.resolve("crls.pem"),
					REVOKED.certificate()).toString());
			registry.add("etax.declaration.signature.required", () -> "true");
			registry.add("etax.declaration.signature.sha1-allowed-before", () -> "2027-01-01");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void bindsItsConfiguration() {
		assertThat(this.properties.required()).isTrue();
		assertThat(this.properties.trustStore()).isNotNull();
		assertThat(this.properties.trustStore().type()).isEqualTo("PKCS12");
		assertThat(this.properties.crls()).hasSize(1);
		assertThat(this.properties.sha1AllowedBefore()).isEqualTo(LocalDate.of(2027, 1, 1));
	}

	@Test
	void verifiesWithTheConfiguredTrustStoreCrlsAndCutOff() {
		SignatureContext context = new SignatureContext(MST, null, LocalDate.of(2026, 4, 15),
				LocalDate.of(2026, 1, 1), AgentContracts.none());

		assertThat(SignedReturns.verify(this.verification, SignedReturns.signed(TAXPAYER), context)).isEmpty();
		assertThat(SignedReturns.verify(this.verification, 
				new ReturnSigner(TAXPAYER, ReturnSigner.Algorithm.RSA_SHA1).sign(SignedReturns.unsigned()), context))
			.as("RSA-SHA1 is accepted for 2026 with the cut-off moved to 2027")
			.isEmpty();
		assertThat(SignedReturns.verify(this.verification, SignedReturns.signed(REVOKED), context)).extracting("ruleId")
			.containsExactly("SIG-8");
		assertThat(SignedReturns.verify(this.verification, SignedReturns.signed(TestPki.untrusted().issue(MST, "X")), context))
			.extracting("ruleId")
			.containsExactly("SIG-5");
		assertThat(SignedReturns.verify(this.verification, SignedReturns.unsigned(), context)).extracting("ruleId")
			.containsExactly("SIG-1");
	}

}

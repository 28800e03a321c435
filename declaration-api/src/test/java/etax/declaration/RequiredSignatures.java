package etax.declaration;

import java.io.IOException;
import java.nio.file.Files;

import etax.devstack.pki.TestPki;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Signatures required, as in production, with a test's own CA as the only trust anchor. */
public final class RequiredSignatures {

	private RequiredSignatures() {
	}

	/**
	 * Registers the trust store of the CA and requires signatures.
	 * @param pki the test's CA
	 * @param registry the test context's properties
	 */
	public static void trusting(TestPki pki, DynamicPropertyRegistry registry) throws IOException {
		pki.writeTrustStore(Files.createTempDirectory("etax-trust").resolve("trust.p12"))
			.signatureProperties()
			.forEach((name, value) -> registry.add(name, () -> value));
		registry.add("etax.declaration.signature.required", () -> "true");
	}

}

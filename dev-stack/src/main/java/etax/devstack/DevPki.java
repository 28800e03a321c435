package etax.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;

/**
 * The certification authority of the local run: created at start, its trust store given to
 * declaration-api, saved so that the demo can issue certificates and sign returns.
 */
final class DevPki {

	static final String PATH = "target/dev-stack/pki/dev-ca.p12";

	private DevPki() {
	}

	/**
	 * Creates the dev CA and writes it and its trust store under {@code target/dev-stack/pki}.
	 * @param root the project root
	 * @return the properties that point declaration-api at the trust store
	 */
	static Map<String, Object> create(Path root) throws java.io.IOException {
		Path directory = Files.createDirectories(root.resolve(PATH).getParent());
		TestPki pki = TestPki.create("etax dev CA");
		pki.save(root.resolve(PATH));
		return pki.writeTrustStore(directory.resolve("trust.p12")).signatureProperties();
	}

	/** A certificate for a taxpayer from the saved dev CA, to sign its returns. */
	static SigningIdentity identity(Path root, String mst, String name) {
		return TestPki.load(root.resolve(PATH)).issue(mst, name);
	}

}

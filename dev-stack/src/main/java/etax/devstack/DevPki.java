package etax.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import etax.devstack.pki.SigningIdentity;
import etax.devstack.pki.TestPki;

/**
 * The certification authority of the local run: created at start, its trust store given to
 * declaration-api with a tax authority certificate to sign XML notices, saved so that the demo can issue
 * certificates and sign returns.
 */
final class DevPki {

	static final String PATH = "target/dev-stack/pki/dev-ca.p12";

	private static final String NOTICE_ALIAS = "notice";

	private DevPki() {
	}

	/**
	 * Creates the dev CA and writes it and its trust store under {@code target/dev-stack/pki}.
	 * @param root the project root
	 * @return the properties that point declaration-api at the trust store
	 */
	static Map<String, Object> create(Path root) throws IOException, GeneralSecurityException {
		Path directory = Files.createDirectories(root.resolve(PATH).getParent());
		TestPki pki = TestPki.create("etax dev CA");
		pki.save(root.resolve(PATH));
		Map<String, Object> properties = new LinkedHashMap<>(
				pki.writeTrustStore(directory.resolve("trust.p12")).signatureProperties());
		properties.putAll(noticeSigningKey(pki, directory.resolve("notice-signing.p12")));
		return properties;
	}

	/** The tax authority's certificate from the dev CA, for declaration-api to sign XML notices with. */
	private static Map<String, Object> noticeSigningKey(TestPki pki, Path file) throws IOException, GeneralSecurityException {
		SigningIdentity authority = pki.issue(new X500Principal("CN=etax dev tax authority, O=etax, C=VN"),
				TestPki.DEFAULT_NOT_BEFORE, TestPki.DEFAULT_NOT_AFTER, TestPki.newKeyPair());
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(authority.certificate());
		chain.addAll(authority.issuers());
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(NOTICE_ALIAS, authority.privateKey(), TestPki.STORE_PASSWORD.toCharArray(),
				chain.toArray(X509Certificate[]::new));
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, TestPki.STORE_PASSWORD.toCharArray());
		}
		return Map.of("etax.declaration.notice-signing.key-store", file.toUri().toString(),
				"etax.declaration.notice-signing.key-store-password", TestPki.STORE_PASSWORD,
				"etax.declaration.notice-signing.alias", NOTICE_ALIAS);
	}

	/** A certificate for a taxpayer from the saved dev CA, to sign its returns. */
	static SigningIdentity identity(Path root, String mst, String name) {
		return TestPki.load(root.resolve(PATH)).issue(mst, name);
	}

}

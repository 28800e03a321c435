package etax.declaration.submission;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key notices are signed with, and what a verifier is told about it: the certificate chain when there
 * is one, else the bare public key.
 */
record NoticeSigningKey(PrivateKey privateKey, PublicKey publicKey, List<X509Certificate> chain) {

	private static final Logger log = LoggerFactory.getLogger(NoticeSigningKey.class);

	/**
	 * The key of the configured key store; without one, a key made now, only where
	 * {@code etax.declaration.notice-signing.ephemeral=true} allows it (tests, local runs).
	 * @param properties the settings
	 * @return the key
	 * @throws IllegalStateException if there is no key store and no permission for a key made now, or the key store
	 * cannot be read: the application does not start
	 */
	static NoticeSigningKey load(NoticeSigningProperties properties) {
		if (properties.keyStore() == null) {
			if (!properties.ephemeral()) {
				// each replica would sign with a key of its own that no published certificate verifies
				throw new IllegalStateException("No etax.declaration.notice-signing.key-store: XML acceptance notices "
						+ "must be signed with the tax authority's key. Configure the key store, or set "
						+ "etax.declaration.notice-signing.ephemeral=true to sign with a key made at start (tests and "
						+ "local runs only)");
			}
			log.warn("No etax.declaration.notice-signing.key-store and ephemeral=true: XML notices are signed with a key "
					+ "made at start, which no published certificate verifies (tests and local runs only)");
			return ephemeral();
		}
		char[] password = properties.keyStorePassword().toCharArray();
		try (InputStream in = properties.keyStore().getInputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			String alias = (properties.alias() != null && !properties.alias().isBlank()) ? properties.alias()
					: Collections.list(store.aliases()).stream().filter((name) -> isKey(store, name)).findFirst()
						.orElseThrow(() -> new IllegalStateException("The notice signing key store holds no key"));
			List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
				.map(X509Certificate.class::cast)
				.toList();
			return new NoticeSigningKey((PrivateKey) store.getKey(alias, password), chain.get(0).getPublicKey(), chain);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the notice signing key store " + properties.keyStore(), ex);
		}
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static NoticeSigningKey ephemeral() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			return new NoticeSigningKey(keys.getPrivate(), keys.getPublic(), List.of());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

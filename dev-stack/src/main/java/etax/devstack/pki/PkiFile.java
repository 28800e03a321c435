package etax.devstack.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

/**
 * PKCS#12 files of the test PKI: trust stores (certificate entries only) and the whole PKI (the two CA keys
 * and the subscriber key) so that another JVM can issue and sign with the same CAs.
 */
final class PkiFile {

	private static final String ROOT = "root";

	private static final String ISSUING = "issuing";

	private static final String SUBSCRIBER = "subscriber";

	private PkiFile() {
	}

	static TrustStoreFile writeTrustStore(Path file, List<X509Certificate> anchors) {
		KeyStore store = emptyStore();
		try {
			for (X509Certificate anchor : anchors) {
				store.setCertificateEntry(anchor.getSubjectX500Principal().getName(), anchor);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		store(store, file);
		return new TrustStoreFile(file, "PKCS12", TestPki.STORE_PASSWORD);
	}

	static void write(Path file, TestPki pki) {
		KeyStore store = emptyStore();
		CertificateAuthority root = pki.rootAuthority();
		CertificateAuthority issuing = pki.issuingAuthority();
		X509Certificate subscriber = issuing.issue(new X500Principal("CN=etax test subscriber key"),
				pki.subscriberKeys().getPublic(), TestPki.DEFAULT_NOT_BEFORE, TestPki.DEFAULT_NOT_AFTER);
		char[] password = TestPki.STORE_PASSWORD.toCharArray();
		try {
			store.setKeyEntry(ROOT, root.keys().getPrivate(), password, new Certificate[] { root.certificate() });
			store.setKeyEntry(ISSUING, issuing.keys().getPrivate(), password,
					new Certificate[] { issuing.certificate(), root.certificate() });
			store.setKeyEntry(SUBSCRIBER, pki.subscriberKeys().getPrivate(), password,
					new Certificate[] { subscriber, issuing.certificate(), root.certificate() });
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		store(store, file);
	}

	static TestPki read(Path file) {
		char[] password = TestPki.STORE_PASSWORD.toCharArray();
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			return new TestPki(authority(store, ROOT, password), authority(store, ISSUING, password),
					keyPair(store, SUBSCRIBER, password));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the test PKI " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not a test PKI file: " + file, ex);
		}
	}

	private static CertificateAuthority authority(KeyStore store, String alias, char[] password)
			throws GeneralSecurityException {
		return new CertificateAuthority(keyPair(store, alias, password), (X509Certificate) store.getCertificate(alias));
	}

	private static KeyPair keyPair(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
		PrivateKey key = (PrivateKey) store.getKey(alias, password);
		if (key == null) {
			throw new GeneralSecurityException("No entry " + alias);
		}
		return new KeyPair(store.getCertificate(alias).getPublicKey(), key);
	}

	private static KeyStore emptyStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void store(KeyStore store, Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, TestPki.STORE_PASSWORD.toCharArray());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package etax.declaration.signature;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Reads the configured trust store and CRL files. Any problem is a configuration error and stops the
 * service at start-up, naming the location.
 */
final class TrustMaterial {

	private static final String CLASSPATH = "classpath:";

	private TrustMaterial() {
	}

	static List<X509Certificate> certificates(SignatureProperties.TrustStore store) {
		Resource resource = resource(store.location());
		String type = store.type().trim().toUpperCase(Locale.ROOT);
		try (InputStream in = resource.getInputStream()) {
			List<X509Certificate> certificates = new ArrayList<>();
			if (type.equals("PEM")) {
				for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
					certificates.add((X509Certificate) certificate);
				}
				return certificates;
			}
			KeyStore keyStore = KeyStore.getInstance(type);
			keyStore.load(in, (store.password() != null) ? store.password().toCharArray() : null);
			for (String alias : Collections.list(keyStore.aliases())) {
				if (keyStore.isCertificateEntry(alias)
						&& keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
					certificates.add(certificate);
				}
			}
			return certificates;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the signature trust store " + store.location() + " (type "
					+ type + "): " + ex.getMessage(), ex);
		}
	}

	static List<X509CRL> crls(List<String> locations) {
		List<X509CRL> crls = new ArrayList<>();
		for (String location : locations) {
			try (InputStream in = resource(location).getInputStream()) {
				for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
					crls.add((X509CRL) crl);
				}
			}
			catch (IOException | GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot read the CRL file " + location + ": " + ex.getMessage(), ex);
			}
		}
		return crls;
	}

	/** A file path, a {@code file:} URL or a {@code classpath:} resource; never anything on the network. */
	private static Resource resource(String location) {
		String trimmed = location.trim();
		Resource resource;
		try {
			resource = trimmed.startsWith(CLASSPATH) ? new ClassPathResource(trimmed.substring(CLASSPATH.length()))
					: trimmed.startsWith("file:") ? new UrlResource(trimmed) : new FileSystemResource(trimmed);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("Not a file URL: " + location, ex);
		}
		if (!resource.exists()) {
			throw new IllegalStateException("No such file: " + location);
		}
		return resource;
	}

}

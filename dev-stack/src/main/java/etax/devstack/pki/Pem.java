package etax.devstack.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;

/** Writes certificates and CRLs as PEM blocks, one after the other, as {@code openssl} does. */
final class Pem {

	private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] { '\n' });

	private Pem() {
	}

	static Path writeCertificates(Path file, Collection<X509Certificate> certificates) {
		StringBuilder pem = new StringBuilder();
		try {
			for (X509Certificate certificate : certificates) {
				append(pem, "CERTIFICATE", certificate.getEncoded());
			}
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		return write(file, pem);
	}

	static Path writeCrls(Path file, Collection<X509CRL> crls) {
		StringBuilder pem = new StringBuilder();
		try {
			for (X509CRL crl : crls) {
				append(pem, "X509 CRL", crl.getEncoded());
			}
		}
		catch (CRLException ex) {
			throw new IllegalStateException(ex);
		}
		return write(file, pem);
	}

	private static void append(StringBuilder pem, String label, byte[] der) {
		pem.append("-----BEGIN ").append(label).append("-----\n");
		pem.append(ENCODER.encodeToString(der)).append('\n');
		pem.append("-----END ").append(label).append("-----\n");
	}

	private static Path write(Path file, CharSequence pem) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return Files.writeString(file, pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}

package etax.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Signs daily reconciliation files as the dev banks and the dev treasury of the LOCAL RUN AND TESTS ONLY
 * do (docs/adr/0014-reconciliation.md): a detached JWS (RFC 7515 appendix F, {@code header..signature})
 * over the file's exact bytes. The private keys are resources of this module ({@code dev-banks/},
 * {@code dev-treasury/}) and public in the repository; the dev banks' public keys are the ones
 * payment-gateway's {@code db/dev/payment/R__dev_banks.sql} registers, the dev treasury's is given to
 * batch-processor by {@link #treasuryKeyProperties()}.
 */
public final class DevFileSignatures {

	/** The header a signature travels in over HTTP. */
	public static final String HEADER = "Etax-Signature";

	/** The dev treasury's key id. */
	public static final String TREASURY_KEY_ID = "kbnn-dev-1";

	/** The dev treasury's public key, X.509 SubjectPublicKeyInfo, base64 (ES256, P-256). */
	public static final String TREASURY_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEANqJ9l8qcZl7vdqZV3ymSIcGF9v3FNzZMfp4mFuWlQZdbh24"
			+ "SnE9fsTc+EkdggrT1clJjtnz4CZA2YJeFv/Khw==";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private DevFileSignatures() {
	}

	/**
	 * @param bankCode a dev bank
	 * @param file the file's exact bytes
	 * @return the detached JWS of the file by the bank's dev key ({@code <bank>-dev-1}, RS256)
	 */
	public static String bank(String bankCode, byte[] file) {
		return sign(bankKey(bankCode), "RS256", bankKeyId(bankCode), file);
	}

	/** {@link #bank(String, byte[])} of a file's UTF-8 text. */
	public static String bank(String bankCode, String file) {
		return bank(bankCode, file.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param file the statement's exact bytes
	 * @return the detached JWS of the statement by the dev treasury's key ({@value #TREASURY_KEY_ID}, ES256)
	 */
	public static String treasury(byte[] file) {
		return sign(treasuryKey(), "ES256", TREASURY_KEY_ID, file);
	}

	/** {@link #treasury(byte[])} of a statement's UTF-8 text. */
	public static String treasury(String file) {
		return treasury(file.getBytes(StandardCharsets.UTF_8));
	}

	/** The key id a dev bank's key is registered under. */
	public static String bankKeyId(String bankCode) {
		return bankCode + "-dev-1";
	}

	/** A dev bank's private key (RSA). */
	public static PrivateKey bankKey(String bankCode) {
		return privateKey("/dev-banks/" + bankCode + ".pk8.b64", "RSA");
	}

	/** A dev bank's public key as the gateway registers it: X.509 SubjectPublicKeyInfo, base64. */
	public static String bankPublicKey(String bankCode) {
		RSAPrivateCrtKey key = (RSAPrivateCrtKey) bankKey(bankCode);
		try {
			return Base64.getEncoder()
				.encodeToString(KeyFactory.getInstance("RSA")
					.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
					.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The dev treasury's private key (EC P-256). */
	public static PrivateKey treasuryKey() {
		return privateKey("/dev-treasury/" + TREASURY_KEY_ID + ".pk8.b64", "EC");
	}

	/** batch-processor's settings that make it trust the dev treasury's key. */
	public static Map<String, Object> treasuryKeyProperties() {
		String prefix = "etax.batch.reconciliation.signatures.treasury-keys." + TREASURY_KEY_ID;
		return Map.of(prefix + ".algorithm", "ES256", prefix + ".public-key", TREASURY_PUBLIC_KEY);
	}

	/**
	 * @param key the signing key
	 * @param algorithm RS256 or ES256
	 * @param keyId the {@code kid} of the header
	 * @param file the exact bytes signed
	 * @return {@code header..signature}
	 */
	public static String sign(PrivateKey key, String algorithm, String keyId, byte[] file) {
		try {
			Signature signer = signer(key, algorithm);
			String header = header(algorithm, keyId);
			signer.update((header + "." + ENCODER.encodeToString(file)).getBytes(StandardCharsets.US_ASCII));
			return header + ".." + ENCODER.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@link #sign(PrivateKey, String, String, byte[])} of a file read as a stream, however large.
	 * @throws IOException if the file cannot be read
	 */
	public static String sign(PrivateKey key, String algorithm, String keyId, Path file) throws IOException {
		try {
			Signature signer = signer(key, algorithm);
			String header = header(algorithm, keyId);
			signer.update((header + ".").getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = Files.newInputStream(file);
					OutputStream encoded = ENCODER.wrap(new SignatureOutput(signer))) {
				in.transferTo(encoded);
			}
			return header + ".." + ENCODER.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Signature signer(PrivateKey key, String algorithm) throws GeneralSecurityException {
		Signature signer = Signature.getInstance(switch (algorithm) {
			case "RS256" -> "SHA256withRSA";
			case "ES256" -> "SHA256withECDSAinP1363Format";
			default -> throw new IllegalArgumentException("RS256 or ES256, not " + algorithm);
		});
		signer.initSign(key);
		return signer;
	}

	private static String header(String algorithm, String keyId) {
		return ENCODER.encodeToString(("{\"alg\":\"" + algorithm + "\",\"kid\":\"" + keyId + "\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

	private static PrivateKey privateKey(String resource, String algorithm) {
		try (InputStream in = DevFileSignatures.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No dev key " + resource);
			}
			return KeyFactory.getInstance(algorithm)
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(in.readAllBytes())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Feeds what is written to a signature. */
	private static final class SignatureOutput extends OutputStream {

		private final Signature signature;

		SignatureOutput(Signature signature) {
			this.signature = signature;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			try {
				this.signature.update(b, off, len);
			}
			catch (GeneralSecurityException ex) {
				throw new IOException(ex);
			}
		}

	}

}

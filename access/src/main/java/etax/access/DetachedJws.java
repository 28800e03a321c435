package etax.access;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JWS in compact serialization with a detached payload (RFC 7515, appendix F): {@code header..signature},
 * by which a bank or the treasury proves that a message or a daily file is theirs (docs/adr/0005-bank-messages.md,
 * docs/adr/0014-reconciliation.md). Supported algorithms: RS256 and ES256 for registered public keys, HS256 for
 * the payment gateway's own intake key. The header must name {@code alg} and {@code kid}; no {@code crit}, no
 * unencoded payload option. A large payload (a daily file) is verified as it is read ({@link #verifier}), never
 * held.
 */
public final class DetachedJws {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_LENGTH = 4096;

	private final String encodedHeader;

	private final String algorithm;

	private final String keyId;

	private final byte[] signature;

	private DetachedJws(String encodedHeader, String algorithm, String keyId, byte[] signature) {
		this.encodedHeader = encodedHeader;
		this.algorithm = algorithm;
		this.keyId = keyId;
		this.signature = signature;
	}

	/**
	 * @param compact the signature as sent
	 * @return it, read
	 * @throws InvalidJwsException if it is not a detached compact JWS naming alg and kid, saying why
	 */
	public static DetachedJws parse(String compact) {
		if (compact.length() > MAX_LENGTH) {
			throw new InvalidJwsException("the signature is longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = compact.strip().split("\\.", -1);
		if (parts.length != 3 || !parts[1].isEmpty()) {
			throw new InvalidJwsException("the signature is not a detached compact JWS (header..signature)");
		}
		try {
			JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
			if (header == null || !header.isObject() || !header.path("alg").isString() || !header.path("kid").isString()) {
				throw new InvalidJwsException("the JWS header must name alg and kid");
			}
			if (header.has("crit") || header.has("b64")) {
				throw new InvalidJwsException("the JWS header uses an unsupported extension (crit, b64)");
			}
			return new DetachedJws(parts[0], header.path("alg").stringValue(), header.path("kid").stringValue(),
					DECODER.decode(parts[2]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidJwsException("the signature is not valid base64url or its header not JSON");
		}
	}

	/**
	 * Signs with a shared secret (HS256).
	 * @param keyId the key's id, the header's {@code kid}
	 * @param secret the key
	 * @param payload the bytes signed, detached
	 * @return the compact detached JWS
	 */
	public static String signHs256(String keyId, byte[] secret, byte[] payload) {
		String header = ENCODER.encodeToString(
				("{\"alg\":\"HS256\",\"kid\":" + JSON.writeValueAsString(keyId) + "}").getBytes(StandardCharsets.UTF_8));
		return header + ".." + ENCODER.encodeToString(hmac(secret, signingInput(header, payload)));
	}

	/**
	 * @param algorithm RS256 or ES256
	 * @param base64 X.509 SubjectPublicKeyInfo, base64
	 * @return the key
	 * @throws IllegalArgumentException if it is not a key of that algorithm
	 */
	public static PublicKey publicKey(String algorithm, String base64) {
		try {
			return KeyFactory.getInstance(algorithm.equals("ES256") ? "EC" : "RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a public key for " + algorithm, ex);
		}
	}

	/** @return the header's {@code alg} */
	public String algorithm() {
		return this.algorithm;
	}

	/** @return the header's {@code kid} */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * @param key the signer's public key, of this JWS's algorithm
	 * @param payload the bytes signed
	 * @return whether the signature is the key's over the payload
	 * @throws InvalidJwsException if the algorithm is not RS256 or ES256
	 */
	public boolean verifies(PublicKey key, byte[] payload) {
		Verifier verifier = verifier(key);
		try {
			verifier.write(payload);
		}
		catch (IOException ex) {
			return false;
		}
		return verifier.verifies();
	}

	/**
	 * @param secret the shared key
	 * @param payload the bytes signed
	 * @return whether this is an HS256 signature by the secret over the payload
	 */
	public boolean verifiesHs256(byte[] secret, byte[] payload) {
		return "HS256".equals(this.algorithm)
				&& MessageDigest.isEqual(hmac(secret, signingInput(this.encodedHeader, payload)), this.signature);
	}

	/**
	 * @param key the signer's public key, of this JWS's algorithm
	 * @return a verifier the payload's bytes are written to, in order
	 * @throws InvalidJwsException if the algorithm is not RS256 or ES256, or the key cannot verify it
	 */
	public Verifier verifier(PublicKey key) {
		String jca = switch (this.algorithm) {
			case "RS256" -> "SHA256withRSA";
			case "ES256" -> "SHA256withECDSAinP1363Format";
			default -> throw new InvalidJwsException("the JWS algorithm " + this.algorithm + " is not RS256 or ES256");
		};
		try {
			Signature verifier = Signature.getInstance(jca);
			verifier.initVerify(key);
			verifier.update((this.encodedHeader + ".").getBytes(StandardCharsets.US_ASCII));
			return new Verifier(verifier, this.signature);
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidJwsException("the key " + this.keyId + " cannot verify " + this.algorithm);
		}
	}

	private static byte[] signingInput(String encodedHeader, byte[] payload) {
		return (encodedHeader + "." + ENCODER.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] hmac(byte[] secret, byte[] input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	/**
	 * The signing input of RFC 7515 ({@code header "." base64url(payload)}), computed as the payload is
	 * written.
	 */
	public static final class Verifier extends OutputStream {

		private final Signature signature;

		private final byte[] expected;

		private final OutputStream encoded;

		private @Nullable Boolean verified;

		private Verifier(Signature signature, byte[] expected) {
			this.signature = signature;
			this.expected = expected;
			this.encoded = ENCODER.wrap(new OutputStream() {

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					try {
						Verifier.this.signature.update(b, off, len);
					}
					catch (GeneralSecurityException ex) {
						throw new IOException(ex);
					}
				}

			});
		}

		@Override
		public void write(int b) throws IOException {
			this.encoded.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.encoded.write(b, off, len);
		}

		/**
		 * Ends the payload.
		 * @return whether the signature is that of what was written
		 */
		public boolean verifies() {
			if (this.verified == null) {
				try {
					this.encoded.close();
					this.verified = this.signature.verify(this.expected);
				}
				catch (IOException | GeneralSecurityException ex) {
					this.verified = false;
				}
			}
			return this.verified;
		}

	}

}

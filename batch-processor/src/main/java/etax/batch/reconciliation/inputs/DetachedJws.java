package etax.batch.reconciliation.inputs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JWS in compact serialization with a detached payload (RFC 7515, appendix F): {@code header..signature},
 * the payload being the exact bytes of a daily file. The same rules as the gateway's bank messages
 * (docs/adr/0005-bank-messages.md): RS256 or ES256, a {@code kid}, no {@code crit}, no unencoded payload.
 * A daily file can be large, so the payload is fed to the verifier as it is read, never held.
 */
final class DetachedJws {

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
	 * @throws FileSignatureException if it is not a detached compact JWS naming alg and kid
	 */
	static DetachedJws parse(String compact) {
		if (compact.length() > MAX_LENGTH) {
			throw FileSignatureException.invalid("the signature is longer than " + MAX_LENGTH + " characters");
		}
		String[] parts = compact.strip().split("\\.", -1);
		if (parts.length != 3 || !parts[1].isEmpty()) {
			throw FileSignatureException.invalid("the signature is not a detached compact JWS (header..signature)");
		}
		try {
			JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
			if (header == null || !header.isObject() || !header.path("alg").isString() || !header.path("kid").isString()) {
				throw FileSignatureException.invalid("the signature's JWS header must name alg and kid");
			}
			if (header.has("crit") || header.has("b64")) {
				throw FileSignatureException.invalid("the signature's JWS header uses an unsupported extension (crit, b64)");
			}
			return new DetachedJws(parts[0], header.path("alg").stringValue(), header.path("kid").stringValue(),
					DECODER.decode(parts[2]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw FileSignatureException.invalid("the signature is not valid base64url or its header not JSON");
		}
	}

	/**
	 * @param algorithm RS256 or ES256
	 * @param base64 X.509 SubjectPublicKeyInfo, base64
	 * @return the key
	 * @throws IllegalArgumentException if it is not a key of that algorithm
	 */
	static PublicKey publicKey(String algorithm, String base64) {
		try {
			return KeyFactory.getInstance(algorithm.equals("ES256") ? "EC" : "RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a public key for " + algorithm, ex);
		}
	}

	String algorithm() {
		return this.algorithm;
	}

	String keyId() {
		return this.keyId;
	}

	/**
	 * @param key the signer's key, of this JWS's algorithm
	 * @return a verifier the file's bytes are written to, in order
	 */
	Verifier verifier(PublicKey key) {
		String jca = switch (this.algorithm) {
			case "RS256" -> "SHA256withRSA";
			case "ES256" -> "SHA256withECDSAinP1363Format";
			default -> throw FileSignatureException.invalid("the JWS algorithm " + this.algorithm + " is not RS256 or ES256");
		};
		try {
			Signature signature = Signature.getInstance(jca);
			signature.initVerify(key);
			signature.update((this.encodedHeader + ".").getBytes(StandardCharsets.US_ASCII));
			return new Verifier(signature, this.signature);
		}
		catch (GeneralSecurityException ex) {
			throw FileSignatureException.invalid("the key " + this.keyId + " cannot verify " + this.algorithm);
		}
	}

	/**
	 * The signing input of RFC 7515 ({@code header "." base64url(payload)}), computed as the payload is
	 * written.
	 */
	static final class Verifier extends OutputStream {

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
		boolean verifies() {
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

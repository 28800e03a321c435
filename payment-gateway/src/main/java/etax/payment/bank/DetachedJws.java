package etax.payment.bank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JWS in compact serialization with a detached payload (RFC 7515, appendix F): {@code header..signature},
 * the payload being the exact bytes of the record value. Supported algorithms: RS256, ES256 (banks) and
 * HS256 (the gateway's own intake key). No {@code crit}, no unencoded payload option.
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

	static DetachedJws parse(@Nullable String compact) {
		if (compact == null || compact.isEmpty()) {
			throw new InvalidSignatureException("the record carries no signature");
		}
		if (compact.length() > MAX_LENGTH) {
			throw new InvalidSignatureException("the signature is too long");
		}
		String[] parts = compact.split("\\.", -1);
		if (parts.length != 3 || !parts[1].isEmpty()) {
			throw new InvalidSignatureException("the signature is not a detached compact JWS (header..signature)");
		}
		try {
			JsonNode header = JSON.readTree(DECODER.decode(parts[0]));
			if (header == null || !header.isObject() || !header.path("alg").isString() || !header.path("kid").isString()) {
				throw new InvalidSignatureException("the JWS header must name alg and kid");
			}
			if (header.has("crit") || header.has("b64")) {
				throw new InvalidSignatureException("the JWS header uses an unsupported extension (crit, b64)");
			}
			return new DetachedJws(parts[0], header.path("alg").stringValue(), header.path("kid").stringValue(),
					DECODER.decode(parts[2]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidSignatureException("the signature is not valid base64url or its header not JSON");
		}
	}

	static String signHs256(String keyId, byte[] secret, byte[] payload) {
		String header = ENCODER.encodeToString(
				("{\"alg\":\"HS256\",\"kid\":" + JSON.writeValueAsString(keyId) + "}").getBytes(StandardCharsets.UTF_8));
		return header + ".." + ENCODER.encodeToString(hmac(secret, signingInput(header, payload)));
	}

	String algorithm() {
		return this.algorithm;
	}

	String keyId() {
		return this.keyId;
	}

	boolean verifies(PublicKey key, byte[] payload) {
		String jca = switch (this.algorithm) {
			case "RS256" -> "SHA256withRSA";
			case "ES256" -> "SHA256withECDSAinP1363Format";
			default -> throw new InvalidSignatureException("unsupported JWS algorithm for a bank key");
		};
		try {
			Signature verifier = Signature.getInstance(jca);
			verifier.initVerify(key);
			verifier.update(signingInput(this.encodedHeader, payload));
			return verifier.verify(this.signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	boolean verifiesHs256(byte[] secret, byte[] payload) {
		return "HS256".equals(this.algorithm)
				&& MessageDigest.isEqual(hmac(secret, signingInput(this.encodedHeader, payload)), this.signature);
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

}

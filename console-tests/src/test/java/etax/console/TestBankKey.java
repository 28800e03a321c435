package etax.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;

/**
 * A signing key registered for a bank in the gateway's registry ({@code payment.bank_key}) for one test,
 * with which the test signs its Kafka messages as a detached JWS (RS256), as the bank would.
 */
final class TestBankKey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String keyId;

	private final PrivateKey privateKey;

	private TestBankKey(String keyId, PrivateKey privateKey) {
		this.keyId = keyId;
		this.privateKey = privateKey;
	}

	static TestBankKey register(Connection db, String bankCode) throws SQLException {
		KeyPair pair = newKeyPair();
		String keyId = "console-test-" + UUID.randomUUID();
		try (PreparedStatement key = db.prepareStatement("""
				INSERT INTO payment.bank_key (key_id, bank_code, algorithm, public_key, valid_from)
				VALUES (?, ?, 'RS256', ?, now() - interval '1 minute')""")) {
			key.setString(1, keyId);
			key.setString(2, bankCode);
			key.setString(3, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
			key.executeUpdate();
		}
		return new TestBankKey(keyId, pair.getPrivate());
	}

	/** @return the detached JWS of the value, for the message's {@code etax.signature} header */
	String sign(String value) throws GeneralSecurityException {
		String header = BASE64URL
			.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + this.keyId + "\"}").getBytes(StandardCharsets.UTF_8));
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(this.privateKey);
		signer.update((header + "." + BASE64URL.encodeToString(value.getBytes(StandardCharsets.UTF_8)))
			.getBytes(StandardCharsets.US_ASCII));
		return header + ".." + BASE64URL.encodeToString(signer.sign());
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

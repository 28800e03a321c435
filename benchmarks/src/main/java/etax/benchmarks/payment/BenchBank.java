package etax.benchmarks.payment;

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

/**
 * The benchmark's bank: a fresh RSA key registered in the gateway's bank registry for this run, with
 * which every confirmation is signed as a detached JWS (RS256), exactly as a real bank would.
 */
final class BenchBank {

	static final String CODE = "99000001";

	private final String keyId;

	private final PrivateKey privateKey;

	private final ThreadLocal<Signature> signers = ThreadLocal.withInitial(() -> {
		try {
			return Signature.getInstance("SHA256withRSA");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private BenchBank(String keyId, PrivateKey privateKey) {
		this.keyId = keyId;
		this.privateKey = privateKey;
	}

	/** Registers the bank (once) and a new key for this run in {@code payment.bank} / {@code payment.bank_key}. */
	static BenchBank register(Connection db, String runId) throws SQLException, GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		String keyId = "bench-" + runId;
		try (PreparedStatement bank = db.prepareStatement("""
				INSERT INTO payment.bank (bank_code, name, valid_from) VALUES (?, 'Benchmark bank', '2020-01-01')
				ON CONFLICT (bank_code) DO NOTHING""");
				PreparedStatement key = db.prepareStatement("""
						INSERT INTO payment.bank_key (key_id, bank_code, algorithm, public_key, valid_from)
						VALUES (?, ?, 'RS256', ?, now() - interval '1 minute')""")) {
			bank.setString(1, CODE);
			bank.executeUpdate();
			key.setString(1, keyId);
			key.setString(2, CODE);
			key.setString(3, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
			key.executeUpdate();
		}
		return new BenchBank(keyId, pair.getPrivate());
	}

	String sign(String value) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder
			.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + this.keyId + "\"}").getBytes(StandardCharsets.UTF_8));
		try {
			Signature signer = this.signers.get();
			signer.initSign(this.privateKey);
			signer.update((header + "." + encoder.encodeToString(value.getBytes(StandardCharsets.UTF_8)))
				.getBytes(StandardCharsets.US_ASCII));
			return header + ".." + encoder.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

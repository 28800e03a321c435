package etax.payment.bank;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import etax.access.DetachedJws;
import etax.access.InvalidJwsException;
import etax.payment.bank.BankRepository.BankRow;
import etax.payment.bank.BankRepository.KeyRow;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Answers who a bank is and whether a message was signed by it. Banks and keys are read from the
 * database and kept for {@code etax.payment.bank.cache-ttl}, absent ones too, so that a flood of
 * unknown key ids costs one query per id and period, and a newly registered key is used within that
 * time (at once, if it was never asked for before).
 */
@Component
public class BankRegistry {

	private final BankRepository banks;

	private final BankProperties properties;

	private final Clock clock;

	private final byte[] intakeSecret;

	private final Map<String, Cached<Optional<BankRow>>> bankCache = new ConcurrentHashMap<>();

	private final Map<String, Cached<Optional<VerificationKey>>> keyCache = new ConcurrentHashMap<>();

	BankRegistry(BankRepository banks, BankProperties properties, Clock clock) {
		this.banks = banks;
		this.properties = properties;
		this.clock = clock;
		this.intakeSecret = properties.intakeSecret().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Verifies a detached JWS over a record value.
	 * @param signature the compact detached JWS ({@code header..signature}), or null if the record had none
	 * @param payload the exact bytes of the value
	 * @return who signed it
	 * @throws InvalidSignatureException if it is missing, malformed, by an unknown or expired key, or false
	 */
	public Signer verify(@Nullable String signature, byte[] payload) {
		DetachedJws jws = parse(signature);
		if (jws.keyId().equals(this.properties.intakeKeyId())) {
			if (!jws.verifiesHs256(this.intakeSecret, payload)) {
				throw new InvalidSignatureException("the signature does not verify with the gateway's intake key");
			}
			return new Signer(jws.keyId(), null);
		}
		VerificationKey key = cached(this.keyCache, jws.keyId(), this::loadKey)
			.orElseThrow(() -> new InvalidSignatureException("the signing key (kid) is not registered"));
		Instant now = this.clock.instant();
		if (now.isBefore(key.validFrom()) || (key.validTo() != null && !now.isBefore(key.validTo()))) {
			throw new InvalidSignatureException("the signing key (kid) is not valid now");
		}
		if (!key.algorithm().equals(jws.algorithm())) {
			throw new InvalidSignatureException("the JWS algorithm is not the one registered for the key");
		}
		if (!verifies(jws, key.publicKey(), payload)) {
			throw new InvalidSignatureException("the signature does not verify with the bank's registered key");
		}
		return new Signer(key.keyId(), key.bankCode());
	}

	private static DetachedJws parse(@Nullable String signature) {
		if (signature == null || signature.isEmpty()) {
			throw new InvalidSignatureException("the record carries no signature");
		}
		try {
			return DetachedJws.parse(signature);
		}
		catch (InvalidJwsException ex) {
			throw new InvalidSignatureException(ex.getMessage());
		}
	}

	private static boolean verifies(DetachedJws jws, PublicKey key, byte[] payload) {
		try {
			return jws.verifies(key, payload);
		}
		catch (InvalidJwsException ex) {
			throw new InvalidSignatureException(ex.getMessage());
		}
	}

	/** Signs a value with the gateway's intake key, for confirmations the gateway publishes itself. */
	public String signAsIntake(byte[] payload) {
		return DetachedJws.signHs256(this.properties.intakeKeyId(), this.intakeSecret, payload);
	}

	/** Whether the bank is registered and valid on the day. */
	public boolean isKnown(String bankCode, LocalDate day) {
		return cached(this.bankCache, bankCode, this.banks::bank).map((bank) -> bank.validOn(day)).orElse(false);
	}

	private Optional<VerificationKey> loadKey(String keyId) {
		return this.banks.key(keyId).map(BankRegistry::verificationKey);
	}

	private static VerificationKey verificationKey(KeyRow row) {
		try {
			PublicKey key = DetachedJws.publicKey(row.algorithm(), row.publicKey());
			return new VerificationKey(row.keyId(), row.bankCode(), row.algorithm(), key, row.validFrom().toInstant(),
					(row.validTo() != null) ? row.validTo().toInstant() : null);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The registered key " + row.keyId() + " is not a valid public key", ex);
		}
	}

	private <T> T cached(Map<String, Cached<T>> cache, String id, Function<String, T> load) {
		Instant now = this.clock.instant();
		Cached<T> entry = cache.get(id);
		if (entry == null || entry.loadedAt().plus(this.properties.cacheTtl()).isBefore(now)) {
			entry = new Cached<>(load.apply(id), now);
			cache.put(id, entry);
		}
		return entry.value();
	}

	private record Cached<T>(T value, Instant loadedAt) {

	}

	private record VerificationKey(String keyId, String bankCode, String algorithm, PublicKey publicKey,
			Instant validFrom, @Nullable Instant validTo) {

	}

}

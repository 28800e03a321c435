package etax.payment.bank;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import etax.access.DetachedJws;
import etax.access.InvalidJwsException;
import etax.payment.bank.BankRepository.BankRow;
import etax.payment.bank.BankRepository.KeyRow;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Answers who a bank is and whether a message was signed by it. Banks and keys are read from the
 * database and kept for {@code etax.payment.bank.cache-ttl}, absent ones too, so that a flood of
 * unknown key ids costs one query per id and period, and a newly registered key is used within that
 * time (at once, if it was never asked for before). Both caches are bounded ({@link ReadCache}), and a
 * {@code kid} that is no key id is refused before any look-up: it comes from the record, and PostgreSQL
 * refuses text with NUL, which would fail the poll as the database's trouble and retry it for ever.
 */
@Component
public class BankRegistry {

	/**
	 * What a key id may be: 1 to 128 visible ASCII characters of those key ids use (UUIDs, thumbprints in
	 * base64 or base64url, {@code <bank>-<name>-<n>}); no control character, no space.
	 */
	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._~:+/=-]{1,128}");

	/** How many banks, and how many key ids, are kept read: far more than are registered. */
	static final int CACHE_CAPACITY = 10_000;

	private final BankRepository banks;

	private final BankProperties properties;

	private final Clock clock;

	private final byte[] intakeSecret;

	private final byte[] acceptedIntakeSecret;

	private final ReadCache<Optional<BankRow>> bankCache = new ReadCache<>(CACHE_CAPACITY);

	private final ReadCache<Optional<VerificationKey>> keyCache = new ReadCache<>(CACHE_CAPACITY);

	BankRegistry(BankRepository banks, BankProperties properties, Clock clock, Environment environment) {
		String flywayLocations = environment.getProperty("spring.flyway.locations", "");
		LocalIntakeSecret.refuseOutsideLocalRun(properties.intakeSecret(), flywayLocations);
		if (!properties.acceptedIntakeKeyId().isEmpty()) {
			LocalIntakeSecret.refuseOutsideLocalRun(properties.acceptedIntakeSecret(), flywayLocations);
		}
		this.banks = banks;
		this.properties = properties;
		this.clock = clock;
		this.intakeSecret = properties.intakeSecret().getBytes(StandardCharsets.UTF_8);
		this.acceptedIntakeSecret = properties.acceptedIntakeSecret().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Verifies a detached JWS over a record value.
	 * @param signature the compact detached JWS ({@code header..signature}), or null if the record had none
	 * @param payload the exact bytes of the value
	 * @return who signed it
	 * @throws InvalidSignatureException if it is missing, malformed, by an unknown or expired key, or false; an
	 * {@link ExpiredKeyException} if it verifies with a registered key whose validity has ended
	 */
	public Signer verify(@Nullable String signature, byte[] payload) {
		DetachedJws jws = parse(signature);
		if (!KEY_ID.matcher(jws.keyId()).matches()) {
			throw new InvalidSignatureException(
					"the JWS header's kid is not a key id (1 to 128 letters, digits or . _ ~ : + / = -)");
		}
		byte[] intakeSecret = intakeSecretOf(jws.keyId());
		if (intakeSecret != null) {
			if (!jws.verifiesHs256(intakeSecret, payload)) {
				throw new InvalidSignatureException("the signature does not verify with the gateway's intake key");
			}
			return new Signer(jws.keyId(), null);
		}
		VerificationKey key = this.keyCache.get(jws.keyId(), this.clock.instant(), this.properties.cacheTtl(), this::loadKey)
			.orElseThrow(() -> new InvalidSignatureException("the signing key (kid) is not registered"));
		Instant now = this.clock.instant();
		if (now.isBefore(key.validFrom())) {
			throw new InvalidSignatureException("the signing key (kid) is not valid now");
		}
		if (!key.algorithm().equals(jws.algorithm())) {
			throw new InvalidSignatureException("the JWS algorithm is not the one registered for the key");
		}
		if (!verifies(jws, key.publicKey(), payload)) {
			throw new InvalidSignatureException("the signature does not verify with the bank's registered key");
		}
		Signer signer = new Signer(key.keyId(), key.bankCode());
		if (key.validTo() != null && !now.isBefore(key.validTo())) {
			// verified first: the caller may recognise what the bank signed while the key was valid and is recorded
			throw new ExpiredKeyException(signer);
		}
		return signer;
	}

	/**
	 * The secret of an intake key the gateway accepts: the one it signs with, or the other one configured while the
	 * intake key changes (ADR 0005: every instance accepts the new key before any signs with it, then the old one
	 * until nothing signed with it is left to read).
	 * @return the secret, or null when the key id is no intake key of the gateway
	 */
	private byte @Nullable [] intakeSecretOf(String keyId) {
		if (keyId.equals(this.properties.intakeKeyId())) {
			return this.intakeSecret;
		}
		if (keyId.equals(this.properties.acceptedIntakeKeyId())) {
			return this.acceptedIntakeSecret;
		}
		return null;
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
		return this.bankCache.get(bankCode, this.clock.instant(), this.properties.cacheTtl(), this.banks::bank)
			.map((bank) -> bank.validOn(day))
			.orElse(false);
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
			throw new UnreadableKeyException(row.keyId(), ex);
		}
	}

	private record VerificationKey(String keyId, String bankCode, String algorithm, PublicKey publicKey,
			Instant validFrom, @Nullable Instant validTo) {

	}

}

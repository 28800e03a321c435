package etax.payment.bank;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import etax.payment.bank.BankRepository.KeyRow;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankRegistryTests {

	private static final String PRODUCTION_LOCATIONS = "classpath:db/migration/payment,classpath:db/migration/outbox";

	private static final String LOCAL_LOCATIONS = PRODUCTION_LOCATIONS + ",classpath:db/dev/payment";

	private final AtomicInteger lookups = new AtomicInteger();

	private final BankRepository repository = new BankRepository(null) {

		@Override
		Optional<KeyRow> key(String keyId) {
			lookups.incrementAndGet();
			return Optional.empty();
		}

	};

	@Test
	void refusesAKidThatIsNoKeyIdBeforeAnyLookUp() {
		BankRegistry registry = registry("a-secret-of-at-least-thirty-two-bytes!!", LOCAL_LOCATIONS);
		for (String kid : new String[] { "\\u0000", "bank\\u0000-1", "line\\nbreak", "", "x".repeat(129) }) {
			assertThatThrownBy(() -> registry.verify(jws(kid), new byte[0])).isInstanceOf(InvalidSignatureException.class)
				.hasMessageContaining("kid is not a key id");
		}
		assertThat(this.lookups).hasValue(0);
		assertThatThrownBy(() -> registry.verify(jws("01202001-dev-9"), new byte[0]))
			.hasMessageContaining("not registered");
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void saysWhoSignedWithAKeyThatHasExpiredOnlyWhenTheSignatureVerifies() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		KeyRow expired = new KeyRow("01202001-old-1", "01202001", "RS256",
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
				OffsetDateTime.parse("2020-01-01T00:00:00Z"), OffsetDateTime.parse("2026-04-19T23:59:59Z"));
		BankRegistry registry = new BankRegistry(new BankRepository(null) {

			@Override
			Optional<KeyRow> key(String keyId) {
				return Optional.of(expired);
			}

		}, new BankProperties("etax-gateway-intake", "a-secret-of-at-least-thirty-two-bytes!!", Duration.ofSeconds(60), "",
				""),
				Clock.fixed(Instant.parse("2026-04-20T00:00:00Z"), ZoneOffset.UTC),
				new MockEnvironment().withProperty("spring.flyway.locations", LOCAL_LOCATIONS));
		byte[] payload = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
		String signature = sign(pair.getPrivate(), "01202001-old-1", payload);

		assertThatThrownBy(() -> registry.verify(signature, payload)).isInstanceOfSatisfying(ExpiredKeyException.class,
				(ex) -> assertThat(ex.signer()).isEqualTo(new Signer("01202001-old-1", "01202001")));
		assertThatThrownBy(() -> registry.verify(signature, "{}".getBytes(StandardCharsets.UTF_8)))
			.as("a signature that does not verify says nothing of who signed")
			.isInstanceOf(InvalidSignatureException.class)
			.isNotInstanceOf(ExpiredKeyException.class);
	}

	@Test
	void startsWithTheLocalRunsPublicIntakeSecretOnlyWhereTheDevBanksAreSeeded() {
		assertThatThrownBy(() -> registry(LocalIntakeSecret.VALUE, PRODUCTION_LOCATIONS))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ETAX_INTAKE_SECRET");
		assertThatThrownBy(() -> registry(LocalIntakeSecret.VALUE, "")).isInstanceOf(IllegalStateException.class);
		assertThatNoException().isThrownBy(() -> registry(LocalIntakeSecret.VALUE, LOCAL_LOCATIONS));
		assertThatNoException()
			.isThrownBy(() -> registry("a-secret-of-at-least-thirty-two-bytes!!", PRODUCTION_LOCATIONS));
	}

	/**
	 * ADR 0005's change of the intake key: every instance first accepts the new key while signing with the old (A),
	 * then signs with the new and accepts the old (B), then, once nothing signed with the old is left to read, knows
	 * the new only (C). Instances of two neighbouring steps read each other's records.
	 */
	@Test
	void acceptsWhatTheOtherIntakeKeySignedWhileTheKeyChanges() {
		String oldSecret = "the-old-intake-secret-of-32-bytes-or-more";
		String newSecret = "the-new-intake-secret-of-32-bytes-or-more";
		BankRegistry a = registry(new BankProperties("intake-2026", oldSecret, Duration.ofSeconds(60), "intake-2027",
				newSecret));
		BankRegistry b = registry(new BankProperties("intake-2027", newSecret, Duration.ofSeconds(60), "intake-2026",
				oldSecret));
		BankRegistry c = registry(new BankProperties("intake-2027", newSecret, Duration.ofSeconds(60), "", ""));
		byte[] payload = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);

		assertThat(b.verify(a.signAsIntake(payload), payload)).isEqualTo(new Signer("intake-2026", null));
		assertThat(a.verify(b.signAsIntake(payload), payload)).isEqualTo(new Signer("intake-2027", null));
		assertThat(c.verify(b.signAsIntake(payload), payload)).isEqualTo(new Signer("intake-2027", null));
		assertThatThrownBy(() -> c.verify(a.signAsIntake(payload), payload))
			.isInstanceOf(InvalidSignatureException.class);
		assertThatThrownBy(() -> b.verify(a.signAsIntake("{}".getBytes(StandardCharsets.UTF_8)), payload))
			.isInstanceOf(InvalidSignatureException.class)
			.hasMessageContaining("does not verify with the gateway's intake key");
		assertThatThrownBy(() -> new BankProperties("intake-2027", newSecret, Duration.ofSeconds(60), "intake-2026",
				"short")).isInstanceOf(IllegalArgumentException.class);
	}

	private BankRegistry registry(BankProperties properties) {
		return new BankRegistry(this.repository, properties,
				Clock.fixed(Instant.parse("2026-04-20T00:00:00Z"), ZoneOffset.UTC),
				new MockEnvironment().withProperty("spring.flyway.locations", PRODUCTION_LOCATIONS));
	}

	@Test
	void keepsAtMostItsCapacityOfIdsRead() {
		ReadCache<String> cache = new ReadCache<>(100);
		Instant now = Instant.parse("2026-04-20T00:00:00Z");
		for (int i = 0; i < 1_000; i++) {
			cache.get("kid-" + i, now, Duration.ofMinutes(1), (id) -> id);
		}
		assertThat(cache.size()).isEqualTo(100);
		AtomicInteger loads = new AtomicInteger();
		cache.get("kid-999", now, Duration.ofMinutes(1), (id) -> id + loads.incrementAndGet());
		assertThat(loads).as("a recent id is still kept").hasValue(0);
	}

	private BankRegistry registry(String secret, String flywayLocations) {
		return new BankRegistry(this.repository,
				new BankProperties("etax-gateway-intake", secret, Duration.ofSeconds(60), "", ""),
				Clock.fixed(Instant.parse("2026-04-20T00:00:00Z"), ZoneOffset.UTC),
				new MockEnvironment().withProperty("spring.flyway.locations", flywayLocations));
	}

	private static String sign(PrivateKey key, String keyId, byte[] payload) throws Exception {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder
			.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(key);
		signer.update((header + "." + encoder.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII));
		return header + ".." + encoder.encodeToString(signer.sign());
	}

	/** A detached JWS whose header names the kid as written (JSON escapes and all); its signature is nonsense. */
	private static String jws(String kid) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8))
				+ ".." + encoder.encodeToString(new byte[] { 1, 2, 3 });
	}

}

package etax.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import etax.access.Caller;
import etax.access.Role;
import org.jspecify.annotations.Nullable;

/**
 * The identity provider of a local run and of tests: an RSA key that signs bearer tokens for the services,
 * which trust its public key ({@link #accessProperties}). It exists only here, never in a deployment, where
 * the services fetch the real provider's keys ({@code etax.access.jwk-set-uri}).
 */
public final class TokenIssuer {

	/** The {@code iss} of local tokens. */
	public static final String ISSUER = "https://id.etax.local";

	/** The {@code aud} the services require. */
	public static final String AUDIENCE = "etax-api";

	private static final Duration LIFETIME = Duration.ofHours(12);

	private static @Nullable TokenIssuer local;

	private final RSAKey key;

	private final String issuer;

	private TokenIssuer(RSAKey key, String issuer) {
		this.key = key;
		this.issuer = issuer;
	}

	/**
	 * A new issuer with a fresh key.
	 * @param issuer its {@code iss}
	 * @return the issuer
	 */
	public static TokenIssuer create(String issuer) {
		try {
			return new TokenIssuer(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate(), issuer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The issuer this JVM's tests share; {@link LocalInfrastructureInitializer} points services at it.
	 * @return the issuer of {@link #ISSUER}
	 */
	public static synchronized TokenIssuer local() {
		if (local == null) {
			local = create(ISSUER);
		}
		return local;
	}

	/**
	 * Reads an issuer saved by {@link #save}.
	 * @param file the saved key
	 * @return the issuer
	 */
	public static TokenIssuer load(Path file) {
		try {
			return new TokenIssuer(RSAKey.parse(Files.readString(file)), ISSUER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Not a saved token key: " + file, ex);
		}
	}

	/**
	 * Saves the private key (a JWK) so that another JVM can mint tokens of the local run.
	 * @param file where to write
	 */
	public void save(Path file) {
		write(file, this.key.toJSONString());
	}

	/** @return the issuer's public key as a JWK set (RFC 7517), as an identity provider publishes it */
	public String publicKeySet() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/**
	 * Writes the public key where the services can read it.
	 * @param directory where to write {@code token-signing.pem}
	 * @return the properties that make a service trust this issuer's tokens
	 */
	public Map<String, Object> accessProperties(Path directory) {
		try {
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(this.key.toPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Path file = write(directory.resolve("token-signing.pem"), pem);
			return Map.of("etax.access.issuer", this.issuer, "etax.access.public-key-location",
					file.toUri().toString(), "etax.access.audience", AUDIENCE);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String taxpayer(String mst) {
		return token(new Caller("taxpayer-" + mst, Role.TAXPAYER, mst, null, null));
	}

	public String agent(String mst) {
		return token(new Caller("agent-" + mst, Role.AGENT, mst, null, null));
	}

	public String tvan(String name) {
		return token(new Caller(name, Role.TVAN, null, null, null));
	}

	public String officer(String taxOffice) {
		return token(new Caller("officer-" + taxOffice, Role.OFFICER, null, taxOffice, null));
	}

	/**
	 * An officer who may also approve what another officer decided (four eyes).
	 * @param taxOffice the officer's tax office
	 * @param name tells approvers apart: the token's subject is {@code approver-<name>}
	 * @return the token
	 */
	public String approver(String taxOffice, String name) {
		return token(new Caller("approver-" + name, Role.OFFICER, null, taxOffice, null, true));
	}

	/**
	 * Another e-tax service, e.g. batch-processor filing for the agents of bulk submissions.
	 * @param name the service
	 * @return the token
	 */
	public String service(String name) {
		return token(new Caller(name, Role.SERVICE, null, null, null));
	}

	public String nationalOfficer() {
		return token(new Caller("national-officer", Role.NATIONAL_OFFICER, null, null, null));
	}

	public String bank(String bankCode) {
		return token(new Caller("bank-" + bankCode, Role.BANK, null, null, bankCode));
	}

	/**
	 * A token for a caller, valid for twelve hours.
	 * @param caller who
	 * @return the compact JWT
	 */
	public String token(Caller caller) {
		return sign(claims(caller, Instant.now(), LIFETIME).build());
	}

	/**
	 * The claims of a caller's token, to be changed by tests of refused tokens.
	 * @param caller who
	 * @param issuedAt {@code iat} and {@code nbf}
	 * @param lifetime until {@code exp}
	 * @return the claims
	 */
	public JWTClaimsSet.Builder claims(Caller caller, Instant issuedAt, Duration lifetime) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(caller.subject())
			.audience(AUDIENCE)
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.claim(Caller.ROLE, caller.role().name());
		claim(claims, Caller.MST, caller.mst());
		claim(claims, Caller.TAX_OFFICE, caller.taxOffice());
		claim(claims, Caller.BANK, caller.bank());
		if (caller.approver()) {
			claims.claim(Caller.APPROVER, true);
		}
		return claims;
	}

	/**
	 * Signs claims with RS256.
	 * @param claims the claims
	 * @return the compact JWT
	 */
	public String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void claim(JWTClaimsSet.Builder claims, String name, @Nullable String value) {
		if (value != null) {
			claims.claim(name, value);
		}
	}

	private static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

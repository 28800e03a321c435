package etax.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct token's signature once in a while: a client sends the same bearer token with every request
 * until it expires, and checking its RSA signature again each time is most of what authentication costs.
 * A token seen before (the same string, signature included) is only validated again (expiry, issuer,
 * audience), so an expired one is refused exactly as on first sight; its signature is verified again once
 * {@code reverifyAfter} has passed since the last time, so that a token signed with a key the issuer has since
 * withdrawn from its key set is refused within that time, not accepted until the expiry its signer chose. At most
 * {@code capacity} tokens are remembered; when full, the memory starts afresh.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int DEFAULT_CAPACITY = 10_000;

	/** As long as Spring Security keeps a fetched key set. */
	static final Duration DEFAULT_REVERIFY_AFTER = Duration.ofMinutes(5);

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final int capacity;

	private final long reverifyAfterNanos;

	private final LongSupplier ticker;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder verifies the signature and validates the claims with {@code validator}
	 * @param validator what a remembered token must still pass
	 * @param capacity how many tokens to remember
	 */
	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
		this(decoder, validator, capacity, DEFAULT_REVERIFY_AFTER, System::nanoTime);
	}

	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity, Duration reverifyAfter,
			LongSupplier ticker) {
		this.decoder = decoder;
		this.validator = validator;
		this.capacity = capacity;
		this.reverifyAfterNanos = reverifyAfter.toNanos();
		this.ticker = ticker;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		long now = this.ticker.getAsLong();
		Verified known = this.verified.get(token);
		if (known != null) {
			if (now - known.at() < this.reverifyAfterNanos && !this.validator.validate(known.jwt()).hasErrors()) {
				return known.jwt();
			}
			this.verified.remove(token);
		}
		Jwt jwt = this.decoder.decode(token);
		if (this.verified.size() >= this.capacity) {
			this.verified.clear();
		}
		this.verified.put(token, new Verified(jwt, now));
		return jwt;
	}

	private record Verified(Jwt jwt, long at) {

	}

}

package etax.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct token's signature once: a client sends the same bearer token with every request
 * until it expires, and checking its RSA signature again each time is most of what authentication costs.
 * A token seen before (the same string, signature included) is only validated again (expiry, issuer,
 * audience), so an expired one is refused exactly as on first sight. At most {@code capacity} tokens are
 * remembered; when full, the memory starts afresh.
 */
final class VerifiedTokens implements JwtDecoder {

	static final int DEFAULT_CAPACITY = 10_000;

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final int capacity;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder verifies the signature and validates the claims with {@code validator}
	 * @param validator what a remembered token must still pass
	 * @param capacity how many tokens to remember
	 */
	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
		this.decoder = decoder;
		this.validator = validator;
		this.capacity = capacity;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (!this.validator.validate(known).hasErrors()) {
				return known;
			}
			this.verified.remove(token);
		}
		Jwt jwt = this.decoder.decode(token);
		if (this.verified.size() >= this.capacity) {
			this.verified.clear();
		}
		this.verified.put(token, jwt);
		return jwt;
	}

}

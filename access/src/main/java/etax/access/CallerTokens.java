package etax.access;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Reads the caller out of a verified token; a token without a known role and its claims is refused (401). */
final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

	@Override
	public AbstractAuthenticationToken convert(Jwt token) {
		String role = token.getClaimAsString(Caller.ROLE);
		if (role == null) {
			throw new InvalidBearerTokenException("The token names no role");
		}
		Role known = Arrays.stream(Role.values())
			.filter((r) -> r.name().equals(role.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new InvalidBearerTokenException("The token names no known role"));
		try {
			Caller caller = new Caller(nonNull(token.getSubject()), known,
					token.getClaimAsString(Caller.MST), token.getClaimAsString(Caller.TAX_OFFICE),
					token.getClaimAsString(Caller.BANK), Boolean.TRUE.equals(token.getClaimAsBoolean(Caller.APPROVER)));
			return new CallerAuthentication(caller, token);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidBearerTokenException("The token's claims are incomplete: " + ex.getMessage());
		}
	}

	private static String nonNull(@Nullable String subject) {
		return (subject != null) ? subject : "";
	}

}

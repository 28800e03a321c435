package etax.access;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified bearer token: the principal is the {@link Caller}, so controllers take
 * {@code @AuthenticationPrincipal Caller caller}; the one authority is the caller's role.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt token;

	CallerAuthentication(Caller caller, Jwt token) {
		super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.caller.subject();
	}

}

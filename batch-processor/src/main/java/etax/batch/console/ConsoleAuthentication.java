package etax.batch.console;

import java.time.Instant;
import java.util.List;

import etax.access.Caller;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An officer signed in to the console: the caller read from the token, and the token itself, which the
 * console forwards when it calls another service on the officer's behalf. Kept in the HTTP session until
 * the token expires or the officer signs out.
 */
public final class ConsoleAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final String token;

	private final Instant expiresAt;

	ConsoleAuthentication(Caller caller, String token, Instant expiresAt) {
		super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
		this.caller = caller;
		this.token = token;
		this.expiresAt = expiresAt;
		setAuthenticated(true);
	}

	/**
	 * The officer of the current request.
	 * @return the signed-in officer
	 * @throws IllegalStateException outside a signed-in console request
	 */
	public static ConsoleAuthentication current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ConsoleAuthentication console) {
			return console;
		}
		throw new IllegalStateException("No officer is signed in to the console");
	}

	/**
	 * @return the value of an {@code Authorization} header carrying the officer's token
	 */
	public String bearer() {
		return "Bearer " + this.token;
	}

	public Caller caller() {
		return this.caller;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	boolean expired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public String getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.caller.subject();
	}

}

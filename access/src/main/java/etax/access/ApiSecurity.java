package etax.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service shares: bearer tokens only, no sessions, no CSRF (no cookies to ride on),
 * health open for probes, the API description readable by any caller, and 401/403 as problems. Each
 * service adds its own rules about who may call what. Metrics and the other actuator endpoints are for officers.
 */
public final class ApiSecurity {

	private final CallerTokens callers;

	ApiSecurity(CallerTokens callers) {
		this.callers = callers;
	}

	/**
	 * Builds a service's filter chain.
	 * @param http the builder
	 * @param rules the service's rules; requests no rule matched need an authenticated caller
	 * @return the chain
	 * @throws Exception as {@link HttpSecurity} does
	 */
	public SecurityFilterChain filterChain(HttpSecurity http, Rules rules) throws Exception {
		ProblemAnswers problems = new ProblemAnswers();
		return http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
			requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated();
			requests.requestMatchers("/actuator/**").hasAnyRole(Role.OFFICER.name(), Role.NATIONAL_OFFICER.name());
			rules.apply(requests);
			requests.anyRequest().authenticated();
		})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(this.callers))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * Reads the caller out of a token the service's {@code JwtDecoder} verified, as a request's bearer
	 * token is read: for sign-ins that keep the caller in a session (the officers' console).
	 * @param token the verified token
	 * @return the caller
	 * @throws org.springframework.security.oauth2.server.resource.InvalidBearerTokenException when the
	 * token names no known role or lacks the role's claim
	 */
	public Caller caller(Jwt token) {
		return ((CallerAuthentication) this.callers.convert(token)).getPrincipal();
	}

	/** A service's own authorization rules. */
	@FunctionalInterface
	public interface Rules {

		void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

	}

}

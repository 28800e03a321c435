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
 * health open for probes, the API description readable by any caller, and 401/403 as problems. The
 * protected-resource metadata that every 401 points to names the token issuer and plain bearer tokens
 * (not certificate-bound ones). Each
 * service adds its own rules about who may call what. Metrics and the other actuator endpoints are for officers.
 */
public final class ApiSecurity {

	private final CallerTokens callers;

	private final String issuer;

	/**
	 * @param callers reads the caller out of a verified token
	 * @param issuer the identity provider whose tokens the service takes, named in its protected-resource
	 * metadata (RFC 9728) so that a client can find where to get one
	 */
	ApiSecurity(CallerTokens callers, String issuer) {
		this.callers = callers;
		this.issuer = issuer;
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
			requests.requestMatchers("/v3/api-docs/**").authenticated();
			requests.requestMatchers("/actuator/**").hasAnyRole(Role.OFFICER.name(), Role.NATIONAL_OFFICER.name());
			rules.apply(requests);
			requests.anyRequest().authenticated();
		})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(this.callers))
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
						(resource) -> resource.authorizationServer(this.issuer).tlsClientCertificateBoundAccessTokens(false)))
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

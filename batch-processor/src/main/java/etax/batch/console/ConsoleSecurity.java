package etax.batch.console;

import java.io.IOException;
import java.time.Clock;

import etax.access.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's own filter chain, before the API's: sessions and CSRF (a browser with a cookie, not a
 * machine with a bearer token), the sign-in page open, everything else for officers. A session ends
 * with the officer's token, or when the officer signs out. A signed-out browser is sent to the sign-in page
 * with the page it asked for ({@link DeepLinks}), and lands there after signing in.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	static final String LOGIN = "/console/login";

	@Bean
	SecurityContextRepository consoleSecurityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** The console's CSRF tokens, in the session; the sign-in replaces the one the signed-out browser had. */
	@Bean
	CsrfTokenRepository consoleCsrfTokens() {
		return new HttpSessionCsrfTokenRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, SecurityContextRepository consoleSecurityContextRepository,
			CsrfTokenRepository consoleCsrfTokens, ConsoleAudit audit, Clock clock) throws Exception {
		return http.securityMatcher("/console", "/console/**")
			.csrf((csrf) -> csrf.csrfTokenRepository(consoleCsrfTokens))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.GET, LOGIN, "/console/console.css", "/console/console.js")
				.permitAll()
				.requestMatchers(HttpMethod.POST, LOGIN)
				.permitAll()
				.anyRequest()
				.hasAnyRole(Role.OFFICER.name(), Role.NATIONAL_OFFICER.name()))
			.securityContext((context) -> context.securityContextRepository(consoleSecurityContextRepository))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new SignInEntryPoint())
				.accessDeniedHandler(new ConsoleDenials()))
			// the page asked for travels in the sign-in page's address (DeepLinks), not in the session
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.logout((logout) -> logout.logoutUrl("/console/logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication instanceof ConsoleAuthentication officer) {
						audit.record(officer.caller(), "SIGN_OUT", null, ConsoleAudit.Outcome.OK, null);
					}
				})
				.logoutSuccessUrl(LOGIN + "?signedOut"))
			.addFilterBefore(new ExpiredSignIns(clock), AuthorizationFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
			.build();
	}

	/** Sends a signed-out browser to the sign-in page, with the page it asked for to come back to. */
	static final class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

		SignInEntryPoint() {
			super(LOGIN);
		}

		@Override
		protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) {
			return DeepLinks.signInFor(request, "");
		}

	}

	/** Signs out an officer whose token has expired: the session lives no longer than the token. */
	static final class ExpiredSignIns extends OncePerRequestFilter {

		private final Clock clock;

		ExpiredSignIns(Clock clock) {
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof ConsoleAuthentication officer && officer.expired(this.clock.instant())) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + DeepLinks.signInFor(request, "expired"));
				return;
			}
			chain.doFilter(request, response);
		}

	}

}

package etax.declaration;

import etax.access.ApiSecurity;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (docs/adr/0012-callers-and-tokens.md). Filers (taxpayers, agents, T-VANs) file, dry-run
 * and register webhooks; officers keep the registry, whose deadline extensions and tax inspections the taxpayer
 * reads too; every role but banks reads returns and receipts, each seeing only its own share of them (an unseen return is answered
 * 404, by the queries, not here), and the same roles read the intake audit, each its own share of the lines
 * ({@code IntakeAuditScope}); anyone
 * authenticated reads the form catalog. Only another e-tax service (batch-processor) files batches of
 * returns, for the filer it names (docs/adr/0013-bulk-filing.md). Any other operation under {@code /api} is
 * denied; a path or method the API does not have is answered 404 or 405 ({@link UnmappedRequests}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	private static final String[] FILERS = { "TAXPAYER", "AGENT", "TVAN" };

	private static final String[] OFFICERS = { "OFFICER", "NATIONAL_OFFICER" };

	private static final String[] REGISTRY_READERS = { "TAXPAYER", "OFFICER", "NATIONAL_OFFICER" };

	private static final String[] READERS = { "TAXPAYER", "AGENT", "TVAN", "OFFICER", "NATIONAL_OFFICER" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api, BeanFactory beans) throws Exception {
		return api.filterChain(http, (requests) -> requests
			.requestMatchers(HttpMethod.POST, "/api/v1/returns:batch")
			.hasRole("SERVICE")
			.requestMatchers(HttpMethod.POST, "/api/v1/returns", "/api/v1/returns:validate")
			.hasAnyRole(FILERS)
			.requestMatchers(HttpMethod.POST, "/api/v1/returns/*/late-filing-penalty")
			.hasAnyRole(OFFICERS)
			.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
			.hasAnyRole(FILERS)
			.requestMatchers(HttpMethod.GET, "/api/v1/taxpayers/*/extensions", "/api/v1/taxpayers/*/extensions/*",
					"/api/v1/taxpayers/*/inspections", "/api/v1/taxpayers/*/inspections/*")
			.hasAnyRole(REGISTRY_READERS)
			.requestMatchers("/api/v1/taxpayers", "/api/v1/taxpayers/**", "/api/v1/agents/**")
			.hasAnyRole(OFFICERS)
			.requestMatchers(HttpMethod.GET, "/api/v1/returns", "/api/v1/returns/**", "/api/v1/receipts",
					"/api/v1/receipts/**", "/api/v1/intake-audit")
			.hasAnyRole(READERS)
			.requestMatchers(HttpMethod.GET, "/api/v1/forms", "/api/v1/forms/**", "/api/v1/rules")
			.authenticated()
			.requestMatchers("/api/**")
			.access(new UnmappedRequests(beans)));
	}

}

package etax.payment;

import etax.access.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (docs/adr/0012-callers-and-tokens.md): banks only the bank intake, as the bank their
 * token names; a taxpayer its own balance and ledger (checked by the controller); batch-processor (a SERVICE)
 * withdraws correction proposals its reconciliation no longer stands by; officers everything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, (requests) -> requests.requestMatchers("/api/v1/bank/**")
			.hasRole("BANK")
			.requestMatchers(HttpMethod.POST, "/api/v1/sandbox/bank-payments")
			.hasRole("TAXPAYER")
			.requestMatchers(HttpMethod.GET, "/api/v1/taxpayers/**")
			.hasAnyRole("TAXPAYER", "OFFICER", "NATIONAL_OFFICER")
			.requestMatchers(HttpMethod.POST, "/api/v1/corrections/proposals/*/withdrawal")
			.hasAnyRole("SERVICE", "OFFICER", "NATIONAL_OFFICER")
			.requestMatchers("/api/**")
			.hasAnyRole("OFFICER", "NATIONAL_OFFICER"));
	}

}

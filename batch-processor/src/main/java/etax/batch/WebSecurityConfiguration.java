package etax.batch;

import etax.access.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (docs/adr/0012-callers-and-tokens.md): the jobs, their executions and their results
 * are the back office's, so officers only. Bulk filings are sent by agents and T-VANs and read by them and
 * officers (each sees its share: the queries decide, docs/adr/0013-bulk-filing.md); the published limits
 * are for every caller. A bank's reconciliation file and the treasury's statement replace the day's bank and
 * treasury legs for every office, so only a national officer imports them over HTTP (docs/adr/0014); the
 * watched directory stays the channel of the banks and the treasury themselves.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http, (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/batches")
			.hasAnyRole("AGENT", "TVAN")
			.requestMatchers("/api/v1/batches/**")
			.hasAnyRole("AGENT", "TVAN", "OFFICER", "NATIONAL_OFFICER")
			.requestMatchers(HttpMethod.GET, "/api/v1/limits")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/reconciliation/bank-files",
					"/api/v1/reconciliation/treasury-statements")
			.hasRole("NATIONAL_OFFICER")
			.requestMatchers("/api/**")
			.hasAnyRole("OFFICER", "NATIONAL_OFFICER"));
	}

}

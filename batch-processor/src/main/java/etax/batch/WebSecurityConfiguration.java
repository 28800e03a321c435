package etax.batch;

import etax.access.ApiSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what (docs/adr/0012-callers-and-tokens.md): the jobs, their executions and their results
 * are the back office's, so officers only.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.filterChain(http,
				(requests) -> requests.requestMatchers("/api/**").hasAnyRole("OFFICER", "NATIONAL_OFFICER"));
	}

}

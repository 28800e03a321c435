package etax.payment;

import java.util.List;

import etax.payment.bank.BankCredential;
import etax.payment.bank.BankRegistry;

import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic until OAuth2 arrives; a machine API, so stateless and without CSRF tokens. Two kinds of
 * caller: the one configured officer credential ({@code spring.security.user.*}, role OFFICER), and
 * banks, whose credentials are in the bank registry (role BANK, plus the authority {@code bank:<code>}
 * naming the bank). Banks may only use the bank intake; a taxpayer (role TAXPAYER, user name = its MST,
 * once taxpayer identities reach this service) may read its own balance and ledger; everything else is
 * for officers. Only health
 * is open, for load balancers and orchestrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/bank/**")
			.hasRole("BANK")
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/taxpayers/**")
			.hasAnyRole("OFFICER", "TAXPAYER")
			.anyRequest()
			.hasRole("OFFICER"))
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(SecurityProperties properties, BankRegistry banks) {
		SecurityProperties.User officer = properties.getUser();
		String officerPassword = officer.getPassword().startsWith("{") ? officer.getPassword()
				: "{noop}" + officer.getPassword();
		return (username) -> {
			if (username.equals(officer.getName())) {
				return User.withUsername(username).password(officerPassword).roles("OFFICER").build();
			}
			BankCredential bank = banks.credential(username)
				.orElseThrow(() -> new UsernameNotFoundException("No such user"));
			return User.withUsername(username)
				.password(bank.passwordHash())
				.disabled(!bank.enabled())
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_BANK"),
						new SimpleGrantedAuthority("bank:" + bank.bankCode())))
				.build();
		};
	}

}

package etax.declaration.sandbox;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox, when {@code etax.sandbox.enabled} is true (the local run; never a production deployment).
 * Without it no sandbox bean exists and the sandbox headers mean nothing: a filer's software that still
 * sends them gets the real postmark and real answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("etax.sandbox.enabled")
class SandboxConfiguration {

	/** Wraps the application's clock (the bean named {@code clock}) and takes its place everywhere else. */
	@Bean
	@Primary
	SandboxClock sandboxClock(@Qualifier("clock") Clock clock) {
		return new SandboxClock(clock);
	}

	/** After Spring Security (whose filter comes first): an unauthenticated request never reaches it. */
	@Bean
	FilterRegistrationBean<SandboxScenarios> sandboxScenarios(SandboxClock clock, JsonMapper json) {
		FilterRegistrationBean<SandboxScenarios> registration = new FilterRegistrationBean<>(
				new SandboxScenarios(clock, json));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	SandboxApiDocs sandboxApiDocs() {
		return new SandboxApiDocs();
	}

}

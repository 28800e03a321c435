package etax.devstack;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at the {@link LocalInfrastructure} of this JVM. Tests use it with
 * {@code @ContextConfiguration(initializers = LocalInfrastructureInitializer.class)} next to
 * {@code @SpringBootTest}; the properties win over {@code application.yml}.
 */
public final class LocalInfrastructureInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("localInfrastructure", properties()));
	}

	/**
	 * The connection properties of the local infrastructure, as Spring Boot property names; also used to
	 * start a service in a separate JVM against the same servers.
	 * @return property name to value
	 */
	public static Map<String, Object> properties() {
		LocalPostgres postgres = LocalInfrastructure.postgres();
		LocalKafka kafka = LocalInfrastructure.kafka();
		return Map.of("spring.datasource.url", postgres.jdbcUrl(), "spring.datasource.username", LocalPostgres.USER,
				"spring.datasource.password", "", "spring.kafka.bootstrap-servers", kafka.bootstrapServers());
	}

}

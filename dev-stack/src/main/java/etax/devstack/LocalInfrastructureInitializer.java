package etax.devstack;

import java.util.LinkedHashMap;
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
	 * The connection properties of the local infrastructure and the local token issuer's key, as Spring
	 * Boot property names; also used to
	 * start a service in a separate JVM against the same servers.
	 * @return property name to value
	 */
	public static Map<String, Object> properties() {
		LocalPostgres postgres = LocalInfrastructure.postgres();
		LocalKafka kafka = LocalInfrastructure.kafka();
		Map<String, Object> properties = new LinkedHashMap<>(LocalInfrastructure.accessProperties());
		properties.put("spring.datasource.url", postgres.jdbcUrl());
		properties.put("spring.datasource.username", LocalPostgres.USER);
		properties.put("spring.datasource.password", "");
		properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
		return properties;
	}

}

package etax.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings the service refuses to start with. */
class BatchProcessorPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void aBulkChunkIsNoLargerThanARequestDeclarationApiTakes() {
		this.contexts.withPropertyValues("etax.batch.bulk.chunk-size=500")
			.run((context) -> assertThat(context.getBean(BatchProcessorProperties.class).bulk().chunkSize())
				.isEqualTo(500));
		this.contexts.withPropertyValues("etax.batch.bulk.chunk-size=501")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bulk.chunkSize"));
	}

	/** A retention age written as a bare number is days; under 32 days would delete what the interest job needs. */
	@Test
	void aRetentionAgeIsDaysAndAtLeast32() {
		this.contexts.withPropertyValues("etax.batch.retention.max-age=90")
			.run((context) -> assertThat(context.getBean(BatchProcessorProperties.class).retention().maxAge())
				.isEqualTo(Duration.ofDays(90)));
		this.contexts.withPropertyValues("etax.batch.retention.max-age=31d")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("retention.maxAge"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BatchProcessorProperties.class)
	static class Settings {

	}

}

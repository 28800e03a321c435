package etax.batch.reconciliation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import etax.batch.BatchProcessorProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The mapping of collecting agencies to tax offices is bound from {@code etax.batch.reconciliation}, its codes
 * checked at start-up, and the lines of an agency it does not list are counted by agency.
 */
class CollectingAgencyOfficesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class)
		.withBean(JsonMapper.class, JsonMapper::new)
		.withBean(SimpleMeterRegistry.class)
		.withBean(CollectingAgencyOffices.class);

	@Test
	void mapsAgenciesToOfficesAndCountsTheLinesOfAgenciesItDoesNotList() {
		this.contexts
			.withPropertyValues("etax.batch.reconciliation.collecting-agency-offices.1054523=99999",
					"etax.batch.reconciliation.collecting-agency-offices.1054321=99999")
			.run((context) -> {
				CollectingAgencyOffices offices = context.getBean(CollectingAgencyOffices.class);
				assertThat(offices.asJson()).isEqualTo("{\"1054321\":\"99999\",\"1054523\":\"99999\"}");
				assertThat(offices.countUnmapped(LocalDate.of(2025, 3, 1), Map.of("99999", 5L, "agency 1077777", 2L)))
					.containsExactly(entry("1077777", 2L));
				assertThat(context.getBean(SimpleMeterRegistry.class)
					.get("etax.batch.reconciliation.unmapped.lines")
					.tag("collecting.agency", "1077777")
					.counter()
					.count()).isEqualTo(2.0);
			});
	}

	/** A bank file whose agencies are a running number makes no meter per line: past the first agencies, one. */
	@Test
	void countsAgenciesPastTheFirstUnderOneTag() {
		this.contexts.run((context) -> {
			CollectingAgencyOffices offices = context.getBean(CollectingAgencyOffices.class);
			Map<String, Long> lines = new HashMap<>();
			for (int i = 0; i < CollectingAgencyOffices.MAX_TAGGED + 50; i++) {
				lines.put("agency " + (1_000_000 + i), 1L);
			}
			assertThat(offices.countUnmapped(LocalDate.of(2025, 3, 1), lines)).hasSize(lines.size());
			SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
			assertThat(meters.find("etax.batch.reconciliation.unmapped.lines").counters())
				.hasSize(CollectingAgencyOffices.MAX_TAGGED + 1);
			assertThat(meters.get("etax.batch.reconciliation.unmapped.lines")
				.tag("collecting.agency", CollectingAgencyOffices.OTHER_AGENCIES)
				.counter()
				.count()).isEqualTo(50.0);
		});
	}

	@Test
	void noMappingLeavesEveryAgencyItsOwnOffice() {
		this.contexts.run((context) -> {
			assertThat(context.getBean(CollectingAgencyOffices.class).asJson()).isEqualTo("{}");
			assertThat(context.getBean(BatchProcessorProperties.class).reconciliation().earliestDay()).isNull();
		});
	}

	@Test
	void refusesCodesThatAreNotAnAgencyOrAnOffice() {
		this.contexts.withPropertyValues("etax.batch.reconciliation.collecting-agency-offices.1054523=9999x")
			.run((context) -> assertThat(context).hasFailed());
		this.contexts.withPropertyValues("etax.batch.reconciliation.collecting-agency-offices.10545230=99999")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BatchProcessorProperties.class)
	static class Properties {

	}

}

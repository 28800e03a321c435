package etax.declaration.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The server's clock at 10 May 2026, 10:00 in Vietnam, for tests that file returns of Q1/2026: it was due on
 * Monday 4 May (30 April and 1 May are holidays, 2 and 3 May a weekend). Test classes that import it share one
 * application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class TenthOfMay2026 {

	@Bean
	@Primary
	Clock tenthOfMay2026() {
		return Clock.fixed(Instant.parse("2026-05-10T03:00:00Z"), ZoneOffset.UTC);
	}

}

package etax.batch;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Runs the batch-processor service. Jobs never start with the application
 * ({@code spring.batch.job.enabled: false}): they are launched over HTTP or by their schedules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BatchProcessorApplication {

	public static void main(String[] args) {
		SpringApplication.run(BatchProcessorApplication.class, args);
	}

	/**
	 * The one source of "now"; tests replace it to pin the business day.
	 * @return the system clock in UTC (business dates are derived with {@link BusinessDays})
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

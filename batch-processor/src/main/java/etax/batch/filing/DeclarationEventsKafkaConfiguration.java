package etax.batch.filing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Error handling of the listener container. Values that cannot be read never reach it (the listener
 * skips them), so what fails here is the database: the poll is retried with a back-off capped at 30
 * seconds and without a limit, because dropping a filing would make every later summary wrong.
 */
@Configuration(proxyBeanMethods = false)
class DeclarationEventsKafkaConfiguration {

	@Bean
	CommonErrorHandler kafkaErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(30_000);
		return new DefaultErrorHandler(backOff);
	}

}

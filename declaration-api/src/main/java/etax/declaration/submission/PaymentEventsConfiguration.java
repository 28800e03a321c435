package etax.declaration.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Error handling of the payment events' listener. Values that cannot be read never reach it (the
 * listener passes over them), so what fails here is the database: the poll is retried with a back-off
 * capped at 30 seconds and without a limit, because a payment passed over would leave a paid return
 * showing as unpaid.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEventsConfiguration {

	@Bean
	CommonErrorHandler kafkaErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(30_000);
		return new DefaultErrorHandler(backOff);
	}

}

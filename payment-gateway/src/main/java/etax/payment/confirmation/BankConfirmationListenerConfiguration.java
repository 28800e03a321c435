package etax.payment.confirmation;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the listener container reacts when recording a poll fails. Every record problem is handled
 * inside {@link PaymentRecording} (rejected to the dead-letter topic), so an exception here means the
 * infrastructure failed (database down, for instance). Then the same poll is tried again with a growing
 * back-off, for ever, and no exception type is classified as not retryable: skipping a poll would
 * commit offsets of records never recorded, and nothing may be dropped.
 */
@Configuration(proxyBeanMethods = false)
class BankConfirmationListenerConfiguration {

	@Bean
	CommonErrorHandler bankConfirmationErrorHandler(ConfirmationProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		handler.setClassifications(Map.of(), true);
		return handler;
	}

}

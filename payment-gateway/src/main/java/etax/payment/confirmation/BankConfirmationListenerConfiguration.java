package etax.payment.confirmation;

import java.util.Map;

import etax.access.RedactedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the listener container reacts when recording a poll fails. Every record problem is handled
 * inside {@link PaymentRecording} (rejected to the dead-letter topic; a value PostgreSQL refuses though no
 * check caught it too, record by record, see {@link etax.payment.sql.RefusedValues}), so an exception here
 * means the infrastructure failed (database down, for instance). Then the same poll is tried again with a growing
 * back-off, for ever, and no exception type is classified as not retryable: skipping a poll would
 * commit offsets of records never recorded, and nothing may be dropped. Every failed try is logged, with
 * the exception's classes, SQLStates and stack traces but never its messages ({@link RedactedException}):
 * a failed JDBC batch quotes its statements with their values, MSTs and amounts. The container factory
 * applies this handler to every listener of the gateway (confirmations, obligations, treasury acks): they
 * share the rule.
 */
@Configuration(proxyBeanMethods = false)
class BankConfirmationListenerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BankConfirmationListenerConfiguration.class);

	@Bean
	CommonErrorHandler bankConfirmationErrorHandler(ConfirmationProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		handler.setClassifications(Map.of(), true);
		handler.setRetryListeners(new RetryListener() {
			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
				log.warn("Recording failed, retrying topic={} partition={} offset={} attempt={} failure={}",
						record.topic(), record.partition(), record.offset(), attempt, RedactedException.describe(ex),
						RedactedException.of(ex));
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
				log.warn("Recording a poll failed, retrying records={} attempt={} failure={}", records.count(), attempt,
						RedactedException.describe(ex), RedactedException.of(ex));
			}
		});
		return handler;
	}

}

package etax.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.ProducerListener;

/**
 * Gives every service that has the outbox a {@link ProducerListener} that logs failed sends without their
 * key or value. Spring Boot's Kafka auto-configuration declares a {@code kafkaProducerListener} (a
 * {@code LoggingProducerListener} that logs both) only when no {@code ProducerListener} exists yet, and
 * hands that bean to the {@code KafkaTemplate} it configures; this runs before it, so that Boot's backs
 * off. A service that declares a listener of its own keeps it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ProducerListener.class)
public class ProducerListenerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ProducerListener.class)
	ProducerListener<Object, Object> kafkaProducerListener() {
		return new ContentFreeProducerListener();
	}

}

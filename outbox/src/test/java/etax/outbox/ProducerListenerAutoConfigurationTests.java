package etax.outbox;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerListenerAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(KafkaAutoConfiguration.class, ProducerListenerAutoConfiguration.class));

	@Test
	void bootsKafkaTemplateGetsAListenerThatLogsNoContentsAndBootsOwnBacksOff() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(ProducerListener.class);
			assertThat(context).getBean(ProducerListener.class).isInstanceOf(ContentFreeProducerListener.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(KafkaTemplate.class), "producerListener"))
				.isSameAs(context.getBean(ProducerListener.class));
		});
	}

	@Test
	void aServicesOwnListenerIsKept() {
		ProducerListener<Object, Object> own = new ProducerListener<>() {
		};
		this.contexts.withBean("ownListener", ProducerListener.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(ProducerListener.class);
			assertThat(context).getBean(ProducerListener.class).isSameAs(own);
		});
	}

	@Test
	void logsAFailedSendWithItsTopicAndReasonButNotItsKeyValueOrExceptionMessages() {
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		Logger logger = (Logger) LoggerFactory.getLogger(ContentFreeProducerListener.class);
		logger.addAppender(logged);
		try {
			ProducerRecord<Object, Object> record = new ProducerRecord<>("etax.notices.v1", 2, "0101234567",
					"{\"name\":\"Nguyễn Văn A\"}");
			new ContentFreeProducerListener().onError(record, null, new KafkaProducerException(record,
					"Failed to send", new SerializationException("Can't serialize data [Nguyễn Văn A]")));
		}
		finally {
			logger.detachAppender(logged);
		}

		assertThat(logged.list).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("Kafka send failed topic=etax.notices.v1 partition=2 "
					+ "reason=org.springframework.kafka.core.KafkaProducerException"
					+ " < org.apache.kafka.common.errors.SerializationException");
			assertThat(event.getThrowableProxy()).isNull();
		});
	}

}

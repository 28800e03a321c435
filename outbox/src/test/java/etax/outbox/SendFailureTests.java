package etax.outbox;

import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaProducerException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailureTests {

	private static final ProducerRecord<String, String> RECORD = new ProducerRecord<>("etax.notices.v1", "k", "v");

	@Test
	void aRecordTooLargeIsRefusedForGoodWhetherTheTemplateThrowsItOrTheSendFailsWithIt() {
		// what KafkaTemplate throws when the producer refuses the record before queueing it
		assertThat(SendFailure.of(new org.springframework.kafka.KafkaException("Send failed",
				new RecordTooLargeException("The message is 13000000 bytes"))))
			.isEqualTo(new SendFailure("org.apache.kafka.common.errors.RecordTooLargeException", true));
		// what the send's future completes with when the broker refuses it
		assertThat(SendFailure.of(new CompletionException(
				new KafkaProducerException(RECORD, "Failed to send", new RecordTooLargeException()))))
			.isEqualTo(new SendFailure("org.apache.kafka.common.errors.RecordTooLargeException", true));
	}

	@Test
	void aRecordThatCannotBeWrittenOrWhoseTopicOrContentIsInvalidIsRefusedForGood() {
		assertThat(SendFailure.of(new SerializationException("Can't serialize data [secret]")).permanent()).isTrue();
		assertThat(SendFailure.of(failed(new InvalidTopicException("bad name")))).extracting(SendFailure::permanent)
			.isEqualTo(true);
		assertThat(SendFailure.of(failed(new InvalidRecordException("null key on a compacted topic"))).permanent())
			.isTrue();
	}

	@Test
	void anOutageOrAWrongConfigurationIsRetriedWithTheInnermostCauseAsTheReason() {
		assertThat(SendFailure.of(failed(new TimeoutException("Expiring 3 record(s)"))))
			.isEqualTo(new SendFailure("org.apache.kafka.common.errors.TimeoutException", false));
		assertThat(SendFailure.of(new org.springframework.kafka.KafkaException("Send failed",
				new TimeoutException("Topic not present in metadata after 60000 ms.")))
			.permanent()).isFalse();
		for (Exception retried : new Exception[] { new BrokerNotAvailableException("down"),
				new NetworkException("disconnected"), new NotEnoughReplicasException("isr"),
				new NotLeaderOrFollowerException("moved"), new UnknownTopicOrPartitionException("unknown"),
				new OutOfOrderSequenceException("sequence"), new TopicAuthorizationException("acl"),
				new RecordBatchTooLargeException("segment"),
				new KafkaException("Failed to append record because it was part of a batch which had invalid records"),
				new IllegalStateException("producer closed") }) {
			assertThat(SendFailure.of(failed(retried)).permanent()).as(retried.getClass().getName()).isFalse();
		}
	}

	@Test
	void aReasonIsTheClassOnlyNeverTheMessageWhichMayQuoteTheRecord() {
		SendFailure failure = SendFailure.of(new SerializationException("Can't serialize data [0101234567]"));

		assertThat(failure.reason()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
		assertThat(failure.shortReason()).isEqualTo("SerializationException");
	}

	private static Exception failed(Exception cause) {
		return new CompletionException(new KafkaProducerException(RECORD, "Failed to send", cause));
	}

}

package etax.payment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import etax.outbox.OutboxMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

/**
 * The HTTP way in for banks that cannot produce to Kafka: a confirmation is read and checked as the
 * listener would, then published to {@value PaymentRecording#CONFIRMATIONS_TOPIC} signed with the
 * gateway's intake key, and acknowledged once the broker has it. Nothing is stored here: the listener
 * records it like any other, exactly once by its key, so a bank may safely send again after a timeout.
 */
@Service
public class BankIntake {

	private final ConfirmationPublishing publishing;

	private final KafkaTemplate<String, String> kafka;

	BankIntake(ConfirmationPublishing publishing, KafkaTemplate<String, String> kafka) {
		this.publishing = publishing;
		this.kafka = kafka;
	}

	/**
	 * Checks and publishes a confirmation message.
	 * @param bankCode the authenticated bank
	 * @param value the message, JSON version 1 or camt.054
	 * @param contentType its content type
	 * @return where it was published
	 * @throws ConfirmationRefusedException if it would be rejected
	 * @throws BankMismatchException if it confirms as another bank
	 * @throws BrokerUnavailableException if the broker did not take it within 10 seconds
	 */
	public Accepted submit(String bankCode, String value, @Nullable String contentType) {
		List<BankConfirmation> confirmations = this.publishing.check(value, contentType, bankCode);
		UUID messageId = UUID.randomUUID();
		OutboxMessage message = this.publishing.message(confirmations, value, contentType, messageId,
				Map.of("etax.channel", "http"));
		ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), value);
		message.headers().forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
		try {
			SendResult<String, String> sent = this.kafka.send(record).get(10, TimeUnit.SECONDS);
			return new Accepted(messageId, sent.getRecordMetadata().topic(), sent.getRecordMetadata().partition(),
					sent.getRecordMetadata().offset(), confirmations.size());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerUnavailableException(ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			// KafkaException: the template's own, when the producer fails before it sends (no broker's metadata in time)
			throw new BrokerUnavailableException(ex);
		}
	}

	/**
	 * A published confirmation message.
	 * @param messageId the id the gateway gave it ({@code etax.message-id} header)
	 * @param topic the topic
	 * @param partition the partition
	 * @param offset the offset
	 * @param confirmations how many confirmations it holds
	 */
	public record Accepted(UUID messageId, String topic, int partition, long offset, int confirmations) {

	}

}

package etax.payment.confirmation;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each poll of {@value PaymentRecording#CONFIRMATIONS_TOPIC} to {@link PaymentRecording}. The
 * container commits the poll's offsets only after this returns, that is after the database commit
 * (ack mode BATCH, no auto commit); it reads committed records only, since banks may publish
 * transactionally. A failure retries the same poll (see {@code BankConfirmationListenerConfiguration}).
 */
@Component
class BankConfirmationListener {

	private final PaymentRecording recording;

	BankConfirmationListener(PaymentRecording recording) {
		this.recording = recording;
	}

	@KafkaListener(id = "bank-confirmations", groupId = "payment-gateway", topics = PaymentRecording.CONFIRMATIONS_TOPIC,
			batch = "true", properties = { "isolation.level=read_committed", "enable.auto.commit=false" })
	void on(List<ConsumerRecord<String, String>> records) {
		this.recording.record(records);
	}

}

package etax.payment.treasury;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each poll of {@value PostingAcknowledged#TOPIC} to {@link TreasuryAcks}; offsets are committed
 * after the database commit (ack mode BATCH), a failure retries the poll.
 */
@Component
class TreasuryAckListener {

	private final TreasuryAcks acks;

	TreasuryAckListener(TreasuryAcks acks) {
		this.acks = acks;
	}

	@KafkaListener(id = "treasury-acks", groupId = "payment-gateway", topics = PostingAcknowledged.TOPIC,
			batch = "true", properties = { "isolation.level=read_committed", "enable.auto.commit=false" })
	void on(List<ConsumerRecord<String, String>> records) {
		this.acks.record(records);
	}

}

package etax.payment.ledger;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each poll of payable items and interest assessments to {@link ObligationBooking}; offsets are
 * committed after the database commit (ack mode BATCH), a failure retries the poll.
 */
@Component
class ObligationListener {

	private final ObligationBooking booking;

	ObligationListener(ObligationBooking booking) {
		this.booking = booking;
	}

	@KafkaListener(id = "obligations", groupId = "payment-gateway",
			topics = { ObligationBooking.PAYABLE_ITEMS_TOPIC, ObligationBooking.ASSESSMENTS_TOPIC }, batch = "true",
			properties = { "isolation.level=read_committed", "enable.auto.commit=false" })
	void on(List<ConsumerRecord<String, String>> records) {
		this.booking.record(records);
	}

}

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

	// A poll may wait up to 200 ms for more items rather than wake, book and commit for every few: under
	// filing load the small polls cost the broker and the database more than the items themselves. A
	// payment that names an item not booked yet waits as credit meanwhile (ADR 0006).
	@KafkaListener(id = "obligations", groupId = "payment-gateway",
			topics = { ObligationBooking.PAYABLE_ITEMS_TOPIC, ObligationBooking.ASSESSMENTS_TOPIC }, batch = "true",
			properties = { "isolation.level=read_committed", "enable.auto.commit=false", "fetch.min.bytes=65536",
					"fetch.max.wait.ms=200" })
	void on(List<ConsumerRecord<String, String>> records) {
		this.booking.record(records);
	}

}

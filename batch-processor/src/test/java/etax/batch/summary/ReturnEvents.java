package etax.batch.summary;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes {@code ReturnAccepted}/{@code ReturnRejected} values to the real {@code etax.declarations.v1},
 * shaped as declaration-api's contract (key = MST).
 */
final class ReturnEvents {

	static final String TOPIC = "etax.declarations.v1";

	private final KafkaTemplate<String, String> kafka;

	private final String mst;

	ReturnEvents(KafkaTemplate<String, String> kafka, String mst) {
		this.kafka = kafka;
		this.mst = mst;
	}

	UUID accepted(String formCode, String receivedAt) {
		return publish(UUID.randomUUID(), "ReturnAccepted", formCode, receivedAt);
	}

	UUID rejected(String formCode, String receivedAt) {
		return publish(UUID.randomUUID(), "ReturnRejected", formCode, receivedAt);
	}

	UUID publish(UUID eventId, String type, String formCode, String receivedAt) {
		send("""
				{"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","returnId":"%s",
				 "transactionCode":"10820260000000042","mst":"%s","formCode":"%s","maTKhai":"842",
				 "formVersion":"2.8.3","filingType":"C","submissionNumber":0,
				 "period":{"kind":"Q","value":"1/2025","from":"2025-01-01","to":"2025-03-31"},
				 "taxOfficeCode":"99999","receivedAt":"%s"}""".formatted(eventId, type, receivedAt, UUID.randomUUID(),
				this.mst, formCode, receivedAt));
		return eventId;
	}

	void send(String value) {
		try {
			this.kafka.send(TOPIC, this.mst, value).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + TOPIC, ex);
		}
	}

}

package etax.declaration.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import etax.declaration.payable.ItemPayment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the gateway's {@code etax.payments.v1} in polls: its {@code PaymentAllocated} events become
 * {@link ReturnPayments} in one transaction per poll; other events on the topic ({@code PaymentRecorded})
 * and allocations to items not filed here (interest) are passed over. Offsets are committed after the
 * transaction, so a crash in between redelivers the poll and the event ids absorb it; a database failure
 * retries the poll without limit ({@link PaymentEventsConfiguration}).
 */
@Component
class PaymentEventListener {

	private static final Logger log = LoggerFactory.getLogger(PaymentEventListener.class);

	private final ReturnPayments payments;

	private final JsonMapper json;

	private final Clock clock;

	private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant PAST_LAST_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");

	PaymentEventListener(ReturnPayments payments, JsonMapper json, Clock clock) {
		this.payments = payments;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(id = "payments", groupId = "declaration-api", topics = "etax.payments.v1", batch = "true",
			properties = { "isolation.level=read_committed", "auto.offset.reset=earliest" })
	void on(List<ConsumerRecord<String, String>> records) {
		List<Allocations> allocations = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				JsonNode event = this.json.readTree(record.value());
				if ("PaymentAllocated".equals(event.path("type").asString(""))) {
					if (event.path("version").asInt(0) == 1) {
						allocations.add(read(event));
					}
					else {
						log.warn("Payment event of a version not read skipped position={}-{}@{}", record.topic(),
								record.partition(), record.offset());
					}
				}
			}
			catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
				log.warn("Payment event not readable position={}-{}@{} reason={}", record.topic(), record.partition(),
						record.offset(), ex.getClass().getSimpleName());
			}
		}
		this.payments.record(allocations, this.clock.instant());
	}

	/**
	 * Version 1, read strictly: an allocation without its figures is refused, not read as nothing owed (a missing
	 * {@code outstandingAfter} read as 0 marked the return paid), and a time PostgreSQL cannot store is refused
	 * (retried for ever, it stopped the partition).
	 */
	private static Allocations read(JsonNode event) {
		Instant at = Instant.parse(event.path("occurredAt").asString());
		if (at.isBefore(FIRST_STORABLE) || !at.isBefore(PAST_LAST_STORABLE)) {
			throw new IllegalArgumentException("occurredAt out of range");
		}
		List<ItemPayment> payments = new ArrayList<>();
		for (JsonNode allocation : event.path("allocations")) {
			UUID item = uuidOrNull(allocation.path("payableItemId").asString(""));
			JsonNode outstanding = allocation.path("outstandingAfter");
			JsonNode settled = allocation.path("settled");
			if (!outstanding.isIntegralNumber() || !outstanding.canConvertToLong() || !settled.isBoolean()) {
				throw new IllegalArgumentException("an allocation without outstandingAfter or settled");
			}
			if (item != null) {
				payments.add(new ItemPayment(item, outstanding.asLong(), settled.asBoolean(), at));
			}
		}
		return new Allocations(UUID.fromString(event.path("eventId").asString()), payments);
	}

	private static @Nullable UUID uuidOrNull(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * One {@code PaymentAllocated} event.
	 * @param eventId its id
	 * @param payments its allocations to items with a UUID (items filed here have one)
	 */
	record Allocations(UUID eventId, List<ItemPayment> payments) {

	}

}

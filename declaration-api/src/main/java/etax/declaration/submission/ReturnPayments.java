package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import etax.declaration.payable.ItemPayment;
import etax.declaration.payable.PayableItems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows returns as paid: the gateway's allocations ({@code PaymentAllocated} on {@code etax.payments.v1},
 * read by {@link PaymentEventListener}) are recorded on the payable items they name, and a return whose
 * items all come to owe nothing gets {@code PAID} in its lifecycle; one that owes again after a reversal,
 * {@code PAYMENT_REVERSED}. Each event counts once, whatever the redeliveries.
 */
@Component
class ReturnPayments {

	/** How long an event id is remembered: far longer than a topic keeps what it could redeliver. */
	private static final Duration KEPT = Duration.ofDays(90);

	private final PayableItems payableItems;

	private final ReturnEvents events;

	private final JdbcClient jdbc;

	ReturnPayments(PayableItems payableItems, ReturnEvents events, JdbcClient jdbc) {
		this.payableItems = payableItems;
		this.events = events;
		this.jdbc = jdbc;
	}

	/**
	 * Records a poll's allocations in one transaction.
	 * @param allocations the events read, in the order consumed
	 * @param now when they are consumed
	 */
	@Transactional
	void record(List<PaymentEventListener.Allocations> allocations, Instant now) {
		if (allocations.isEmpty()) {
			return;
		}
		Set<UUID> fresh = this.jdbc.sql("""
				INSERT INTO filing.consumed_event (event_id, consumed_at) SELECT unnest(?::uuid[]), ?
				ON CONFLICT DO NOTHING RETURNING event_id
				""")
			.params(allocations.stream().map(PaymentEventListener.Allocations::eventId).toArray(UUID[]::new),
					Timestamp.from(now))
			.query(UUID.class)
			.set();
		// an event sent twice may come twice in one poll: the first counts
		Map<UUID, PaymentEventListener.Allocations> once = new LinkedHashMap<>();
		allocations.stream()
			.filter((event) -> fresh.contains(event.eventId()))
			.forEach((event) -> once.putIfAbsent(event.eventId(), event));
		List<ItemPayment> payments = once.values().stream().flatMap((event) -> event.payments().stream()).toList();
		List<ReturnEvents.Entry> entries = this.payableItems.recordPayments(payments)
			.stream()
			.map((settlement) -> new ReturnEvents.Entry(settlement.returnId(),
					settlement.settled() ? "PAID" : "PAYMENT_REVERSED", settlement.at(), Map.<String, Object>of()))
			.toList();
		this.events.append(entries);
		this.jdbc.sql("DELETE FROM filing.consumed_event WHERE consumed_at < ?")
			.param(Timestamp.from(now.minus(KEPT)))
			.update();
	}

}

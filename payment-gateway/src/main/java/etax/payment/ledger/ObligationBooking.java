package etax.payment.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books the obligations of a poll of {@code etax.payable-items.v1} or {@code etax.assessments.v1} in
 * one transaction, exactly once: an item already booked with the same content (same event again, or the
 * same item or interest day under another event id) is a duplicate; with other content it is a conflict,
 * kept with unreadable events in {@code payment.rejected_event} and never booked over the first.
 */
@Service
class ObligationBooking {

	static final String PAYABLE_ITEMS_TOPIC = "etax.payable-items.v1";

	static final String ASSESSMENTS_TOPIC = "etax.assessments.v1";

	private static final Logger log = LoggerFactory.getLogger(ObligationBooking.class);

	private final ObligationReader reader = new ObligationReader();

	private final LedgerRepository repository;

	private final TaxpayerLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ObligationBooking(LedgerRepository repository, TaxpayerLedger ledger, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.repository = repository;
		this.ledger = ledger;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	void record(List<ConsumerRecord<String, String>> poll) {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			Map<String, Obligation> candidates = new LinkedHashMap<>();
			SameObligations inPoll = new SameObligations(false);
			Map<String, ConsumerRecord<String, String>> sources = new LinkedHashMap<>();
			List<Obligation> inPollDuplicates = new ArrayList<>();
			for (ConsumerRecord<String, String> record : poll) {
				try {
					Obligation obligation = record.topic().equals(ASSESSMENTS_TOPIC)
							? this.reader.interest(Objects.requireNonNull(record.value()))
							: this.reader.payableItem(Objects.requireNonNull(record.value()));
					Obligation earlier = inPoll.first(obligation);
					if (earlier == null) {
						candidates.put(obligation.itemId(), obligation);
						inPoll.add(obligation);
						sources.put(obligation.itemId(), record);
					}
					else if (!earlier.sameContentAs(obligation)) {
						reject(record, "conflict", "another event of this poll books the same item differently", now);
					}
				}
				catch (RuntimeException ex) {
					String detail = (ex instanceof IllegalArgumentException) ? ex.getMessage() : "not JSON";
					reject(record, "invalid-event", Objects.requireNonNullElse(detail, "unreadable"), now);
				}
			}
			if (candidates.isEmpty()) {
				return;
			}
			this.repository.lock(candidates.values().stream().map(Obligation::mst).collect(Collectors.toSet()));
			SameObligations booked = new SameObligations(true);
			this.repository.booked(candidates.values()).forEach(booked::add);
			List<Obligation> fresh = new ArrayList<>();
			for (Obligation candidate : candidates.values()) {
				Obligation existing = booked.first(candidate);
				if (existing == null) {
					fresh.add(candidate);
				}
				else if (!existing.sameContentAs(candidate) || (candidate.kind() == Obligation.Kind.TAX
						&& !existing.itemId().equals(candidate.itemId()))) {
					reject(sources.get(candidate.itemId()), "conflict",
							"the item (or interest day) is booked already with other content", now);
				}
				else {
					inPollDuplicates.add(candidate);
				}
			}
			this.ledger.book(fresh);
			log.debug("Booked obligations count={} duplicates={}", fresh.size(), inPollDuplicates.size());
		});
	}

	private void reject(ConsumerRecord<String, String> record, String reason, String detail, Instant now) {
		log.warn("Rejected obligation event reason={} topic={} partition={} offset={}", reason, record.topic(),
				record.partition(), record.offset());
		this.repository.reject(record.topic(), record.partition(), record.offset(), record.value(), reason, detail, now);
	}

	/**
	 * Obligations looked up by what makes two the same one: the item id, for interest the item and day it
	 * accrued on, and, when asked, the event that booked it. Finds the first added that matches any, in a
	 * look-up per key rather than a scan of all added (a poll holds up to a thousand).
	 */
	private static final class SameObligations {

		private final boolean byEvent;

		private final List<Obligation> added = new ArrayList<>();

		private final Map<Object, Integer> firstByKey = new HashMap<>();

		SameObligations(boolean byEvent) {
			this.byEvent = byEvent;
		}

		void add(Obligation obligation) {
			int position = this.added.size();
			this.added.add(obligation);
			keys(obligation).forEach((key) -> this.firstByKey.putIfAbsent(key, position));
		}

		@Nullable Obligation first(Obligation obligation) {
			return keys(obligation).stream()
				.map(this.firstByKey::get)
				.filter(Objects::nonNull)
				.min(Integer::compare)
				.map(this.added::get)
				.orElse(null);
		}

		private List<Object> keys(Obligation obligation) {
			List<Object> keys = new ArrayList<>(3);
			keys.add(new ItemKey(obligation.itemId()));
			if (this.byEvent) {
				keys.add(new EventKey(obligation.sourceEventId()));
			}
			if (obligation.kind() == Obligation.Kind.INTEREST) {
				keys.add(new DayKey(obligation.baseItemId(), obligation.assessedFor()));
			}
			return keys;
		}

		private record ItemKey(String itemId) {
		}

		private record EventKey(UUID eventId) {
		}

		private record DayKey(@Nullable String baseItemId, @Nullable LocalDate assessedFor) {
		}

	}


}

package etax.payment.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.access.RedactedException;
import etax.payment.sql.RefusedValues;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books the obligations of a poll of {@code etax.payable-items.v1} or {@code etax.assessments.v1} in
 * one transaction, exactly once: an item already booked with the same content (same event again, or the
 * same item or interest day under another event id) is a duplicate; with other content it is a conflict,
 * kept with unreadable events in {@code payment.rejected_event} and never booked over the first. A
 * negative payable item (a supplement that lowered tax) is a reduction, booked once per item the same way,
 * in the order of the topic with the obligations; so is interest taken back ({@code InterestCorrected}),
 * once per event and per payable item and day. One that exceeds what the taxpayer was charged for its
 * sub-item and period (for interest: the interest booked on its item) is kept there as
 * {@code not-reducible}, changing nothing. The year's tax a finalization declared ({@code AnnualTaxFinalized}) is
 * booked once per return and sub-item beside them ({@link AnnualTaxRepository}).
 */
@Service
class ObligationBooking {

	static final String PAYABLE_ITEMS_TOPIC = "etax.payable-items.v1";

	static final String ASSESSMENTS_TOPIC = "etax.assessments.v1";

	private static final Logger log = LoggerFactory.getLogger(ObligationBooking.class);

	private final ObligationReader reader = new ObligationReader();

	private final LedgerRepository repository;

	private final AnnualTaxRepository annualTaxes;

	private final TaxpayerLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ObligationBooking(LedgerRepository repository, AnnualTaxRepository annualTaxes, TaxpayerLedger ledger,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.annualTaxes = annualTaxes;
		this.ledger = ledger;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Books a poll in one transaction. Should PostgreSQL refuse a value of it that no check caught (SQLState class 22),
	 * books its records one by one, each in a transaction of its own, and keeps one refused alone as
	 * {@code unstorable} rather than fail the poll for ever (ADR 0003); booking a record again changes nothing.
	 */
	void record(List<ConsumerRecord<String, String>> poll) {
		Instant now = this.clock.instant();
		try {
			book(poll, now);
			return;
		}
		catch (DataAccessException ex) {
			if (!RefusedValues.refusedValue(ex)) {
				throw ex;
			}
			log.warn("PostgreSQL refused a value of a poll of obligations, booking them one by one records={} failure={}",
					poll.size(), RedactedException.describe(ex));
		}
		for (ConsumerRecord<String, String> record : poll) {
			try {
				book(List.of(record), now);
			}
			catch (DataAccessException ex) {
				if (!RefusedValues.refusedValue(ex)) {
					throw ex;
				}
				log.error("PostgreSQL refused a value of an obligation event no check caught, rejecting it topic={} "
						+ "partition={} offset={}", record.topic(), record.partition(), record.offset(),
						RedactedException.of(ex));
				this.transactions.executeWithoutResult((status) -> reject(record, "unstorable",
						"the database refused a value of the event that no check caught", now));
			}
		}
	}

	private void book(List<ConsumerRecord<String, String>> poll, Instant now) {
		this.transactions.executeWithoutResult((status) -> {
			Map<String, Obligation> candidates = new LinkedHashMap<>();
			Map<String, Reduction> reductions = new LinkedHashMap<>();
			Map<Object, Reduction> reductionKeys = new HashMap<>();
			// by event too, as across polls: two items under one event id are a conflict, and the second must not
			// reach the batched insert, whose source_event_id UNIQUE would fail the poll for ever
			SameObligations inPoll = new SameObligations(true);
			Map<Booking, ConsumerRecord<String, String>> sources = new IdentityHashMap<>();
			List<Booking> inOrder = new ArrayList<>();
			List<Obligation> inPollDuplicates = new ArrayList<>();
			List<AnnualTax> annualTaxes = new ArrayList<>();
			for (ConsumerRecord<String, String> record : poll) {
				try {
					Booking booking = record.topic().equals(ASSESSMENTS_TOPIC)
							? this.reader.assessment(Objects.requireNonNull(record.value()))
							: this.reader.payableItem(Objects.requireNonNull(record.value()));
					if (booking instanceof AnnualTax annualTax) {
						annualTaxes.add(annualTax);
						sources.put(annualTax, record);
						continue;
					}
					if (booking instanceof Reduction reduction) {
						Reduction earlier = reductionKeys(reduction).stream()
							.map(reductionKeys::get)
							.filter(Objects::nonNull)
							.findFirst()
							.orElse(null);
						if (earlier == null) {
							reductionKeys(reduction).forEach((key) -> reductionKeys.put(key, reduction));
							reductions.put(reduction.itemId(), reduction);
							sources.put(reduction, record);
							inOrder.add(reduction);
						}
						else if (!earlier.contentHash().equals(reduction.contentHash())) {
							reject(record, "conflict", "another event of this poll books the same item differently", now);
						}
						continue;
					}
					Obligation obligation = (Obligation) booking;
					Obligation earlier = inPoll.first(obligation);
					if (earlier == null) {
						candidates.put(obligation.itemId(), obligation);
						inPoll.add(obligation);
						sources.put(obligation, record);
						inOrder.add(obligation);
					}
					else if (!sameBooking(earlier, obligation)) {
						reject(record, "conflict", "another event of this poll books the same item (or event) differently",
								now);
					}
				}
				catch (RuntimeException ex) {
					String detail = (ex instanceof IllegalArgumentException) ? ex.getMessage() : "not JSON";
					reject(record, "invalid-event", Objects.requireNonNullElse(detail, "unreadable"), now);
				}
			}
			// the years' taxes move no money: they need no taxpayer's lock, and the same one again is found by its keys
			for (AnnualTax conflict : this.annualTaxes.book(annualTaxes, now)) {
				reject(sources.get(conflict), "conflict",
						"the finalization's year's tax is booked already with other content", now);
			}
			if (inOrder.isEmpty()) {
				return;
			}
			this.repository.lock(inOrder.stream().map(Booking::mst).collect(Collectors.toSet()));
			SameObligations booked = new SameObligations(true);
			this.repository.booked(candidates.values()).forEach(booked::add);
			List<Reduction> bookedReductions = this.repository.bookedReductions(reductions.values());
			List<Booking> fresh = new ArrayList<>();
			for (Booking candidate : inOrder) {
				if (candidate instanceof Reduction reduction) {
					Reduction existing = bookedReductions.stream()
						.filter((r) -> !Collections.disjoint(reductionKeys(r), reductionKeys(reduction)))
						.findFirst()
						.orElse(null);
					if (existing == null) {
						fresh.add(reduction);
					}
					else if ((!reduction.ofInterest() && !existing.itemId().equals(reduction.itemId()))
							|| !existing.contentHash().equals(reduction.contentHash())) {
						reject(sources.get(candidate), "conflict", "the item is booked already with other content", now);
					}
					continue;
				}
				Obligation obligation = (Obligation) candidate;
				Obligation existing = booked.first(obligation);
				if (existing == null) {
					fresh.add(obligation);
				}
				else if (!sameBooking(existing, obligation)) {
					reject(sources.get(candidate), "conflict",
							"the item (or interest day) is booked already with other content", now);
				}
				else {
					inPollDuplicates.add(obligation);
				}
			}
			for (Reduction refused : this.ledger.book(withBaseOffices(fresh))) {
				reject(sources.get(refused), "not-reducible", refused.ofInterest()
						? "the interest taken back is more than the interest booked on the payable item"
						: "the decrease is more than the taxpayer was charged for the sub-item and period", now);
			}
			log.debug("Booked obligations count={} duplicates={}", fresh.size(), inPollDuplicates.size());
		});
	}

	/**
	 * Interest belongs to the tax office of the item it accrues on (ADR 0022): booked before, or earlier in the
	 * same poll. Other bookings are returned as they are.
	 */
	private List<Booking> withBaseOffices(List<Booking> bookings) {
		Map<String, String> offices = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		boolean interest = false;
		for (Booking booking : bookings) {
			if (booking instanceof Obligation obligation && obligation.kind() == Obligation.Kind.INTEREST
					&& obligation.baseItemId() != null) {
				// its base item earlier in the poll gives the office below; only the others are read
				interest = true;
				if (!offices.containsKey(obligation.baseItemId())) {
					unknown.add(obligation.baseItemId());
				}
			}
			else if (booking instanceof Obligation obligation && obligation.taxOffice() != null) {
				offices.put(obligation.itemId(), obligation.taxOffice());
			}
		}
		if (!interest) {
			return bookings;
		}
		this.repository.offices(unknown).forEach(offices::putIfAbsent);
		return bookings.stream()
			.map((booking) -> (booking instanceof Obligation obligation && obligation.kind() == Obligation.Kind.INTEREST
					&& obligation.baseItemId() != null)
							? obligation.withTaxOffice(offices.get(obligation.baseItemId())) : booking)
			.toList();
	}

	/**
	 * Whether an obligation found under one of its keys is the same booking again (a redelivery, or the same item
	 * or interest day under another event id), not a conflict: the same content and, but for interest (whose item id
	 * is its event id), the same item.
	 */
	private static boolean sameBooking(Obligation first, Obligation again) {
		return first.sameContentAs(again)
				&& (again.kind() == Obligation.Kind.INTEREST || first.itemId().equals(again.itemId()));
	}

	/**
	 * What makes two reductions the same one: the item id, the event, and for interest taken back the item
	 * and day it was found on.
	 */
	private static List<Object> reductionKeys(Reduction reduction) {
		List<Object> keys = new ArrayList<>(3);
		keys.add(new ItemKey(reduction.itemId()));
		keys.add(new EventKey(reduction.sourceEventId()));
		if (reduction.ofInterest()) {
			keys.add(new DayKey(reduction.baseItemId(), reduction.assessedFor()));
		}
		return keys;
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

	}

	private record ItemKey(String itemId) {
	}

	private record EventKey(UUID eventId) {
	}

	private record DayKey(@Nullable String baseItemId, @Nullable LocalDate assessedFor) {
	}

}

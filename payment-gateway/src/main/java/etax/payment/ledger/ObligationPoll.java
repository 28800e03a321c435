package etax.payment.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The bookings of one poll of obligation events, in one transaction: read and de-duplicated within the poll (the
 * first of the same booking counts; another with other content is a conflict), then judged against what is booked
 * already. Each keeps the record it came from, for its rejection ({@link RejectedEvents}).
 */
final class ObligationPoll {

	private final RejectedEvents rejected;

	private final Instant now;

	private final Map<String, Obligation> candidates = new LinkedHashMap<>();

	private final Map<String, Reduction> reductions = new LinkedHashMap<>();

	private final Map<Object, Reduction> reductionKeys = new HashMap<>();

	// by event too, as across polls: two items under one event id are a conflict, and the second must not
	// reach the batched insert, whose source_event_id UNIQUE would fail the poll for ever
	private final SameObligations inPoll = new SameObligations(true);

	private final Map<Booking, ConsumerRecord<String, String>> sources = new IdentityHashMap<>();

	private final List<Booking> inOrder = new ArrayList<>();

	private final List<AnnualTax> annualTaxes = new ArrayList<>();

	private ObligationPoll(RejectedEvents rejected, Instant now) {
		this.rejected = rejected;
		this.now = now;
	}

	/**
	 * Reads a poll; an event that is unreadable, or books what an earlier one of the poll booked differently, is
	 * rejected at once.
	 * @param poll the records, in order
	 * @param reader reads an event
	 * @param rejected keeps the rejected ones
	 * @param now when the poll was read
	 * @return the poll's bookings
	 */
	static ObligationPoll read(List<ConsumerRecord<String, String>> poll, ObligationReader reader,
			RejectedEvents rejected, Instant now) {
		ObligationPoll read = new ObligationPoll(rejected, now);
		read.readAll(poll, reader);
		return read;
	}

	private void readAll(List<ConsumerRecord<String, String>> poll, ObligationReader reader) {
		for (ConsumerRecord<String, String> record : poll) {
			try {
				Booking booking = record.topic().equals(ObligationBooking.ASSESSMENTS_TOPIC)
						? reader.assessment(Objects.requireNonNull(record.value()))
						: reader.payableItem(Objects.requireNonNull(record.value()));
				if (booking instanceof AnnualTax annualTax) {
					this.annualTaxes.add(annualTax);
					this.sources.put(annualTax, record);
					continue;
				}
				if (booking instanceof Reduction reduction) {
					Reduction earlier = BookingKeys.of(reduction).stream()
						.map(this.reductionKeys::get)
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null);
					if (earlier == null) {
						BookingKeys.of(reduction).forEach((key) -> this.reductionKeys.put(key, reduction));
						this.reductions.put(reduction.itemId(), reduction);
						this.sources.put(reduction, record);
						this.inOrder.add(reduction);
					}
					else if (!earlier.contentHash().equals(reduction.contentHash())) {
						reject(record, "conflict", "another event of this poll books the same item differently");
					}
					continue;
				}
				Obligation obligation = (Obligation) booking;
				Obligation earlier = this.inPoll.first(obligation);
				if (earlier == null) {
					this.candidates.put(obligation.itemId(), obligation);
					this.inPoll.add(obligation);
					this.sources.put(obligation, record);
					this.inOrder.add(obligation);
				}
				else if (!BookingKeys.sameBooking(earlier, obligation)) {
					reject(record, "conflict", "another event of this poll books the same item (or event) differently");
				}
			}
			catch (RuntimeException ex) {
				String detail = (ex instanceof IllegalArgumentException) ? ex.getMessage() : "not JSON";
				reject(record, "invalid-event", Objects.requireNonNullElse(detail, "unreadable"));
			}
		}
	}

	/** The years' taxes the poll declares, booked apart: they move no money. */
	List<AnnualTax> annualTaxes() {
		return this.annualTaxes;
	}

	/** The obligations and reductions, the first of each, in the poll's order. */
	List<Booking> inOrder() {
		return this.inOrder;
	}

	/** The obligations among them, to look up as booked. */
	Collection<Obligation> candidates() {
		return this.candidates.values();
	}

	/** The reductions among them, to look up as booked. */
	Collection<Reduction> reductions() {
		return this.reductions.values();
	}

	/** The record a booking of the poll came from. */
	ConsumerRecord<String, String> source(Booking booking) {
		return Objects.requireNonNull(this.sources.get(booking));
	}

	/**
	 * Judges the poll's obligations and reductions against those booked under one of their keys: the same booking
	 * again is a duplicate, with other content a conflict, rejected.
	 * @param bookedObligations the obligations booked under a key of one of the poll's
	 * @param bookedReductions the reductions booked under a key of one of the poll's
	 * @return those never booked, in the poll's order, and how many were duplicates
	 */
	Fresh fresh(List<Obligation> bookedObligations, List<Reduction> bookedReductions) {
		SameObligations booked = new SameObligations(true);
		bookedObligations.forEach(booked::add);
		List<Booking> fresh = new ArrayList<>();
		List<Obligation> duplicates = new ArrayList<>();
		for (Booking candidate : this.inOrder) {
			if (candidate instanceof Reduction reduction) {
				Reduction existing = bookedReductions.stream()
					.filter((r) -> !Collections.disjoint(BookingKeys.of(r), BookingKeys.of(reduction)))
					.findFirst()
					.orElse(null);
				if (existing == null) {
					fresh.add(reduction);
				}
				else if ((!reduction.ofInterest() && !existing.itemId().equals(reduction.itemId()))
						|| !existing.contentHash().equals(reduction.contentHash())) {
					reject(this.sources.get(candidate), "conflict", "the item is booked already with other content");
				}
				continue;
			}
			Obligation obligation = (Obligation) candidate;
			Obligation existing = booked.first(obligation);
			if (existing == null) {
				fresh.add(obligation);
			}
			else if (!BookingKeys.sameBooking(existing, obligation)) {
				reject(this.sources.get(candidate), "conflict",
						"the item (or interest day) is booked already with other content");
			}
			else {
				duplicates.add(obligation);
			}
		}
		return new Fresh(fresh, duplicates.size());
	}

	private void reject(ConsumerRecord<String, String> record, String reason, String detail) {
		this.rejected.reject(record, reason, detail, this.now);
	}

	/**
	 * What a poll books for the first time.
	 * @param bookings the obligations and reductions never booked, in the poll's order
	 * @param duplicates how many obligations were booked already with the same content
	 */
	record Fresh(List<Booking> bookings, int duplicates) {

	}

}

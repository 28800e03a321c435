package etax.payment.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import etax.access.RedactedException;
import etax.payment.sql.RefusedValues;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 *
 * <p>
 * A poll's events are read and judged by {@link ObligationPoll}, interest takes the tax office of its item
 * ({@link InterestOffices}), what is new is allocated by {@link BookingAllocations}, and what is not booked is kept
 * by {@link RejectedEvents}.
 */
@Service
class ObligationBooking {

	static final String PAYABLE_ITEMS_TOPIC = "etax.payable-items.v1";

	static final String ASSESSMENTS_TOPIC = "etax.assessments.v1";

	private static final Logger log = LoggerFactory.getLogger(ObligationBooking.class);

	private final ObligationReader reader = new ObligationReader();

	private final LedgerRepository repository;

	private final ObligationRepository obligations;

	private final ReductionRepository reductions;

	private final AnnualTaxRepository annualTaxes;

	private final BookingAllocations ledger;

	private final InterestOffices offices;

	private final RejectedEvents rejected;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ObligationBooking(LedgerRepository repository, ObligationRepository obligations, ReductionRepository reductions,
			AnnualTaxRepository annualTaxes, BookingAllocations ledger, InterestOffices offices,
			RejectedEvents rejected, PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.obligations = obligations;
		this.reductions = reductions;
		this.annualTaxes = annualTaxes;
		this.ledger = ledger;
		this.offices = offices;
		this.rejected = rejected;
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
				this.transactions.executeWithoutResult((status) -> this.rejected.reject(record, "unstorable",
						"the database refused a value of the event that no check caught", now));
			}
		}
	}

	private void book(List<ConsumerRecord<String, String>> poll, Instant now) {
		this.transactions.executeWithoutResult((status) -> {
			ObligationPoll read = ObligationPoll.read(poll, this.reader, this.rejected, now);
			// the years' taxes move no money: they need no taxpayer's lock, and the same one again is found by its keys
			for (AnnualTax conflict : this.annualTaxes.book(read.annualTaxes(), now)) {
				this.rejected.reject(read.source(conflict), "conflict",
						"the finalization's year's tax is booked already with other content", now);
			}
			if (read.inOrder().isEmpty()) {
				return;
			}
			this.repository.lock(read.inOrder().stream().map(Booking::mst).collect(Collectors.toSet()));
			ObligationPoll.Fresh fresh = read.fresh(this.obligations.booked(read.candidates()),
					this.reductions.bookedReductions(read.reductions()));
			for (Reduction refused : this.ledger.book(this.offices.withBaseOffices(fresh.bookings()))) {
				this.rejected.reject(read.source(refused), "not-reducible", refused.ofInterest()
						? "the interest taken back is more than the interest booked on the payable item"
						: "the decrease is more than the taxpayer was charged for the sub-item and period", now);
			}
			log.debug("Booked obligations count={} duplicates={}", fresh.bookings().size(), fresh.duplicates());
		});
	}

}

package etax.payment.treasury;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import etax.access.RedactedException;
import etax.payment.office.OfficeScope;
import etax.payment.sql.RefusedValues;
import etax.payment.treasury.PostingRepository.Applied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the treasury's acks and tells what is still unanswered.
 *
 * <p>
 * A poll of {@value PostingAcknowledged#TOPIC} is recorded in one transaction: the first ack of a
 * posting moves it to POSTED or REFUSED; a redelivered or repeated ack changes nothing; an ack that
 * contradicts the recorded one, names an unknown posting, cannot be read or holds what PostgreSQL cannot
 * hold ({@link ReceivedAck}) is kept in {@code payment.rejected_event}. Postings newly POSTED are announced in-process
 * ({@link PostingsPosted}) for the ledger, postings newly REFUSED too ({@link PostingsRefused}) for what
 * must take back what it booked before the treasury answered (a refund order). Gauges:
 * {@code etax.payment.treasury.postings.pending} (all unanswered) and
 * {@code etax.payment.treasury.postings.overdue} (unanswered past the ack timeout).
 */
@Service
public class TreasuryAcks {

	private static final Logger log = LoggerFactory.getLogger(TreasuryAcks.class);

	private final PostingRepository postings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final TreasuryProperties properties;

	private final Map<String, Counter> acks = new LinkedHashMap<>();

	private volatile long pending;

	private volatile long overdue;

	TreasuryAcks(PostingRepository postings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, TreasuryProperties properties,
			MeterRegistry meters) {
		this.postings = postings;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.properties = properties;
		for (String outcome : List.of("posted", "refused", "duplicate", "rejected")) {
			this.acks.put(outcome, Counter.builder("etax.payment.treasury.acks")
				.description("Treasury acks by outcome")
				.tag("outcome", outcome)
				.register(meters));
		}
		Gauge.builder("etax.payment.treasury.postings.pending", this, (self) -> self.pending)
			.description("Postings the treasury has not acked yet")
			.register(meters);
		Gauge.builder("etax.payment.treasury.postings.overdue", this, (self) -> self.overdue)
			.description("Postings not acked within etax.payment.treasury.ack-timeout")
			.register(meters);
	}

	/**
	 * Records one poll of acks; throws if it could not be recorded. Should PostgreSQL refuse a value of the poll that
	 * no check caught (SQLState class 22), its records are recorded one by one, each in a transaction of its own, and
	 * one refused alone is kept as {@code unstorable} rather than fail the poll for ever (ADR 0003).
	 */
	public void record(List<ConsumerRecord<String, String>> poll) {
		Instant now = this.clock.instant();
		List<ReceivedAck> received = poll.stream().map((record) -> ReceivedAck.of(record, now)).toList();
		Counts counts;
		try {
			counts = inTransaction(received, now);
		}
		catch (DataAccessException ex) {
			if (!RefusedValues.refusedValue(ex)) {
				throw ex;
			}
			log.warn("PostgreSQL refused a value of a poll of acks, recording them one by one records={} failure={}",
					poll.size(), RedactedException.describe(ex));
			counts = oneByOne(received, now);
		}
		this.acks.get("posted").increment(counts.posted());
		this.acks.get("refused").increment(counts.refused());
		this.acks.get("duplicate").increment(counts.duplicates());
		this.acks.get("rejected").increment(counts.rejected());
		if (counts.refused() > 0) {
			log.debug("Treasury refused postings count={}", counts.refused());
		}
	}

	private Counts oneByOne(List<ReceivedAck> received, Instant now) {
		Counts counts = new Counts(0, 0, 0, 0);
		for (ReceivedAck r : received) {
			try {
				counts = counts.plus(inTransaction(List.of(r), now));
			}
			catch (DataAccessException ex) {
				if (!RefusedValues.refusedValue(ex)) {
					throw ex;
				}
				log.error("PostgreSQL refused a value of a treasury ack no check caught, rejecting it topic={} "
						+ "partition={} offset={}", r.record().topic(), r.record().partition(), r.record().offset(),
						RedactedException.of(ex));
				counts = counts.plus(inTransaction(List.of(r.unstorable()), now));
			}
		}
		return counts;
	}

	private Counts inTransaction(List<ReceivedAck> received, Instant now) {
		Map<UUID, PostingAcknowledged> firsts = new LinkedHashMap<>();
		received.stream()
			.map(ReceivedAck::ack)
			.filter(Objects::nonNull)
			.forEach((ack) -> firsts.putIfAbsent(ack.postingId(), ack));
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			List<Applied> applied = firsts.isEmpty() ? List.of() : this.postings.apply(firsts.values());
			Set<UUID> moved = applied.stream().map(Applied::postingId).collect(Collectors.toSet());
			Map<UUID, String> statuses = firsts.isEmpty() ? Map.of() : this.postings.statuses(firsts.keySet());
			int duplicates = 0;
			int rejected = 0;
			for (ReceivedAck r : received) {
				PostingAcknowledged ack = r.ack();
				if (ack != null && moved.contains(ack.postingId()) && firsts.get(ack.postingId()) == ack) {
					continue;
				}
				String recorded = (ack != null) ? statuses.get(ack.postingId()) : null;
				if (ack != null && ack.status().equals(recorded)) {
					duplicates++;
					continue;
				}
				rejected++;
				String reason = (r.refusal() != null) ? r.refusal() : (ack == null) ? "malformed-ack"
						: (recorded == null) ? "unknown-posting" : "ack-conflict";
				String detail = (r.refusal() != null) ? String.valueOf(r.detail())
						: (ack == null) ? "not a PostingAcknowledged version 1"
								: (recorded == null) ? "no posting has this id" : "the posting was acked " + recorded + " already";
				this.postings.reject(r.record().topic(), r.record().partition(), r.record().offset(),
						String.valueOf(r.record().value()), reason, detail, now);
			}
			List<PostingsPosted.Posted> posted = applied.stream()
				.filter((a) -> a.status().equals("POSTED"))
				.map(Applied::posted)
				.toList();
			if (!posted.isEmpty()) {
				this.events.publishEvent(new PostingsPosted(posted));
			}
			List<PostingsRefused.Refused> refused = applied.stream()
				.filter((a) -> a.status().equals("REFUSED"))
				.map((a) -> new PostingsRefused.Refused(a.postingId(), a.direction(), a.mst(), a.reason()))
				.toList();
			if (!refused.isEmpty()) {
				this.events.publishEvent(new PostingsRefused(refused));
			}
			return new Counts(posted.size(), applied.size() - posted.size(), duplicates, rejected);
		}));
	}

	/**
	 * Where the treasury stands with postings.
	 * @param postingIds the postings
	 * @return {@code REQUESTED}, {@code POSTED} or {@code REFUSED} by posting id, for those that exist
	 */
	public Map<UUID, String> statuses(Collection<UUID> postingIds) {
		return postingIds.isEmpty() ? Map.of() : this.postings.statuses(postingIds);
	}

	/**
	 * Postings unanswered for longer than the ack timeout, in an officer's scope (those of its office's payments,
	 * ADR 0022), oldest first.
	 */
	public List<UnackedPosting> overdue(OfficeScope scope, int page, int size) {
		return this.postings.unacked(this.clock.instant().minus(this.properties.ackTimeout()), scope, page, size);
	}

	/** How many postings in an officer's scope are unanswered for longer than the ack timeout. */
	public long countOverdue(OfficeScope scope) {
		return this.postings.countUnacked(this.clock.instant().minus(this.properties.ackTimeout()), scope);
	}

	/**
	 * Postings the treasury refused, in an officer's scope (those of its office's payments, ADR 0022), oldest
	 * refusal first: each leaves its amount in the treasury receivable for an officer (ADR 0007), and stays
	 * listed, since nothing here records what the officer did.
	 */
	public List<RefusedPosting> refused(OfficeScope scope, int page, int size) {
		return this.postings.refused(scope, page, size);
	}

	/** How many postings in an officer's scope the treasury refused. */
	public long countRefused(OfficeScope scope) {
		return this.postings.countRefused(scope);
	}

	@Scheduled(fixedDelayString = "${etax.payment.treasury.gauge-refresh:10s}")
	void refreshGauges() {
		Instant now = this.clock.instant();
		this.pending = this.postings.countUnacked(now.plusSeconds(1));
		this.overdue = this.postings.countUnacked(now.minus(this.properties.ackTimeout()));
	}

	private record Counts(int posted, int refused, int duplicates, int rejected) {

		Counts plus(Counts other) {
			return new Counts(this.posted + other.posted, this.refused + other.refused,
					this.duplicates + other.duplicates, this.rejected + other.rejected);
		}

	}

}

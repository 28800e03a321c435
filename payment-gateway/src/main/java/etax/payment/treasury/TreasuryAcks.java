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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import etax.payment.office.OfficeScope;
import etax.payment.treasury.PostingRepository.Applied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
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
 * contradicts the recorded one, names an unknown posting or cannot be read is kept in
 * {@code payment.rejected_event}. Postings newly POSTED are announced in-process
 * ({@link PostingsPosted}) for the ledger, postings newly REFUSED too ({@link PostingsRefused}) for what
 * must take back what it booked before the treasury answered (a refund order). Gauges:
 * {@code etax.payment.treasury.postings.pending} (all unanswered) and
 * {@code etax.payment.treasury.postings.overdue} (unanswered past the ack timeout).
 */
@Service
public class TreasuryAcks {

	private static final Logger log = LoggerFactory.getLogger(TreasuryAcks.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The longest refusal reason kept; the treasury's reasons are a sentence. */
	static final int MAX_REASON_LENGTH = 500;

	/**
	 * A reason is one line of text: PostgreSQL refuses NUL in text, and a poll that fails on it would be retried
	 * for ever, stalling the partition; other control characters have no business in what officers read.
	 */
	private static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]{0," + MAX_REASON_LENGTH + "}");

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

	/** Records one poll of acks; throws if the transaction did not commit. */
	public void record(List<ConsumerRecord<String, String>> poll) {
		Instant now = this.clock.instant();
		List<Received> received = poll.stream().map(TreasuryAcks::received).toList();
		Map<UUID, PostingAcknowledged> firsts = new LinkedHashMap<>();
		received.stream()
			.map(Received::ack)
			.filter(Objects::nonNull)
			.forEach((ack) -> firsts.putIfAbsent(ack.postingId(), ack));
		Counts counts = Objects.requireNonNull(this.transactions.execute((status) -> {
			List<Applied> applied = firsts.isEmpty() ? List.of() : this.postings.apply(firsts.values());
			Set<UUID> moved = applied.stream().map(Applied::postingId).collect(Collectors.toSet());
			Map<UUID, String> statuses = firsts.isEmpty() ? Map.of() : this.postings.statuses(firsts.keySet());
			int duplicates = 0;
			int rejected = 0;
			for (Received r : received) {
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
				String reason = (r.invalid() != null) ? "invalid-ack" : (ack == null) ? "malformed-ack"
						: (recorded == null) ? "unknown-posting" : "ack-conflict";
				String detail = (r.invalid() != null) ? r.invalid() : (ack == null) ? "not a PostingAcknowledged version 1"
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
		this.acks.get("posted").increment(counts.posted());
		this.acks.get("refused").increment(counts.refused());
		this.acks.get("duplicate").increment(counts.duplicates());
		this.acks.get("rejected").increment(counts.rejected());
		if (counts.refused() > 0) {
			log.debug("Treasury refused postings count={}", counts.refused());
		}
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

	/**
	 * A record of the poll and the ack it holds, if it holds a valid one.
	 * @param invalid why an ack that could be read is refused, without its text: it never reaches the database
	 */
	private record Received(ConsumerRecord<String, String> record, @Nullable PostingAcknowledged ack,
			@Nullable String invalid) {

	}

	private static Received received(ConsumerRecord<String, String> record) {
		PostingAcknowledged ack = read(record.value());
		if (ack != null && ack.reason() != null && !REASON.matcher(ack.reason()).matches()) {
			return new Received(record, null, "reason must be at most " + MAX_REASON_LENGTH
					+ " characters without control characters");
		}
		return new Received(record, ack, null);
	}

	private record Counts(int posted, int refused, int duplicates, int rejected) {

	}

	private static @Nullable PostingAcknowledged read(@Nullable String value) {
		try {
			JsonNode node = JSON.readTree(value);
			String status = node.path("status").asString("");
			if (node.path("version").asInt(0) != 1 || !(status.equals("POSTED") || status.equals("REFUSED"))) {
				return null;
			}
			return new PostingAcknowledged(UUID.fromString(node.path("eventId").asString()), PostingAcknowledged.TYPE, 1,
					UUID.fromString(node.path("postingId").asString()), status,
					node.path("reason").isString() ? node.path("reason").asString() : null,
					Instant.parse(node.path("ackedAt").asString()));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

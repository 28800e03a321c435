package etax.declaration.notice;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Webhooks and their deliveries in schema {@code filing}. */
@Repository
class WebhookRepository {

	// mapped by column name: the records' property mapper fails over on an exception per camelCase column
	private static final RowMapper<Webhook> WEBHOOK = (row, n) -> new Webhook(row.getObject("id", UUID.class),
			row.getString("filer"), row.getString("taxpayer_mst"), row.getString("url"), row.getString("secret"),
			row.getTimestamp("created_at").toInstant());

	private static final String WEBHOOK_COLUMNS = "id, filer, taxpayer_mst, url, secret, created_at";

	private static final RowMapper<WebhookDelivery> DELIVERY = (row, n) -> {
		Timestamp delivered = row.getTimestamp("delivered_at");
		return new WebhookDelivery(row.getLong("id"), row.getString("notice_type"), row.getObject("event_id", UUID.class),
				row.getObject("return_id", UUID.class), row.getString("status"), row.getInt("attempts"), row.getTimestamp("next_attempt_at").toInstant(), row.getString("last_error"),
				(delivered != null) ? delivered.toInstant() : null);
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	WebhookRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * @param webhook a new webhook
	 * @return whether it was inserted: not if the filer has a webhook with that URL
	 */
	boolean insert(Webhook webhook) {
		return this.jdbc.sql("""
				INSERT INTO filing.webhook (id, filer, taxpayer_mst, url, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (filer, url) WHERE removed_at IS NULL DO NOTHING
				""")
			.params(webhook.id(), webhook.filer(), webhook.taxpayer(), webhook.url(), webhook.secret(),
					Timestamp.from(webhook.createdAt()))
			.update() == 1;
	}

	Optional<UUID> idOf(String filer, String url) {
		return this.jdbc.sql("SELECT id FROM filing.webhook WHERE filer = ? AND url = ? AND removed_at IS NULL")
			.params(filer, url)
			.query(UUID.class)
			.optional();
	}

	/** The webhooks of each of these filers that has any, oldest first. */
	Map<String, List<Webhook>> ofFilers(Collection<String> filers) {
		return grouped("filer", filers, Webhook::filer);
	}

	/** The webhooks each of these taxpayers registered for itself, oldest first. */
	Map<String, List<Webhook>> ofTaxpayers(Collection<String> msts) {
		return grouped("taxpayer_mst", msts, Webhook::taxpayer);
	}

	private Map<String, List<Webhook>> grouped(String column, Collection<String> values, Function<Webhook, String> key) {
		return this.jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM filing.webhook WHERE " + column
				+ " = ANY(?) AND removed_at IS NULL ORDER BY created_at")
			.param(values.toArray(String[]::new))
			.query(WEBHOOK)
			.list()
			.stream()
			.collect(Collectors.groupingBy(key));
	}

	/** The filer's webhooks in use, oldest first. */
	List<Webhook> of(String filer) {
		return this.jdbc.sql("SELECT " + WEBHOOK_COLUMNS
				+ " FROM filing.webhook WHERE filer = ? AND removed_at IS NULL ORDER BY created_at, id")
			.param(filer)
			.query(WEBHOOK)
			.list();
	}

	/** The filer's webhooks in use as it lists them, oldest first. */
	List<WebhookView> views(String filer) {
		return this.jdbc.sql("""
				SELECT id, url, taxpayer_mst, created_at, failures, paused_until FROM filing.webhook
				WHERE filer = ? AND removed_at IS NULL ORDER BY created_at, id
				""")
			.param(filer)
			.query((row, n) -> {
				Timestamp paused = row.getTimestamp("paused_until");
				return new WebhookView(row.getObject("id", UUID.class), row.getString("url"), row.getString("taxpayer_mst"),
						row.getTimestamp("created_at").toInstant(), row.getInt("failures"),
						(paused != null) ? paused.toInstant() : null);
			})
			.list();
	}

	/**
	 * Holds the filer's registrations until this transaction ends, so that two at once cannot both find room under
	 * the limit of webhooks in use.
	 */
	void lockRegistrations(String filer) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('webhook|' || ?, 0))").param(filer).query().singleRow();
	}

	/**
	 * Removes a webhook of the filer in use, and cancels its pending deliveries.
	 * @return whether it was in use
	 */
	boolean remove(UUID id, String filer, Instant at) {
		boolean removed = this.jdbc.sql("UPDATE filing.webhook SET removed_at = ? WHERE id = ? AND filer = ? AND removed_at IS NULL")
			.params(Timestamp.from(at), id, filer)
			.update() == 1;
		if (removed) {
			this.jdbc.sql("""
					UPDATE filing.webhook_delivery SET status = 'CANCELLED', last_error = 'Not sent: the webhook was removed'
					WHERE webhook_id = ? AND status = 'PENDING'
					""").param(id).update();
		}
		return removed;
	}

	/** @return whether the webhook is the filer's and in use, and now signs with the new secret */
	boolean replaceSecret(UUID id, String filer, String secret) {
		return this.jdbc.sql("UPDATE filing.webhook SET secret = ? WHERE id = ? AND filer = ? AND removed_at IS NULL")
			.params(secret, id, filer)
			.update() == 1;
	}

	/** The filer's webhook, in use or removed: a removed one's deliveries stay readable. */
	Optional<Webhook> find(UUID id, String filer) {
		return this.jdbc.sql("SELECT " + WEBHOOK_COLUMNS + " FROM filing.webhook WHERE id = ? AND filer = ?")
			.params(id, filer)
			.query(WEBHOOK)
			.optional();
	}

	/**
	 * Queues deliveries, each at most once per webhook and event: a notice consumed again queues nothing; none to a
	 * webhook removed before; one to a paused webhook is due when the pause ends. One queued by a filing that commits after a removal is cancelled when it falls due
	 * ({@link #claimDue}): the filing takes no lock on the webhook, which every filing of its filer would share.
	 */
	void enqueue(List<NewDelivery> deliveries, Instant at) {
		if (deliveries.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO filing.webhook_delivery (webhook_id, notice_type, event_id, return_id, payload, status,
				    next_attempt_at, created_at)
				SELECT w.id, ?, ?, ?, ?, 'PENDING', GREATEST(?, w.paused_until), ? FROM filing.webhook w
				WHERE w.id = ? AND w.removed_at IS NULL
				ON CONFLICT (webhook_id, event_id) DO NOTHING
				""", deliveries.stream()
			.map((delivery) -> new Object[] { delivery.type(), delivery.eventId(), delivery.returnId(), delivery.payload(),
					Timestamp.from(at), Timestamp.from(at), delivery.webhookId() })
			.toList());
	}

	/**
	 * A delivery to enqueue.
	 * @param webhookId where to
	 * @param type the notice's type
	 * @param eventId the notice's event id
	 * @param returnId the return an acceptance notice is about
	 * @param payload the body
	 */
	record NewDelivery(UUID webhookId, String type, UUID eventId, @Nullable UUID returnId, String payload) {

	}

	/**
	 * Claims up to {@code limit} due deliveries, oldest due first, in one short transaction: each is leased (its next
	 * attempt moved to {@code leaseUntil}) and committed at once, so no transaction stays open while it is sent, and
	 * other dispatchers skip it until its outcome is recorded or the lease ends. A webhook has at most
	 * {@code perWebhook} deliveries in flight here, those of {@code inFlight} counted: one whose receiver is slow to
	 * answer holds that many places, not all of them. None of a paused webhook's is claimed ({@link #pause}: its pause
	 * moves them past its end, but a notice queued or a retry recorded while it was pausing may not have been moved).
	 * A filer's webhooks together have at most {@code perFiler} in flight here: a filer with several webhooks (URLs
	 * that differ by a query string are several) would otherwise hold every place with one batch's notices, each
	 * notice due to each of them. Only deliveries to webhooks in use are claimed; a due one of a
	 * removed webhook (queued by a filing that committed after the removal) is cancelled first, as the removal would
	 * have: it would otherwise take a place of every claim for ever.
	 * @param inFlight how many deliveries to each webhook are in flight here
	 */
	@Transactional
	List<Due> claimDue(Instant now, int limit, Instant leaseUntil, Map<UUID, Integer> inFlight, int perWebhook,
			int perFiler) {
		if (limit <= 0) {
			return List.of();
		}
		this.jdbc.sql("""
				UPDATE filing.webhook_delivery SET status = 'CANCELLED', last_error = 'Not sent: the webhook was removed'
				WHERE id IN (SELECT due.id FROM filing.webhook_delivery due JOIN filing.webhook hook ON hook.id = due.webhook_id
				    WHERE due.status = 'PENDING' AND due.next_attempt_at <= ? AND hook.removed_at IS NOT NULL
				    LIMIT ? FOR UPDATE OF due SKIP LOCKED)
				""").params(Timestamp.from(now), limit).update();
		String[] full = inFlight.entrySet()
			.stream()
			.filter((webhook) -> webhook.getValue() >= perWebhook)
			.map((webhook) -> webhook.getKey().toString())
			.toArray(String[]::new);
		Map<String, Integer> takenByFiler = inFlightByFiler(inFlight);
		String[] fullFilers = takenByFiler.entrySet()
			.stream()
			.filter((filer) -> filer.getValue() >= perFiler)
			.map(Map.Entry::getKey)
			.toArray(String[]::new);
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT due.id, due.webhook_id, hook.filer
				FROM filing.webhook_delivery due JOIN filing.webhook hook ON hook.id = due.webhook_id
				WHERE due.status = 'PENDING' AND due.next_attempt_at <= ? AND hook.removed_at IS NULL
				    AND (hook.paused_until IS NULL OR hook.paused_until <= ?) AND due.webhook_id <> ALL(?::uuid[])
				    AND hook.filer <> ALL(?::text[])
				ORDER BY due.next_attempt_at LIMIT ? FOR UPDATE OF due SKIP LOCKED
				""")
			.params(Timestamp.from(now), Timestamp.from(now), full, fullFilers, limit)
			.query((row, n) -> new Candidate(row.getLong(1), row.getObject(2, UUID.class), row.getString(3)))
			.list();
		Map<UUID, Integer> taken = new HashMap<>(inFlight);
		List<Long> claimable = new ArrayList<>();
		for (Candidate candidate : candidates) {
			if (taken.getOrDefault(candidate.webhookId(), 0) < perWebhook
					&& takenByFiler.getOrDefault(candidate.filer(), 0) < perFiler) {
				taken.merge(candidate.webhookId(), 1, Integer::sum);
				takenByFiler.merge(candidate.filer(), 1, Integer::sum);
				claimable.add(candidate.id());
			}
		}
		Long[] claimed = claimable.toArray(Long[]::new);
		if (claimed.length == 0) {
			return List.of();
		}
		return this.jdbc.sql("""
				UPDATE filing.webhook_delivery d SET next_attempt_at = ?, leased_until = ?
				FROM filing.webhook w
				WHERE w.id = d.webhook_id AND d.id = ANY(?)
				RETURNING d.id, d.webhook_id, d.attempts, d.payload, w.url, w.secret, d.created_at
				""")
			.params(Timestamp.from(leaseUntil), Timestamp.from(leaseUntil), claimed)
			.query((row, n) -> new Due(row.getLong(1), row.getObject(2, UUID.class), row.getInt(3), row.getString(4),
					row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
			.list();
	}

	/** How many deliveries in flight here go to each filer's webhooks, their filers read from the webhooks. */
	private Map<String, Integer> inFlightByFiler(Map<UUID, Integer> inFlight) {
		Map<String, Integer> byFiler = new HashMap<>();
		if (inFlight.isEmpty()) {
			return byFiler;
		}
		this.jdbc.sql("SELECT id, filer FROM filing.webhook WHERE id = ANY(?::uuid[])")
			.param(inFlight.keySet().stream().map(UUID::toString).toArray(String[]::new))
			.query((row) -> {
				Integer count = inFlight.get(row.getObject(1, UUID.class));
				if (count != null) {
					byFiler.merge(row.getString(2), count, Integer::sum);
				}
			});
		return byFiler;
	}

	private record Candidate(long id, UUID webhookId, String filer) {

	}

	void delivered(long id, Instant at) {
		this.jdbc.sql("UPDATE filing.webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, "
				+ "last_error = NULL, leased_until = NULL WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	/**
	 * Records a failed attempt; not of a delivery cancelled while it was in flight, which stays cancelled. Retried, it
	 * is due again at {@code retryAt} or when its webhook's pause ends, whichever is later.
	 */
	void failed(long id, String error, @Nullable Instant retryAt) {
		Timestamp retry = (retryAt != null) ? Timestamp.from(retryAt) : null;
		this.jdbc.sql("""
				UPDATE filing.webhook_delivery d SET attempts = d.attempts + 1, last_error = ?, leased_until = NULL,
				    status = CASE WHEN ?::timestamptz IS NULL THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = GREATEST(COALESCE(?::timestamptz, d.next_attempt_at), w.paused_until)
				FROM filing.webhook w
				WHERE w.id = d.webhook_id AND d.id = ? AND d.status = 'PENDING'
				""")
			.params(error, retry, retry, id)
			.update();
	}

	/**
	 * Pauses a webhook whose receiver gave no answer, unless it is paused already (the other deliveries in flight
	 * when it went down fail too, and must not each double the pause): for twice as long as its last pause, from
	 * {@code first} up to {@code longest}. Its pending deliveries due before the pause ends are moved to its end,
	 * out of the claims' way; not those in flight, whose outcome is still to come (their lease holds them).
	 */
	void pause(UUID webhookId, Instant now, Duration first, Duration longest) {
		this.jdbc.sql("""
				WITH paused AS (
				    UPDATE filing.webhook SET failures = failures + 1,
				        paused_until = ?::timestamptz + make_interval(secs => LEAST(? * power(2, LEAST(failures, 30)), ?))
				    WHERE id = ? AND (paused_until IS NULL OR paused_until <= ?)
				    RETURNING id, paused_until)
				UPDATE filing.webhook_delivery d SET next_attempt_at = p.paused_until FROM paused p
				WHERE d.webhook_id = p.id AND d.status = 'PENDING' AND d.next_attempt_at < p.paused_until
				    AND (d.leased_until IS NULL OR d.leased_until <= ?)
				""")
			.params(Timestamp.from(now), seconds(first), seconds(longest), webhookId, Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/**
	 * Resumes a webhook whose receiver answered, if it was failing: the deliveries its pause moved are due now, but
	 * those in flight, which a claim would send a second time while the first request is open.
	 */
	void resume(UUID webhookId, Instant now) {
		this.jdbc.sql("""
				WITH resumed AS (
				    UPDATE filing.webhook w SET failures = 0, paused_until = NULL
				    FROM (SELECT id, paused_until FROM filing.webhook WHERE id = ? AND failures > 0 FOR NO KEY UPDATE) failing
				    WHERE w.id = failing.id
				    RETURNING w.id, failing.paused_until)
				UPDATE filing.webhook_delivery d SET next_attempt_at = ? FROM resumed r
				WHERE d.webhook_id = r.id AND d.status = 'PENDING' AND d.next_attempt_at = r.paused_until
				    AND (d.leased_until IS NULL OR d.leased_until <= ?)
				""")
			.params(webhookId, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** The webhook's deliveries before one, newest first (index on webhook and id). */
	List<WebhookDelivery> deliveries(UUID webhookId, long before, int size) {
		return this.jdbc.sql("""
				SELECT id, notice_type, event_id, return_id, status, attempts, next_attempt_at, last_error, delivered_at
				FROM filing.webhook_delivery WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?
				""").params(webhookId, before, size).query(DELIVERY).list();
	}

	/** A delivery due now, with where it goes and when its notice was issued. */
	record Due(long id, UUID webhookId, int attempts, String payload, String url, String secret, Instant createdAt) {

	}

}

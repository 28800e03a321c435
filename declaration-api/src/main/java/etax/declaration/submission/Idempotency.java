package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retry safety (PEERS.md: the failure of HMRC's VAT API): a filer's {@code Idempotency-Key} names one
 * filing for good, and the same content sent again by the same filer, with or without a key, finds the
 * return it already filed and had accepted. Concurrent requests with the same key or content are
 * serialised by transaction-scoped advisory locks, so twenty of them file once and all get the same receipt.
 *
 * <p>Replay by content is limited to the filer's own accepted returns because the content digest leaves
 * the signature out (ADR 0010): a return that was not accepted (wrongly signed, say) must be fixable by
 * sending it again correctly signed, and one filer's return, accepted or not, must never answer another
 * filer's filing (a T-VAN's unsigned copy would otherwise block the taxpayer's own filing).
 */
@Component
class Idempotency {

	/**
	 * For each filing (filer, key, content hash; arrays in that order), its earlier filing under its key, else
	 * the earliest accepted return of its content by the same filer: a partial index on (content_sha256,
	 * filed_by, received_at) of the accepted returns serves the latter with or without statistics (V12).
	 */
	static final String FIND_EARLIER = """
			SELECT earlier.return_id, earlier.content_sha256, filing.sha256, earlier.rank
			FROM unnest(?::text[], ?::text[], ?::bpchar[]) WITH ORDINALITY AS filing(filer, key, sha256, position)
			LEFT JOIN LATERAL (
			    SELECT return_id, content_sha256, rank FROM (
			        SELECT return_id, content_sha256, 0 AS rank FROM filing.idempotency_key
			        WHERE filer = filing.filer AND key = filing.key
			        UNION ALL
			        (SELECT id, content_sha256, 1 FROM filing.tax_return
			         WHERE content_sha256 = filing.sha256 AND filed_by = filing.filer AND status = 'ACCEPTED'
			         ORDER BY received_at LIMIT 1)) candidates
			    ORDER BY rank LIMIT 1) earlier ON true
			ORDER BY filing.position
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	Idempotency(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Locks the keys, contents and chains of a group of filings until the transaction ends, in one order
	 * every filing uses (by the locks' hash), so that two transactions never wait for each other crosswise,
	 * then finds each filing's earlier one: under its key first, else the filer's accepted return of the same
	 * content. One round trip
	 * for the locks, one for the lookups, however many filings.
	 * @param filings what each filing locks and looks up
	 * @return for each filing, in order, its earlier filing under its key or the filer's accepted one of its content
	 */
	List<Optional<Earlier>> lockAndFind(List<Lookup> filings) {
		Set<String> locks = new LinkedHashSet<>();
		for (Lookup filing : filings) {
			if (filing.key() != null) {
				locks.add("key|" + filing.filer() + "|" + filing.key());
			}
			locks.add("content|" + filing.contentSha256());
			locks.addAll(filing.chainLocks());
		}
		// The group's statements take arrays whose length changes from one group to the next, so PostgreSQL
		// would plan each afresh on every call (its estimate for an array of unknown length never favours the
		// cached plan): 0.3 ms for the look-up below, more than it takes to run. They are all equality
		// look-ups and inserts, for which the cached plan is the same plan, so the transaction keeps it.
		this.jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(lock))
				FROM (SELECT DISTINCT hashtextextended(name, 0) AS lock FROM unnest(?::text[]) AS name ORDER BY lock) ordered,
				    set_config('plan_cache_mode', 'force_generic_plan', true) AS cached_plans
				""").param(locks.toArray(String[]::new)).query(Long.class).single();
		return this.jdbc.sql(FIND_EARLIER)
			.params(filings.stream().map(Lookup::filer).toArray(String[]::new),
					filings.stream().map(Lookup::key).toArray(String[]::new),
					filings.stream().map(Lookup::contentSha256).toArray(String[]::new))
			.query((row, n) -> {
				UUID returnId = row.getObject(1, UUID.class);
				return (returnId != null) ? Optional.of(new Earlier(returnId, row.getString(3).equals(row.getString(2)),
						row.getInt(4) == 0)) : Optional.<Earlier>empty();
			})
			.list();
	}

	/** Remembers the keys of returns filed now, in one statement. */
	void remember(List<Remembered> keys) {
		if (keys.isEmpty()) {
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO filing.idempotency_key (filer, key, content_sha256, return_id, created_at)
				VALUES (?, ?, ?, ?, ?)
				""", keys.stream()
			.map((key) -> new Object[] { key.filer(), key.key(), key.contentSha256(), key.returnId(),
					Timestamp.from(key.at()) })
			.toList());
	}

	/**
	 * The filer's earliest accepted return of a content, which a filing of that content without a key would
	 * replay (as {@link #FIND_EARLIER} finds it, without its locks: for a dry run).
	 */
	Optional<UUID> acceptedReturnOf(String filer, String contentSha256) {
		return this.jdbc.sql("""
				SELECT id FROM filing.tax_return
				WHERE content_sha256 = ? AND filed_by = ? AND status = 'ACCEPTED'
				ORDER BY received_at LIMIT 1
				""").params(contentSha256, filer).query(UUID.class).optional();
	}

	Optional<UUID> returnOf(String filer, String key) {
		return this.jdbc.sql("SELECT return_id FROM filing.idempotency_key WHERE filer = ? AND key = ?")
			.params(filer, key)
			.query(UUID.class)
			.optional();
	}

	/**
	 * What one filing locks and looks up.
	 * @param filer who files it
	 * @param key the filer's idempotency key, if sent
	 * @param contentSha256 the hash of the content
	 * @param chainLocks the locks of the chains the return is decided against, when it is ({@link ReturnChains#lockName}
	 * of its own chain and of its year's finalization, {@link DateRanges#lockName}); empty otherwise
	 */
	record Lookup(String filer, @Nullable String key, String contentSha256, List<String> chainLocks) {

	}

	/**
	 * A key to remember for a return filed now.
	 * @param filer whose key it is
	 * @param key the filer's idempotency key
	 * @param contentSha256 the hash of the content filed under it
	 * @param returnId the return filed
	 * @param at when
	 */
	record Remembered(String filer, String key, String contentSha256, UUID returnId, Instant at) {

	}

	/**
	 * An earlier filing.
	 * @param returnId the return it filed
	 * @param sameContent whether it was the same content
	 * @param underKey whether it was found under the filing's key (else by its content, with a key that names
	 * nothing yet if the filing sent one)
	 */
	record Earlier(UUID returnId, boolean sameContent, boolean underKey) {

	}

}

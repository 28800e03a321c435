package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retry safety (PEERS.md: the failure of HMRC's VAT API): a filer's {@code Idempotency-Key} names one
 * filing for good, and the same content sent again, with or without a key, finds the return it already
 * filed. Concurrent requests with the same key or content are serialised by transaction-scoped advisory
 * locks, so twenty of them file once and all get the same receipt.
 */
@Component
class Idempotency {

	private final JdbcClient jdbc;

	Idempotency(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the key (if any), the content and the chain (if any) until the transaction ends, always in that
	 * order so that two filings never wait for each other crosswise, then finds an earlier filing: under
	 * the key first, else of the same content. One round trip for the locks, one for the lookup.
	 * @param filer who files
	 * @param key the filer's idempotency key, if sent
	 * @param contentSha256 the hash of the content
	 * @param chainLock the lock of the return's chain, when it has one ({@link ReturnChains#lockName})
	 * @return the earlier filing under this key, or of this content
	 */
	Optional<Earlier> lockAndFind(String filer, @Nullable String key, String contentSha256, @Nullable String chainLock) {
		List<String> locks = new ArrayList<>();
		if (key != null) {
			locks.add("key|" + filer + "|" + key);
		}
		locks.add("content|" + contentSha256);
		if (chainLock != null) {
			locks.add(chainLock);
		}
		this.jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(hashtextextended(name, 0)))
				FROM (SELECT name FROM unnest(?::text[]) WITH ORDINALITY AS lock(name, position) ORDER BY position) ordered
				""").param(locks.toArray(String[]::new)).query(Long.class).single();
		return this.jdbc.sql("""
				SELECT return_id, content_sha256 FROM (
				    SELECT return_id, content_sha256, 0 AS rank FROM filing.idempotency_key
				    WHERE filer = :filer AND key = :key
				    UNION ALL
				    (SELECT id, content_sha256, 1 FROM filing.tax_return WHERE content_sha256 = :sha256
				     ORDER BY received_at LIMIT 1)) earlier
				ORDER BY rank LIMIT 1
				""")
			.param("filer", filer)
			.param("key", key)
			.param("sha256", contentSha256)
			.query((row, n) -> new Earlier(row.getObject(1, UUID.class), contentSha256.equals(row.getString(2))))
			.optional();
	}

	void remember(String filer, @Nullable String key, String contentSha256, UUID returnId, Instant at) {
		if (key != null) {
			this.jdbc.sql("""
					INSERT INTO filing.idempotency_key (filer, key, content_sha256, return_id, created_at)
					VALUES (?, ?, ?, ?, ?)
					""").params(filer, key, contentSha256, returnId, Timestamp.from(at)).update();
		}
	}

	Optional<UUID> returnOf(String filer, String key) {
		return this.jdbc.sql("SELECT return_id FROM filing.idempotency_key WHERE filer = ? AND key = ?")
			.params(filer, key)
			.query(UUID.class)
			.optional();
	}

	/**
	 * An earlier filing.
	 * @param returnId the return it filed
	 * @param sameContent whether it was the same content
	 */
	record Earlier(UUID returnId, boolean sameContent) {

	}

}

package etax.declaration.submission;

import java.sql.Timestamp;
import java.time.Instant;
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
	 * Locks the key (if any) and the content until the transaction ends, then finds an earlier filing.
	 * @param filer who files
	 * @param key the filer's idempotency key, if sent
	 * @param contentSha256 the hash of the content
	 * @return the earlier filing under this key, or of this content
	 */
	Optional<Earlier> lockAndFind(String filer, @Nullable String key, String contentSha256) {
		if (key != null) {
			lock("key|" + filer + "|" + key);
		}
		lock("content|" + contentSha256);
		if (key != null) {
			Optional<Earlier> byKey = this.jdbc
				.sql("SELECT return_id, content_sha256 FROM filing.idempotency_key WHERE filer = ? AND key = ?")
				.params(filer, key)
				.query((row, n) -> new Earlier(row.getObject(1, UUID.class), contentSha256.equals(row.getString(2))))
				.optional();
			if (byKey.isPresent()) {
				return byKey;
			}
		}
		return this.jdbc.sql("SELECT id FROM filing.tax_return WHERE content_sha256 = ? ORDER BY received_at LIMIT 1")
			.param(contentSha256)
			.query(UUID.class)
			.optional()
			.map((returnId) -> new Earlier(returnId, true));
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

	private void lock(String name) {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?, 0))").param(name).query(Integer.class).single();
	}

	/**
	 * An earlier filing.
	 * @param returnId the return it filed
	 * @param sameContent whether it was the same content
	 */
	record Earlier(UUID returnId, boolean sameContent) {

	}

}

package etax.batch.reconciliation.inputs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys banks registered at the gateway, read from its published view {@code payment.bank_keys_v1}
 * (docs/adr/0005-bank-messages.md, docs/adr/0014-reconciliation.md) and never from its tables. Read at
 * every import (a few files a day), so that a key the gateway registers or ends counts at once.
 */
@Component
class BankKeys {

	private final JdbcClient jdbc;

	BankKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BankKey> find(String keyId) {
		return this.jdbc.sql("""
				SELECT key_id, bank_code, algorithm, public_key, valid_from, valid_to FROM payment.bank_keys_v1
				WHERE key_id = ?""")
			.param(keyId)
			.query((row, n) -> new BankKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getObject(5, OffsetDateTime.class).toInstant(), instant(row.getObject(6, OffsetDateTime.class))))
			.optional();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	/**
	 * A bank's registered key.
	 * @param keyId its {@code kid}
	 * @param bankCode the bank
	 * @param algorithm the one algorithm it signs with
	 * @param publicKey X.509 SubjectPublicKeyInfo, base64
	 * @param validFrom first instant it may sign
	 * @param validTo the instant it stops signing, if any
	 */
	record BankKey(String keyId, String bankCode, String algorithm, String publicKey, Instant validFrom,
			@Nullable Instant validTo) {

		boolean validAt(Instant now) {
			return !now.isBefore(this.validFrom) && (this.validTo == null || now.isBefore(this.validTo));
		}

	}

}

package etax.payment.bank;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the bank registry.
 */
@Repository
class BankRepository {

	private final JdbcClient jdbc;

	BankRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BankRow> bank(String bankCode) {
		return this.jdbc.sql("SELECT bank_code, valid_from, valid_to FROM payment.bank WHERE bank_code = ?")
			.param(bankCode)
			.query((row, n) -> new BankRow(row.getString(1), row.getObject(2, LocalDate.class),
					row.getObject(3, LocalDate.class)))
			.optional();
	}

	Optional<KeyRow> key(String keyId) {
		return this.jdbc.sql("""
				SELECT key_id, bank_code, algorithm, public_key, valid_from, valid_to FROM payment.bank_key
				WHERE key_id = ?""")
			.param(keyId)
			.query((row, n) -> new KeyRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class)))
			.optional();
	}


	record BankRow(String bankCode, LocalDate validFrom, @Nullable LocalDate validTo) {

		boolean validOn(LocalDate day) {
			return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
		}

	}

	record KeyRow(String keyId, String bankCode, String algorithm, String publicKey, OffsetDateTime validFrom,
			@Nullable OffsetDateTime validTo) {

	}

}

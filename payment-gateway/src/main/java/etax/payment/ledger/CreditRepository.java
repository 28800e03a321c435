package etax.payment.ledger;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Credits in {@code payment.credit}: money paid that is not applied to an obligation ({@link Credit}); inserted in
 * a batch, then only what remains of each, and the item it waits for, changes.
 */
@Repository
class CreditRepository {

	private static final String CREDIT_COLUMNS = """
			credit_id, mst, sub_item, named_item_id, posting_id, payment_key, amount, remaining, created_seq, paid_on""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	CreditRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** The credits of the taxpayers with something left, and the credits with the ids, whatever their state. */
	List<Credit> credits(Collection<String> msts, Collection<UUID> creditIds) {
		return this.jdbc.query("SELECT " + CREDIT_COLUMNS + " FROM payment.credit WHERE mst = ANY (?) AND remaining > 0"
				+ " UNION SELECT " + CREDIT_COLUMNS + " FROM payment.credit WHERE credit_id = ANY (?::uuid[])",
				(row, n) -> new Credit(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
						row.getString(4), row.getObject(5, UUID.class), row.getString(6), row.getBigDecimal(7),
						row.getBigDecimal(8), row.getObject(10, LocalDate.class), row.getLong(9)),
				(Object) msts.toArray(String[]::new),
				(Object) creditIds.stream().map(UUID::toString).toArray(String[]::new));
	}

	/**
	 * Taxpayers with a general credit left, not too old to offset, beside an open obligation that it would pay: one
	 * of its own sub-item, due or not (the offset within a sub-item), or one of another sub-item due on the day (the
	 * offset across sub-items); after one MST and in MST order, at most a page.
	 */
	List<String> withCreditToOffset(String afterMst, LocalDate today, int limit) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT c.mst FROM payment.credit c
				WHERE c.remaining > 0 AND c.named_item_id IS NULL AND c.mst > ? AND c.paid_on >= ?::date - interval '10 years'
				    AND EXISTS (SELECT 1 FROM payment.obligation o WHERE o.mst = c.mst AND o.owing
				        AND (o.sub_item = c.sub_item OR o.due_date < ?))
				ORDER BY c.mst LIMIT ?""", String.class, afterMst, today, today, limit);
	}

	/**
	 * A recorded correction request that reverses the payment line a posting belongs to: the line's, or the
	 * whole payment's. Its money goes back to the payer once the bank carries it out.
	 * @return the request's number, if one is recorded
	 */
	Optional<String> reverseRequested(UUID postingId) {
		return this.jdbc.query("""
				SELECT r.request_number FROM payment.confirmation_line l
				  JOIN payment.correction_request r ON r.bank_code = l.bank_code AND r.bank_reference = l.bank_reference
				       AND (r.line_number IS NULL OR r.line_number = l.line_number)
				 WHERE l.posting_id = ? AND r.kind = 'REVERSE'
				 ORDER BY r.recorded_at LIMIT 1""", (row, n) -> row.getString(1), postingId).stream().findFirst();
	}

	/**
	 * Holds the recorded payment a posting is a line of against a correction of it being approved, which locks it
	 * {@code FOR NO KEY UPDATE}: shared, so that refunds of one payment's credits do not wait for each other.
	 */
	void holdPayment(UUID postingId) {
		this.jdbc.query("""
				SELECT 1 FROM payment.confirmation c
				JOIN payment.confirmation_line l ON l.bank_code = c.bank_code AND l.bank_reference = c.bank_reference
				WHERE l.posting_id = ? FOR SHARE OF c""", (row, n) -> 1, postingId);
	}

	void insertCredits(List<Credit> credits, Instant at) {
		if (credits.isEmpty()) {
			return;
		}
		this.named.batchUpdate("""
				INSERT INTO payment.credit (credit_id, mst, sub_item, named_item_id, posting_id, payment_key, amount,
				    remaining, paid_on, created_at)
				VALUES (:creditId, :mst, :subItem, :namedItemId, :postingId, :paymentKey, :amount, :remaining, :paidOn,
				    :at)""",
				credits.stream()
					.map((c) -> new MapSqlParameterSource().addValue("creditId", c.creditId())
						.addValue("mst", c.mst())
						.addValue("subItem", c.subItem())
						.addValue("namedItemId", c.namedItemId(), Types.VARCHAR)
						.addValue("postingId", c.postingId())
						.addValue("paymentKey", c.paymentKey())
						.addValue("amount", c.amount())
						.addValue("remaining", c.remaining())
						.addValue("paidOn", c.paidOn())
						.addValue("at", at.atOffset(ZoneOffset.UTC)))
					.toArray(SqlParameterSource[]::new));
	}

	void updateCredits(List<Credit> credits) {
		if (credits.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				UPDATE payment.credit c SET remaining = v.remaining, named_item_id = v.named_item_id
				FROM unnest(?::uuid[], ?::numeric[], ?::text[]) AS v (credit_id, remaining, named_item_id)
				WHERE c.credit_id = v.credit_id""",
				credits.stream().map((c) -> c.creditId().toString()).toArray(String[]::new),
				credits.stream().map((c) -> c.remaining().toPlainString()).toArray(String[]::new),
				credits.stream().map(Credit::namedItemId).toArray(String[]::new));
	}

}

package etax.payment.confirmation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Confirmations and their lines in {@code payment.confirmation} and {@code payment.confirmation_line}.
 * Inserts are idempotent by the natural key (bank code, bank reference) and batched.
 */
@Repository
class ConfirmationRepository {

	private static final String INSERT = """
			INSERT INTO payment.confirmation (bank_code, bank_reference, voucher_number, payer_mst, currency, amount,
			    payment_date, status, treasury_code, treasury_account, area_code, raw_message, content_hash,
			    received_at, kafka_topic, kafka_partition, kafka_offset, recording_id)
			VALUES (:bankCode, :bankReference, :voucherNumber, :payerMst, :currency, :amount, :paymentDate, :status,
			    :treasuryCode, :treasuryAccount, :areaCode, :rawMessage, :contentHash, :receivedAt, :topic, :partition,
			    :offset, :recordingId)
			ON CONFLICT (bank_code, bank_reference) DO NOTHING""";

	private static final String INSERT_LINE = """
			INSERT INTO payment.confirmation_line (bank_code, bank_reference, line_number, posting_id, chapter, sub_item,
			    tax_period, amount, payable_item_id)
			VALUES (:bankCode, :bankReference, :lineNumber, :postingId, :chapter, :subItem, :taxPeriod, :amount,
			    :payableItemId)""";

	private static final String STATES = """
			SELECT c.bank_code, c.bank_reference, c.content_hash, c.recording_id
			FROM payment.confirmation c
			JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient client;

	ConfirmationRepository(NamedParameterJdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/**
	 * Inserts the confirmations whose key is not recorded yet, marking them with the recording id.
	 * Which ones were inserted is read back with {@link #states}: update counts cannot tell, because
	 * the driver rewrites batches ({@code reWriteBatchedInserts}) and then reports no counts.
	 */
	void insertAll(List<ReceivedConfirmation> received, UUID recordingId) {
		this.jdbc.batchUpdate(INSERT, received.stream().map((r) -> parameters(r, recordingId)).toArray(SqlParameterSource[]::new));
	}

	/** The content hash and recording id of each recorded key among those asked. */
	Map<ConfirmationKey, StoredState> states(Collection<ConfirmationKey> keys) {
		Map<ConfirmationKey, StoredState> states = new HashMap<>();
		this.jdbc.getJdbcTemplate().query(STATES, (ResultSet row) -> {
			states.put(new ConfirmationKey(row.getString(1), row.getString(2)),
					new StoredState(row.getString(3), row.getObject(4, UUID.class)));
		}, keys.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				keys.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
		return states;
	}

	void insertLines(List<BankConfirmation> confirmations) {
		SqlParameterSource[] lines = confirmations.stream()
			.flatMap((c) -> IntStream.range(0, c.lines().size()).mapToObj((i) -> lineParameters(c, i)))
			.toArray(SqlParameterSource[]::new);
		this.jdbc.batchUpdate(INSERT_LINE, lines);
	}

	Optional<RecordedConfirmation> find(String bankCode, String bankReference) {
		List<ConfirmationLine> lines = this.client.sql("""
				SELECT chapter, sub_item, tax_period, amount, payable_item_id FROM payment.confirmation_line
				WHERE bank_code = ? AND bank_reference = ? ORDER BY line_number""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> new ConfirmationLine(row.getString(1), row.getString(2),
					new TaxPeriod(row.getString(3)), row.getBigDecimal(4), row.getString(5)))
			.list();
		return this.client.sql("""
				SELECT bank_code, bank_reference, voucher_number, payer_mst, currency, amount, payment_date, status,
				    treasury_code, treasury_account, area_code, content_hash, received_at, kafka_topic, kafka_partition,
				    kafka_offset
				FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> recorded(row, lines))
			.optional();
	}

	private static RecordedConfirmation recorded(ResultSet row, List<ConfirmationLine> lines) throws SQLException {
		BankConfirmation confirmation = new BankConfirmation(row.getString("bank_code"), row.getString("bank_reference"),
				row.getString("voucher_number"), new TaxpayerId(row.getString("payer_mst")), row.getString("currency"),
				row.getBigDecimal("amount"), row.getObject("payment_date", LocalDate.class),
				row.getString("status"), row.getString("treasury_code"), row.getString("treasury_account"),
				row.getString("area_code"), lines);
		return new RecordedConfirmation(confirmation, row.getString("content_hash"),
				row.getObject("received_at", OffsetDateTime.class).toInstant(), new MessagePosition(
						row.getString("kafka_topic"), row.getInt("kafka_partition"), row.getLong("kafka_offset")));
	}

	private static SqlParameterSource parameters(ReceivedConfirmation received, UUID recordingId) {
		BankConfirmation c = received.confirmation();
		return new MapSqlParameterSource().addValue("bankCode", c.bankCode())
			.addValue("bankReference", c.bankReference())
			.addValue("voucherNumber", c.voucherNumber())
			.addValue("payerMst", c.payer().value())
			.addValue("currency", c.currency())
			.addValue("amount", c.amount())
			.addValue("paymentDate", c.paymentDate())
			.addValue("status", c.status())
			.addValue("treasuryCode", c.treasuryCode())
			.addValue("treasuryAccount", c.treasuryAccount())
			.addValue("areaCode", c.areaCode())
			.addValue("rawMessage", received.rawValue())
			.addValue("contentHash", received.contentHash())
			.addValue("receivedAt", utc(received.receivedAt()))
			.addValue("topic", received.source().topic())
			.addValue("partition", received.source().partition())
			.addValue("offset", received.source().offset())
			.addValue("recordingId", recordingId);
	}

	private static SqlParameterSource lineParameters(BankConfirmation c, int index) {
		ConfirmationLine line = c.lines().get(index);
		return new MapSqlParameterSource().addValue("bankCode", c.bankCode())
			.addValue("bankReference", c.bankReference())
			.addValue("lineNumber", index + 1)
			.addValue("postingId", c.postingId(index + 1))
			.addValue("chapter", line.chapter())
			.addValue("subItem", line.subItem())
			.addValue("taxPeriod", line.taxPeriod().value())
			.addValue("amount", line.amount())
			.addValue("payableItemId", line.payableItemId(), Types.VARCHAR);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * What the database holds under a key.
	 * @param contentHash the content hash of the recorded confirmation
	 * @param recordingId the poll that recorded it
	 */
	record StoredState(String contentHash, UUID recordingId) {

	}

}

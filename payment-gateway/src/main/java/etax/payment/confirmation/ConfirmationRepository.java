package etax.payment.confirmation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import etax.ids.TaxpayerId;
import etax.payment.confirmation.ReceivedConfirmation.ConfirmationKey;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static etax.payment.sql.SqlColumns.column;

/**
 * Booked confirmations and their lines in {@code payment.confirmation} and
 * {@code payment.confirmation_line}; pending and failed ones apart in
 * {@code payment.unbooked_confirmation}. Inserts are idempotent by the natural key and batched.
 */
@Repository
class ConfirmationRepository {

	private static final String INSERT = """
			INSERT INTO payment.confirmation (bank_code, bank_reference, voucher_number, payer_mst, payer_on_behalf_mst,
			    currency, exchange_rate, amount, amount_vnd, payment_date, sent_at, status, reversal_of, treasury_code,
			    treasury_account, collecting_agency_code, area_code, raw_message, content_hash, received_at, kafka_topic,
			    kafka_partition, kafka_offset, signed_by, redrive_of, recording_id)
			SELECT c.*, ?::uuid FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::numeric[], ?::numeric[], ?::numeric[], ?::date[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::int[], ?::bigint[],
			    ?::text[], ?::bigint[]) AS c
			ON CONFLICT DO NOTHING""";

	private static final String INSERT_UNBOOKED = """
			INSERT INTO payment.unbooked_confirmation (bank_code, bank_reference, status, payer_mst, amount, currency,
			    payment_date, raw_message, content_hash, received_at, kafka_topic, kafka_partition, kafka_offset,
			    recording_id, redrive_of, collecting_agency_code)
			VALUES (:bankCode, :bankReference, :status, :payerMst, :amount, :currency, :paymentDate, :rawMessage,
			    :contentHash, :receivedAt, :topic, :partition, :offset, :recordingId, :redriveOf, :collectingAgency)
			ON CONFLICT (bank_code, bank_reference, status) DO NOTHING""";

	private static final String INSERT_LINES = """
			INSERT INTO payment.confirmation_line (bank_code, bank_reference, line_number, posting_id, chapter, sub_item,
			    tax_period, amount, amount_vnd, payable_item_id, return_number)
			SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::uuid[], ?::text[], ?::text[], ?::text[],
			    ?::numeric[], ?::numeric[], ?::text[], ?::text[])""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JdbcClient client;

	ConfirmationRepository(NamedParameterJdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	/**
	 * Inserts the confirmations whose key is not recorded yet, marking them with the recording id, in
	 * key order (two transactions inserting overlapping keys then wait for each other, never deadlock).
	 * Which ones were inserted is read back with {@link #states}: an update count cannot tell. A booked
	 * reversal of a payment another transaction recorded a reversal of meanwhile (unique index
	 * {@code confirmation_reversal}) is not inserted either, and has no state under its key. Booked ones,
	 * the bulk of the traffic, go in one statement with an array per column ({@link etax.payment.sql.SqlColumns});
	 * pending and failed ones in a batch.
	 */
	void insertAll(List<ReceivedConfirmation> received, UUID recordingId, boolean booked) {
		if (received.isEmpty()) {
			return;
		}
		if (!booked) {
			this.jdbc.batchUpdate(INSERT_UNBOOKED,
					received.stream().map((r) -> unbookedParameters(r, recordingId)).toArray(SqlParameterSource[]::new));
			return;
		}
		List<BankConfirmation> c = received.stream().map(ReceivedConfirmation::confirmation).toList();
		this.jdbc.getJdbcTemplate().update(INSERT, recordingId, column(c, BankConfirmation::bankCode),
				column(c, BankConfirmation::bankReference), column(c, BankConfirmation::voucherNumber),
				column(c, (b) -> b.payer().value()),
				column(c, (b) -> (b.payerOnBehalf() != null) ? b.payerOnBehalf().value() : null),
				column(c, BankConfirmation::currency), column(c, (b) -> plain(b.exchangeRate())),
				column(c, (b) -> plain(b.amount())), column(c, (b) -> plain(b.amountVnd())),
				column(c, BankConfirmation::paymentDate), column(c, BankConfirmation::sentAt),
				column(c, (b) -> b.status().name()), column(c, BankConfirmation::reversalOf),
				column(c, BankConfirmation::treasuryCode), column(c, BankConfirmation::treasuryAccount),
				column(c, BankConfirmation::collectingAgencyCode), column(c, BankConfirmation::areaCode),
				column(received, (r) -> RejectedMessageRepository.storable(r.rawValue())),
				column(received, ReceivedConfirmation::contentHash), column(received, ReceivedConfirmation::receivedAt),
				column(received, (r) -> r.source().topic()), column(received, (r) -> r.source().partition()),
				column(received, (r) -> r.source().offset()), column(received, ReceivedConfirmation::signedBy),
				column(received, ReceivedConfirmation::redriveOf));
	}

	/** The content hash and recording id of each recorded key among those asked, booked or with a status. */
	Map<ConfirmationKey, StoredState> states(Collection<ConfirmationKey> keys, @Nullable String unbookedStatus) {
		Map<ConfirmationKey, StoredState> states = new HashMap<>();
		if (keys.isEmpty()) {
			return states;
		}
		String sql = (unbookedStatus == null) ? """
				SELECT c.bank_code, c.bank_reference, c.content_hash, c.recording_id
				FROM payment.confirmation c
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)""" : """
				SELECT c.bank_code, c.bank_reference, c.content_hash, c.recording_id
				FROM payment.unbooked_confirmation c
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)
				WHERE c.status = '""" + unbookedStatus + "'";
		this.jdbc.getJdbcTemplate().query(sql, (ResultSet row) -> {
			states.put(new ConfirmationKey(row.getString(1), row.getString(2)),
					new StoredState(row.getString(3), row.getObject(4, UUID.class)));
		}, keys.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				keys.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
		return states;
	}

	/** The message a recorded confirmation came in, for the dead letter of a conflict. */
	String rawMessage(ConfirmationKey key, @Nullable String unbookedStatus) {
		return (unbookedStatus == null)
				? this.client.sql("SELECT raw_message FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?")
					.params(key.bankCode(), key.bankReference())
					.query(String.class)
					.single()
				: this.client.sql("""
						SELECT raw_message FROM payment.unbooked_confirmation
						WHERE bank_code = ? AND bank_reference = ? AND status = ?""")
					.params(key.bankCode(), key.bankReference(), unbookedStatus)
					.query(String.class)
					.single();
	}

	/** What a reversal needs to know of the payments it names, by their key. */
	Map<ConfirmationKey, Reversible> reversible(Collection<ConfirmationKey> originals) {
		Map<ConfirmationKey, Reversible> found = new HashMap<>();
		if (originals.isEmpty()) {
			return found;
		}
		Map<ConfirmationKey, List<String>> lines = new HashMap<>();
		this.jdbc.getJdbcTemplate().query("""
				SELECT o.bank_code, o.bank_reference, o.payer_mst, o.currency, o.amount, o.status, r.bank_reference,
				    o.treasury_code, o.treasury_account, o.area_code, l.chapter, l.sub_item, l.tax_period, l.amount,
				    o.exchange_rate
				FROM payment.confirmation o
				JOIN unnest(?::text[], ?::text[]) AS k (bank_code, bank_reference) USING (bank_code, bank_reference)
				JOIN payment.confirmation_line l ON l.bank_code = o.bank_code AND l.bank_reference = o.bank_reference
				LEFT JOIN payment.confirmation r ON r.bank_code = o.bank_code AND r.reversal_of = o.bank_reference""",
				(ResultSet row) -> {
					ConfirmationKey key = new ConfirmationKey(row.getString(1), row.getString(2));
					lines.computeIfAbsent(key, (k) -> new ArrayList<>())
						.add(Reversals.Coding.line(row.getString(11), row.getString(12), row.getString(13),
								row.getBigDecimal(14)));
					found.put(key, new Reversible(row.getString(3), row.getString(4), row.getBigDecimal(15),
							row.getBigDecimal(5), row.getString(6), row.getString(7), new Reversals.Coding(
									row.getString(8), row.getString(9), row.getString(10), lines.get(key))));
				}, originals.stream().map(ConfirmationKey::bankCode).toArray(String[]::new),
				originals.stream().map(ConfirmationKey::bankReference).toArray(String[]::new));
		return found;
	}

	void insertLines(List<BankConfirmation> confirmations) {
		List<Line> lines = confirmations.stream()
			.flatMap((c) -> IntStream.range(0, c.lines().size()).mapToObj((i) -> new Line(c, i + 1, c.lines().get(i))))
			.toList();
		if (lines.isEmpty()) {
			return;
		}
		this.jdbc.getJdbcTemplate().update(INSERT_LINES, column(lines, (l) -> l.confirmation().bankCode()),
				column(lines, (l) -> l.confirmation().bankReference()), column(lines, Line::number),
				column(lines, (l) -> l.confirmation().postingId(l.number())), column(lines, (l) -> l.line().chapter()),
				column(lines, (l) -> l.line().subItem()), column(lines, (l) -> l.line().taxPeriod().value()),
				column(lines, (l) -> l.line().amount().toPlainString()),
				column(lines, (l) -> l.line().amountVnd(l.confirmation().exchangeRate()).toPlainString()),
				column(lines, (l) -> l.line().payableItemId()), column(lines, (l) -> l.line().returnNumber()));
	}

	Optional<RecordedConfirmation> find(String bankCode, String bankReference) {
		List<ConfirmationLine> lines = new ArrayList<>();
		List<BigDecimal> linesVnd = new ArrayList<>();
		this.client.sql("""
				SELECT chapter, sub_item, tax_period, amount, payable_item_id, return_number, amount_vnd
				FROM payment.confirmation_line WHERE bank_code = ? AND bank_reference = ? ORDER BY line_number""")
			.params(bankCode, bankReference)
			.query((ResultSet row) -> {
				lines.add(new ConfirmationLine(row.getString(1), row.getString(2), new TaxPeriod(row.getString(3)),
						Vouchers.normalized(row.getBigDecimal(4)), row.getString(5), row.getString(6)));
				linesVnd.add(row.getBigDecimal(7));
			});
		return this.client.sql("""
				SELECT c.*, r.redriven_by AS redrive_by, r.redriven_at AS redrive_at
				FROM payment.confirmation c LEFT JOIN payment.rejected_message r ON r.id = c.redrive_of
				WHERE c.bank_code = ? AND c.bank_reference = ?""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> recorded(row, lines, linesVnd))
			.optional();
	}

	/** The pending and failed confirmations recorded under a key, oldest first. */
	List<UnbookedConfirmation> unbooked(String bankCode, String bankReference) {
		return this.client.sql("""
				SELECT u.bank_code, u.bank_reference, u.status, u.payer_mst, u.amount, u.currency, u.payment_date,
				    u.content_hash, u.received_at, u.kafka_topic, u.kafka_partition, u.kafka_offset, u.redrive_of,
				    r.redriven_by AS redrive_by, r.redriven_at AS redrive_at, u.collecting_agency_code
				FROM payment.unbooked_confirmation u LEFT JOIN payment.rejected_message r ON r.id = u.redrive_of
				WHERE u.bank_code = ? AND u.bank_reference = ? ORDER BY u.received_at""")
			.params(bankCode, bankReference)
			.query((row, rowNumber) -> new UnbookedConfirmation(row.getString(1), row.getString(2), row.getString(3),
					row.getString(4), Vouchers.normalized(row.getBigDecimal(5)), row.getString(6),
					row.getObject(7, LocalDate.class), row.getString(8),
					row.getObject(9, OffsetDateTime.class).toInstant(),
					new MessagePosition(row.getString(10), row.getInt(11), row.getLong(12)), redrive(row),
					row.getString("collecting_agency_code")))
			.list();
	}

	private static RecordedConfirmation recorded(ResultSet row, List<ConfirmationLine> lines, List<BigDecimal> linesVnd)
			throws SQLException {
		String onBehalf = row.getString("payer_on_behalf_mst");
		BigDecimal rate = row.getBigDecimal("exchange_rate");
		OffsetDateTime sentAt = row.getObject("sent_at", OffsetDateTime.class);
		BankConfirmation confirmation = new BankConfirmation(row.getString("bank_code"), row.getString("bank_reference"),
				row.getString("voucher_number"), new TaxpayerId(row.getString("payer_mst")),
				(onBehalf != null) ? new TaxpayerId(onBehalf) : null, row.getString("currency"),
				(rate != null) ? Vouchers.normalized(rate) : null, Vouchers.normalized(row.getBigDecimal("amount")),
				row.getObject("payment_date", LocalDate.class),
				(sentAt != null) ? sentAt.toInstant() : row.getObject("received_at", OffsetDateTime.class).toInstant(),
				BankConfirmation.Status.valueOf(row.getString("status")), row.getString("reversal_of"),
				row.getString("treasury_code"), row.getString("treasury_account"),
				(row.getString("collecting_agency_code") != null) ? row.getString("collecting_agency_code") : "",
				row.getString("area_code"), lines);
		return new RecordedConfirmation(confirmation, row.getString("content_hash"),
				row.getObject("received_at", OffsetDateTime.class).toInstant(),
				new MessagePosition(row.getString("kafka_topic"), row.getInt("kafka_partition"),
						row.getLong("kafka_offset")),
				row.getBigDecimal("amount_vnd"), linesVnd, redrive(row));
	}

	/** Where a confirmation came from when an officer re-drove it, else null: the bank's own message. */
	private static @Nullable RedriveOrigin redrive(ResultSet row) throws SQLException {
		long rejection = row.getLong("redrive_of");
		if (row.wasNull()) {
			return null;
		}
		OffsetDateTime at = row.getObject("redrive_at", OffsetDateTime.class);
		return new RedriveOrigin(rejection, String.valueOf(row.getString("redrive_by")),
				(at != null) ? at.toInstant() : null);
	}

	/** The parameters of {@link #INSERT_UNBOOKED}: what is kept of a pending or failed confirmation. */
	private static SqlParameterSource unbookedParameters(ReceivedConfirmation received, UUID recordingId) {
		BankConfirmation c = received.confirmation();
		return new MapSqlParameterSource().addValue("bankCode", c.bankCode())
			.addValue("bankReference", c.bankReference())
			.addValue("status", c.status().name())
			.addValue("payerMst", c.payer().value())
			.addValue("amount", c.amount())
			.addValue("currency", c.currency())
			.addValue("paymentDate", c.paymentDate())
			.addValue("rawMessage", RejectedMessageRepository.storable(received.rawValue()))
			.addValue("contentHash", received.contentHash())
			.addValue("receivedAt", utc(received.receivedAt()))
			.addValue("topic", received.source().topic())
			.addValue("partition", received.source().partition())
			.addValue("offset", received.source().offset())
			.addValue("recordingId", recordingId)
			.addValue("redriveOf", received.redriveOf(), Types.BIGINT)
			.addValue("collectingAgency", c.collectingAgencyCode());
	}

	private static @Nullable String plain(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A confirmation's line with its number (from 1). */
	private record Line(BankConfirmation confirmation, int number, ConfirmationLine line) {

	}

	/**
	 * What the database holds under a key.
	 * @param contentHash the content hash of the recorded confirmation
	 * @param recordingId the poll that recorded it
	 */
	record StoredState(String contentHash, UUID recordingId) {

	}

	/**
	 * A payment as a reversal naming it sees it.
	 * @param payerMst the payer
	 * @param currency its currency
	 * @param exchangeRate its rate, VND per unit of its currency, or null for VND: what its lines were applied and
	 * posted at in VND
	 * @param amount its total
	 * @param status its status
	 * @param reversedBy the reference of its reversal, if one is recorded
	 * @param coding its treasury, account, area and lines
	 */
	record Reversible(String payerMst, String currency, @Nullable BigDecimal exchangeRate, BigDecimal amount,
			String status, @Nullable String reversedBy, Reversals.Coding coding) {

	}

}

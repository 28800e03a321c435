package etax.payment.confirmation;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import static etax.payment.sql.SqlColumns.column;

/**
 * Booked confirmations and their lines in {@code payment.confirmation} and
 * {@code payment.confirmation_line}; pending and failed ones apart in
 * {@code payment.unbooked_confirmation}. Inserts are idempotent by the natural key and batched. What the
 * rows hold is read back by {@link ConfirmationStateRepository} (to judge a poll against them),
 * {@link RecordedConfirmationRepository} (what was recorded under a reference) and
 * {@link ReversiblePaymentRepository} (what a reversal names).
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

	ConfirmationRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the confirmations whose key is not recorded yet, marking them with the recording id, in
	 * key order (two transactions inserting overlapping keys then wait for each other, never deadlock).
	 * Which ones were inserted is read back with {@link ConfirmationStateRepository#states}: an update count
	 * cannot tell. A booked reversal of a payment another transaction recorded a reversal of meanwhile (unique
	 * index {@code confirmation_reversal}) is not inserted either, and has no state under its key. Booked ones,
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

}

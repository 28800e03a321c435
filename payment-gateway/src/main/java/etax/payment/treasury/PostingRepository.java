package etax.payment.treasury;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static etax.payment.sql.SqlColumns.column;

/**
 * Treasury postings and their acks in {@code payment.treasury_posting}. A posting moves from
 * REQUESTED to POSTED or REFUSED once; a conditional update makes a redelivered ack change nothing.
 */
@Repository
class PostingRepository {

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	PostingRepository(JdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	void insertAll(List<PostingRequested> requests, Instant requestedAt) {
		this.jdbc.update("""
				INSERT INTO payment.treasury_posting (posting_id, mst, bank_code, bank_reference, line_number, direction,
				    treasury_code, sub_item, amount_vnd, payment_date, requested_at)
				SELECT r.posting_id, r.mst, r.bank_code, r.bank_reference, r.line_number, r.direction, r.treasury_code,
				    r.sub_item, r.amount_vnd, r.payment_date, ?
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
				    ?::numeric[], ?::date[])
				    AS r (posting_id, mst, bank_code, bank_reference, line_number, direction, treasury_code, sub_item,
				    amount_vnd, payment_date)
				ON CONFLICT (posting_id) DO NOTHING""", requestedAt.atOffset(ZoneOffset.UTC),
				column(requests, (r) -> r.postingId().toString()), column(requests, PostingRequested::mst),
				column(requests, PostingRequested::bankCode), column(requests, PostingRequested::bankReference),
				column(requests, (r) -> Integer.toString(r.lineNumber())), column(requests, PostingRequested::direction),
				column(requests, PostingRequested::treasuryCode), column(requests, PostingRequested::subItem),
				column(requests, (r) -> r.amountVnd().toPlainString()),
				column(requests, (r) -> r.paymentDate().toString()));
	}

	/**
	 * Remembers re-codings until the treasury acks them: the voucher line is the payment line the money was paid
	 * with, the sub-item the one it goes to.
	 */
	void insertRecodings(List<RecodingRequested> requests, Instant requestedAt) {
		this.jdbc.update("""
				INSERT INTO payment.treasury_posting (posting_id, mst, bank_code, bank_reference, line_number, direction,
				    treasury_code, sub_item, amount_vnd, payment_date, requested_at, from_sub_item, recoding_of)
				SELECT r.posting_id, r.mst, r.bank_code, r.bank_reference, r.line_number, r.direction, r.treasury_code,
				    r.sub_item, r.amount_vnd, r.payment_date, ?, r.from_sub_item, r.recoding_of
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
				    ?::numeric[], ?::date[], ?::text[], ?::uuid[])
				    AS r (posting_id, mst, bank_code, bank_reference, line_number, direction, treasury_code, sub_item,
				    amount_vnd, payment_date, from_sub_item, recoding_of)
				ON CONFLICT (posting_id) DO NOTHING""", requestedAt.atOffset(ZoneOffset.UTC),
				column(requests, (r) -> r.postingId().toString()), column(requests, RecodingRequested::mst),
				column(requests, RecodingRequested::bankCode), column(requests, RecodingRequested::bankReference),
				column(requests, (r) -> Integer.toString(r.lineNumber())), column(requests, RecodingRequested::direction),
				column(requests, RecodingRequested::treasuryCode), column(requests, RecodingRequested::subItem),
				column(requests, (r) -> r.amountVnd().toPlainString()),
				column(requests, (r) -> r.paymentDate().toString()), column(requests, RecodingRequested::fromSubItem),
				column(requests, (r) -> r.recodingOf().toString()));
	}

	/**
	 * Remembers a refund order until the treasury acks it: the voucher line is the payment line the money was paid
	 * with, the sub-item the one it is paid out of.
	 */
	void insertRefund(RefundRequested r, Instant requestedAt) {
		this.client.sql("""
				INSERT INTO payment.treasury_posting (posting_id, mst, bank_code, bank_reference, line_number, direction,
				    treasury_code, sub_item, amount_vnd, payment_date, requested_at, refund_of)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (posting_id) DO NOTHING""")
			.params(r.postingId(), r.mst(), r.bankCode(), r.bankReference(), r.lineNumber(), r.direction(),
					r.treasuryCode(), r.subItem(), r.amountVnd(), r.paymentDate(), requestedAt.atOffset(ZoneOffset.UTC),
					r.refundOf())
			.update();
	}

	/** The recorded payment lines of the posting ids, as the treasury was asked to post them. */
	Map<UUID, RecodingRequested.PaidLine> paidLines(Collection<UUID> postingIds) {
		Map<UUID, RecodingRequested.PaidLine> lines = new HashMap<>();
		this.jdbc.query("""
				SELECT l.posting_id, c.bank_code, c.bank_reference, l.line_number, l.chapter, l.tax_period, c.area_code,
				    c.collecting_agency_code, c.treasury_code, c.treasury_account
				FROM payment.confirmation_line l
				JOIN payment.confirmation c ON c.bank_code = l.bank_code AND c.bank_reference = l.bank_reference
				WHERE l.posting_id = ANY (?::uuid[])""", (ResultSet row) -> {
			UUID postingId = row.getObject(1, UUID.class);
			lines.put(postingId, new RecodingRequested.PaidLine(postingId, row.getString(2), row.getString(3),
					row.getInt(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
					row.getString(9), row.getString(10)));
		}, (Object) postingIds.stream().map(UUID::toString).toArray(String[]::new));
		return lines;
	}

	/**
	 * Applies the first ack of each posting that is still REQUESTED.
	 * @return the postings this call moved, with their new state
	 */
	List<Applied> apply(Collection<PostingAcknowledged> acks) {
		List<PostingAcknowledged> list = List.copyOf(acks);
		return this.jdbc.query("""
				UPDATE payment.treasury_posting p
				SET status = a.status, acked_at = a.acked_at, ack_reason = a.reason, ack_event_id = a.event_id
				FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::uuid[])
				    AS a (posting_id, status, acked_at, reason, event_id)
				WHERE p.posting_id = a.posting_id AND p.status = 'REQUESTED'
				RETURNING p.posting_id, p.status, p.direction, p.treasury_code, p.sub_item, p.amount_vnd, p.acked_at,
				    p.from_sub_item, p.mst, p.ack_reason""",
				(ResultSet row, int n) -> new Applied(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
						row.getString(9), row.getString(4), row.getString(5), row.getBigDecimal(6),
						row.getObject(7, OffsetDateTime.class).toInstant(), row.getString(8), row.getString(10)),
				column(list, (a) -> a.postingId().toString()), column(list, PostingAcknowledged::status),
				column(list, (a) -> a.ackedAt().toString()), column(list, PostingAcknowledged::reason),
				column(list, (a) -> a.eventId().toString()));
	}

	/** The status of each known posting among those asked. */
	Map<UUID, String> statuses(Collection<UUID> postingIds) {
		Map<UUID, String> statuses = new HashMap<>();
		this.jdbc.query("SELECT posting_id, status FROM payment.treasury_posting WHERE posting_id = ANY (?::uuid[])",
				(ResultSet row) -> {
					statuses.put(row.getObject(1, UUID.class), row.getString(2));
				}, (Object) postingIds.stream().map(UUID::toString).toArray(String[]::new));
		return statuses;
	}

	/**
	 * Postings unanswered since before an instant, in an officer's scope: a posting is of the office of its
	 * payment's collecting agency (ADR 0022).
	 */
	List<UnackedPosting> unacked(Instant requestedBefore, OfficeScope scope, int page, int size) {
		Condition ofOffice = scope.onCollectingAgency("c.collecting_agency_code");
		return this.client.sql("""
				SELECT t.posting_id, t.bank_code, t.bank_reference, t.line_number, t.direction, t.treasury_code,
				    t.sub_item, t.amount_vnd, t.payment_date, t.requested_at
				FROM payment.treasury_posting t LEFT JOIN payment.confirmation c
				    ON c.bank_code = t.bank_code AND c.bank_reference = t.bank_reference
				WHERE t.status = 'REQUESTED' AND t.requested_at < ? AND\s""" + ofOffice.sql() + """

				ORDER BY t.requested_at, t.posting_id LIMIT ? OFFSET ?""")
			.params(Stream.concat(Stream.of(requestedBefore.atOffset(ZoneOffset.UTC)),
					ofOffice.with(size, (long) page * size).stream()).toList())
			.query((row, n) -> new UnackedPosting(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getInt(4), row.getString(5), row.getString(6), row.getString(7), row.getBigDecimal(8),
					row.getObject(9, LocalDate.class), row.getObject(10, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** How many postings are unanswered since before an instant, all of them (the gauge). */
	long countUnacked(Instant requestedBefore) {
		return this.client.sql("SELECT count(*) FROM payment.treasury_posting WHERE status = 'REQUESTED' AND requested_at < ?")
			.param(requestedBefore.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	long countUnacked(Instant requestedBefore, OfficeScope scope) {
		Condition ofOffice = scope.onCollectingAgency("c.collecting_agency_code");
		return this.client.sql("""
				SELECT count(*) FROM payment.treasury_posting t LEFT JOIN payment.confirmation c
				    ON c.bank_code = t.bank_code AND c.bank_reference = t.bank_reference
				WHERE t.status = 'REQUESTED' AND t.requested_at < ? AND\s""" + ofOffice.sql())
			.params(Stream.concat(Stream.of(requestedBefore.atOffset(ZoneOffset.UTC)), ofOffice.parameters().stream())
				.toList())
			.query(Long.class)
			.single();
	}

	/**
	 * Postings the treasury refused, in an officer's scope (the office of the payment's collecting agency), oldest
	 * refusal first (index {@code treasury_posting_refused}).
	 */
	List<RefusedPosting> refused(OfficeScope scope, int page, int size) {
		Condition ofOffice = scope.onCollectingAgency("c.collecting_agency_code");
		return this.client.sql("""
				SELECT t.posting_id, t.mst, t.bank_code, t.bank_reference, t.line_number, t.direction, t.treasury_code,
				    t.sub_item, t.amount_vnd, t.payment_date, t.requested_at, t.acked_at, t.ack_reason
				FROM payment.treasury_posting t LEFT JOIN payment.confirmation c
				    ON c.bank_code = t.bank_code AND c.bank_reference = t.bank_reference
				WHERE t.status = 'REFUSED' AND\s""" + ofOffice.sql() + """

				ORDER BY t.acked_at, t.posting_id LIMIT ? OFFSET ?""")
			.params(ofOffice.with(size, (long) page * size))
			.query((row, n) -> new RefusedPosting(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getString(4), row.getInt(5), row.getString(6), row.getString(7), row.getString(8),
					row.getBigDecimal(9), row.getObject(10, LocalDate.class),
					row.getObject(11, OffsetDateTime.class).toInstant(),
					row.getObject(12, OffsetDateTime.class).toInstant(), row.getString(13)))
			.list();
	}

	long countRefused(OfficeScope scope) {
		Condition ofOffice = scope.onCollectingAgency("c.collecting_agency_code");
		return this.client.sql("""
				SELECT count(*) FROM payment.treasury_posting t LEFT JOIN payment.confirmation c
				    ON c.bank_code = t.bank_code AND c.bank_reference = t.bank_reference
				WHERE t.status = 'REFUSED' AND\s""" + ofOffice.sql())
			.params(ofOffice.parameters())
			.query(Long.class)
			.single();
	}

	void reject(String topic, int partition, long offset, String value, String reason, String detail, Instant at) {
		this.jdbc.update("""
				INSERT INTO payment.rejected_event (kafka_topic, kafka_partition, kafka_offset, raw_value, reason, detail,
				    received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO NOTHING""", topic,
				partition, offset, value.replace('\u0000', '\uFFFD'), reason, detail, at.atOffset(ZoneOffset.UTC));
	}

	/** A posting an ack moved; a re-coding names the sub-item the money left, a refusal may say why. */
	record Applied(UUID postingId, String status, String direction, String mst, String treasuryCode, String subItem,
			java.math.BigDecimal amountVnd, Instant ackedAt, @Nullable String fromSubItem, @Nullable String reason) {

		PostingsPosted.Posted posted() {
			return new PostingsPosted.Posted(this.postingId, this.direction, this.mst, this.treasuryCode, this.subItem,
					this.amountVnd, this.ackedAt, this.fromSubItem);
		}

	}

}

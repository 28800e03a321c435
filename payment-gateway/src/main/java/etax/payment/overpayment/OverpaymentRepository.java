package etax.payment.overpayment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.payment.office.OfficeScope.Condition;
import etax.payment.overpayment.OverpaymentRequest.Decision;
import etax.payment.overpayment.OverpaymentRequest.Payee;
import etax.payment.overpayment.OverpaymentRequest.Target;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Overpayment requests and their decisions in {@code payment.overpayment_request} and
 * {@code payment.overpayment_decision}: inserted once, never updated (triggers refuse both); a request's decision
 * has the request as primary key, so a second decision is refused whatever raced it.
 */
@Repository
class OverpaymentRepository {

	private static final String SELECT = """
			SELECT r.request_id, r.mst, r.credit_id, r.kind, r.amount, r.document_number, r.target_item_id, r.target_mst,
			    r.relation, r.payee_bank_code, r.payee_account, r.payee_name, r.requested_by, r.requested_at,
			    r.collecting_agency_code, d.outcome, d.decided_by, d.reason, d.decided_at, d.entry_id, d.posting_id,
			    p.status
			FROM payment.overpayment_request r LEFT JOIN payment.overpayment_decision d ON d.request_id = r.request_id
			LEFT JOIN payment.treasury_posting p ON p.posting_id = d.posting_id
			""";

	private final JdbcClient jdbc;

	OverpaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The collecting agency of the payment a taxpayer's credit comes from, the credit's office (ADR 0022); empty
	 * when the taxpayer has no such credit.
	 */
	Optional<Agency> agencyOfCredit(UUID creditId, String mst) {
		return this.jdbc.sql("""
				SELECT p.collecting_agency_code FROM payment.credit c
				JOIN payment.confirmation_line l ON l.posting_id = c.posting_id
				JOIN payment.confirmation p ON p.bank_code = l.bank_code AND p.bank_reference = l.bank_reference
				WHERE c.credit_id = ? AND c.mst = ?""")
			.params(creditId, mst)
			.query((row, n) -> new Agency(row.getString(1)))
			.optional();
	}

	/**
	 * Holds a taxpayer's requests under one document number until the transaction ends, so that the same
	 * 01/ĐNXLNT recorded twice at once, on any instances, is judged one after the other.
	 */
	void lockDocument(String mst, String documentNumber) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('overpayment|' || ? || '|' || ?, 0))")
			.params(mst, documentNumber)
			.query((row, n) -> 1)
			.single();
	}

	/** A taxpayer's requests under a document number, the oldest first. */
	List<OverpaymentRequest> byDocument(String mst, String documentNumber) {
		return this.jdbc.sql(SELECT + "WHERE r.mst = ? AND r.document_number = ? ORDER BY r.requested_at, r.request_id")
			.params(mst, documentNumber)
			.query((row, n) -> stored(row).request())
			.list();
	}

	void insert(Stored request) {
		OverpaymentRequest r = request.request();
		Target target = r.target();
		Payee payee = r.payee();
		this.jdbc.sql("""
				INSERT INTO payment.overpayment_request (request_id, mst, credit_id, kind, amount, document_number,
				    target_item_id, target_mst, relation, payee_bank_code, payee_account, payee_name, collecting_agency_code,
				    requested_by, requested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.requestId(), r.mst(), r.creditId(), r.kind(), r.amount(), r.documentNumber(),
					(target != null) ? target.payableItemId() : null, (target != null) ? target.mst() : null,
					(target != null) ? target.relation() : null, (payee != null) ? payee.bankCode() : null,
					(payee != null) ? payee.account() : null, (payee != null) ? payee.name() : null, request.agency(),
					r.requestedBy(), OffsetDateTime.ofInstant(r.requestedAt(), ZoneOffset.UTC))
			.update();
	}

	Optional<Stored> find(UUID requestId) {
		return this.jdbc.sql(SELECT + "WHERE r.request_id = ?").param(requestId).query((row, n) -> stored(row)).optional();
	}

	/** The request whose approval ordered a refund, by the order's posting id. */
	Optional<Stored> byPosting(UUID postingId) {
		return this.jdbc.sql(SELECT + "WHERE d.posting_id = ?").param(postingId).query((row, n) -> stored(row)).optional();
	}

	/**
	 * A taxpayer's requests whose row is in a scope (a condition on {@code r.collecting_agency_code}), the latest
	 * first (index overpayment_request_taxpayer, read backwards), from after the last one of the previous page:
	 * a page read after new requests were recorded neither repeats nor skips any, as an offset would.
	 * @param before the last request of the previous page, null for the latest
	 * @param pending whether only the requests waiting for a decision
	 * @param limit the most requests
	 */
	List<OverpaymentRequest> list(String mst, Condition scope, @Nullable OverpaymentRequestCursor before,
			boolean pending, int limit) {
		List<Object> parameters = new ArrayList<>(scope.with(mst));
		String after = pending ? " AND d.request_id IS NULL" : "";
		if (before != null) {
			// the first condition alone bounds the index scan; the second orders requests recorded at the same time
			after += " AND r.requested_at <= ? AND (r.requested_at < ? OR r.request_id > ?)";
			OffsetDateTime at = OffsetDateTime.ofInstant(before.requestedAt(), ZoneOffset.UTC);
			parameters.addAll(List.of(at, at, before.requestId()));
		}
		parameters.add(limit);
		return this.jdbc
			.sql(SELECT + "WHERE " + scope.sql() + " AND r.mst = ?" + after
					+ " ORDER BY r.requested_at DESC, r.request_id LIMIT ?")
			.params(parameters)
			.query((row, n) -> stored(row).request())
			.list();
	}

	/**
	 * How many of a taxpayer's requests have their row in a scope, as {@link #list} reads them.
	 * @param pending whether only the requests waiting for a decision
	 */
	long count(String mst, Condition scope, boolean pending) {
		return this.jdbc
			.sql("SELECT count(*) FROM payment.overpayment_request r WHERE " + scope.sql() + " AND r.mst = ?"
					+ (pending ? " AND NOT EXISTS (SELECT FROM payment.overpayment_decision d"
							+ " WHERE d.request_id = r.request_id)" : ""))
			.params(scope.with(mst))
			.query(Long.class)
			.single();
	}

	/** Inserts a decision unless the request has one. @return whether this call inserted it */
	boolean decide(Stored request, Decision decision) {
		return this.jdbc.sql("""
				INSERT INTO payment.overpayment_decision (request_id, outcome, requested_by, decided_by, reason, entry_id,
				    posting_id, decided_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")
			.params(request.request().requestId(), decision.outcome(), request.request().requestedBy(),
					decision.decidedBy(), decision.reason(), decision.entryId(), decision.postingId(),
					OffsetDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC))
			.update() == 1;
	}

	private static Stored stored(ResultSet row) throws SQLException {
		String targetItem = row.getString(7);
		String payeeBank = row.getString(10);
		String outcome = row.getString(16);
		Decision decision = (outcome != null) ? new Decision(outcome, row.getString(17), row.getString(18),
				instant(row, 19), row.getObject(20, UUID.class), row.getObject(21, UUID.class), row.getString(22)) : null;
		OverpaymentRequest request = new OverpaymentRequest(row.getObject(1, UUID.class), row.getString(2),
				row.getObject(3, UUID.class), row.getString(4), row.getBigDecimal(5), row.getString(6),
				(targetItem != null) ? new Target(row.getString(8), targetItem, row.getString(9)) : null,
				(payeeBank != null) ? new Payee(payeeBank, row.getString(11), row.getString(12)) : null,
				row.getString(13), instant(row, 14), (outcome != null) ? outcome : "PENDING", decision);
		return new Stored(request, row.getString(15));
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * A collecting agency, possibly none.
	 * @param code the agency's code, null for a payment that named none
	 */
	record Agency(@Nullable String code) {

	}

	/**
	 * A request and the collecting agency of its credit's payment: the row's office.
	 * @param request the request
	 * @param agency the agency, null for none
	 */
	record Stored(OverpaymentRequest request, @Nullable String agency) {

	}

}

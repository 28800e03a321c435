package etax.payment.correction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code payment.correction_request} and {@code payment.correction_proposal}: each inserted once per id, never
 * updated (triggers refuse it).
 */
@Repository
class CorrectionRepository {

	private static final String COLUMNS = "correction_id, request_number, kind, recorded_at, approved_by, requested_by";

	private static final String PROPOSAL_COLUMNS = """
			p.correction_id, p.request_number, p.kind, p.proposed_by, p.proposed_at, w.withdrawn_by, w.reason,
			    w.withdrawn_at""";

	private static final String PROPOSALS = """
			 FROM payment.correction_proposal p LEFT JOIN payment.correction_withdrawal w USING (correction_id)
			WHERE p.correction_id = ?""";

	private final JdbcClient jdbc;

	CorrectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RecordedCorrection> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment.correction_request WHERE correction_id = ?")
			.param(id)
			.query(CorrectionRepository::recorded)
			.optional();
	}

	/**
	 * Whether an officer reads a recorded request or a proposal (ADR 0022): one it proposed or approved itself, or
	 * one about a payment of its office (the office of the recorded payment's collecting agency; a request about a
	 * payment not recorded here is of no office).
	 */
	boolean readable(UUID id, boolean proposal, String subject, OfficeScope scope) {
		Condition ofOffice = scope.onCollectingAgency("c.collecting_agency_code");
		String table = proposal ? "payment.correction_proposal" : "payment.correction_request";
		String own = proposal ? "r.proposed_by = ?" : "(r.requested_by = ? OR r.approved_by = ?)";
		List<Object> parameters = new ArrayList<>();
		parameters.add(id);
		parameters.add(subject);
		if (!proposal) {
			parameters.add(subject);
		}
		parameters.addAll(ofOffice.parameters());
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " r LEFT JOIN payment.confirmation c"
				+ " ON c.bank_code = r.bank_code AND c.bank_reference = r.bank_reference WHERE r.correction_id = ? AND ("
				+ own + " OR " + ofOffice.sql() + "))")
			.params(parameters)
			.query(Boolean.class)
			.single();
	}

	boolean hasHash(UUID id, String hash) {
		return this.jdbc.sql("SELECT count(*) FROM payment.correction_request WHERE correction_id = ? AND content_hash = ?")
			.params(id, hash)
			.query(Long.class)
			.single() > 0;
	}

	Optional<CorrectionProposal> proposal(UUID id) {
		return this.jdbc.sql("SELECT " + PROPOSAL_COLUMNS + PROPOSALS).param(id).query(CorrectionRepository::proposal).optional();
	}

	/**
	 * A proposal, locked until the transaction ends: its recording and its withdrawal are decided one after the
	 * other, whichever instances take them. The row is never updated; only another such lock waits for it. The lock
	 * is a statement of its own, and the proposal is read after it: a statement that waited for the lock would still
	 * read with the snapshot it began with, without the withdrawal committed meanwhile.
	 */
	Optional<CorrectionProposal> lockProposal(UUID id) {
		boolean exists = this.jdbc.sql("SELECT 1 FROM payment.correction_proposal WHERE correction_id = ? FOR NO KEY UPDATE")
			.param(id)
			.query(Integer.class)
			.optional()
			.isPresent();
		return exists ? proposal(id) : Optional.empty();
	}

	void withdraw(UUID id, String withdrawnBy, String reason, Instant at) {
		this.jdbc.sql("""
				INSERT INTO payment.correction_withdrawal (correction_id, withdrawn_by, reason, withdrawn_at)
				VALUES (?, ?, ?, ?)""")
			.params(id, withdrawnBy, reason, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	boolean proposalHasHash(UUID id, String hash) {
		return this.jdbc.sql("SELECT count(*) FROM payment.correction_proposal WHERE correction_id = ? AND content_hash = ?")
			.params(id, hash)
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts a proposal unless its id is taken. @return the proposal if this call inserted it */
	Optional<CorrectionProposal> propose(CorrectionRequest r, String hash, String proposedBy, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO payment.correction_proposal (correction_id, request_number, kind, bank_code, bank_reference,
				    proposed_by, content_hash, proposed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (correction_id) DO NOTHING
				RETURNING correction_id, request_number, kind, proposed_by, proposed_at, NULL, NULL, NULL""")
			.params(r.correctionId(), r.requestNumber(), r.kind(), r.bankCode(), r.bankReference(), proposedBy, hash,
					OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(CorrectionRepository::proposal)
			.optional();
	}

	/** The payment date of a recorded booked confirmation, the day its coding is judged on. */
	Optional<LocalDate> paymentDate(String bankCode, String bankReference) {
		return this.jdbc.sql("SELECT payment_date FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?")
			.params(bankCode, bankReference)
			.query((row, n) -> row.getObject(1, LocalDate.class))
			.optional();
	}

	/** Whether a booked confirmation (and, when a line is named, that line) is recorded. */
	boolean voucherKnown(String bankCode, String bankReference, @Nullable Integer lineNumber) {
		String sql = (lineNumber != null)
				? "SELECT count(*) FROM payment.confirmation_line WHERE bank_code = ? AND bank_reference = ? AND line_number = ?"
				: "SELECT count(*) FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ?";
		JdbcClient.StatementSpec query = this.jdbc.sql(sql).param(bankCode).param(bankReference);
		return ((lineNumber != null) ? query.param(lineNumber) : query).query(Long.class).single() > 0;
	}

	/** The bank reference of the bank's recorded reversal of a payment, if there is one (at most one, V5). */
	Optional<String> bankReversal(String bankCode, String bankReference) {
		return this.jdbc.sql("SELECT bank_reference FROM payment.confirmation WHERE bank_code = ? AND reversal_of = ?")
			.params(bankCode, bankReference)
			.query(String.class)
			.optional();
	}

	/**
	 * A recorded REVERSE of a payment that covers a line: one of the whole payment, or of that line (for a
	 * whole payment: of any of its lines).
	 */
	Optional<RecordedCorrection> recordedReverse(String bankCode, String bankReference, @Nullable Integer lineNumber) {
		return recordedOfKind("REVERSE", bankCode, bankReference, lineNumber);
	}

	private Optional<RecordedCorrection> recordedOfKind(String kind, String bankCode, String bankReference,
			@Nullable Integer lineNumber) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM payment.correction_request
				WHERE kind = :kind AND bank_code = :bank AND bank_reference = :reference
				    AND (line_number IS NULL OR CAST(:line AS integer) IS NULL OR line_number = :line)
				ORDER BY recorded_at LIMIT 1""")
			.param("kind", kind)
			.param("bank", bankCode)
			.param("reference", bankReference)
			.param("line", lineNumber, Types.INTEGER)
			.query(CorrectionRepository::recorded)
			.optional();
	}

	/** The bank reference of the payment a recorded confirmation reverses, if it is a bank's reversal. */
	Optional<String> reversalOf(String bankCode, String bankReference) {
		return this.jdbc.sql("SELECT reversal_of FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ? "
				+ "AND reversal_of IS NOT NULL")
			.params(bankCode, bankReference)
			.query(String.class)
			.optional();
	}

	/** A recorded RECORD of the voucher, of any of its lines or of it whole, if there is one. */
	Optional<RecordedCorrection> recordedRecord(String bankCode, String bankReference) {
		return recordedOfKind("RECORD", bankCode, bankReference, null);
	}

	/**
	 * A recorded line as paid, and the RECODEs recorded of it, in the order they were recorded (one after another,
	 * under the payment's lock: {@code recorded_seq}, not the recording instances' clocks). A RECODE that gave no
	 * corrected area kept the area it named as paid; the line's own area is its voucher's.
	 * @return empty when the line is not recorded
	 */
	Optional<RecodedLine> recodedLine(String bankCode, String bankReference, int lineNumber) {
		Optional<RecodedLine> line = this.jdbc.sql("""
				SELECT l.chapter, l.sub_item, v.area_code, l.amount, v.currency, l.posting_id
				FROM payment.confirmation_line l
				JOIN payment.confirmation v ON v.bank_code = l.bank_code AND v.bank_reference = l.bank_reference
				WHERE l.bank_code = ? AND l.bank_reference = ? AND l.line_number = ?""")
			.params(bankCode, bankReference, lineNumber)
			.query((row, n) -> new RecodedLine(new CodedMoney(row.getString(1), row.getString(2), row.getString(3),
					row.getBigDecimal(4), null), row.getString(5), row.getObject(6, UUID.class), List.of()))
			.optional();
		return line.map((paid) -> new RecodedLine(paid.paid(), paid.currency(), paid.postingId(), this.jdbc.sql("""
				SELECT paid_chapter, paid_sub_item, paid_area_code, corrected_chapter, corrected_sub_item,
				    coalesce(corrected_area_code, paid_area_code), corrected_amount, request_number
				FROM payment.correction_request
				WHERE kind = 'RECODE' AND bank_code = ? AND bank_reference = ? AND line_number = ?
				ORDER BY recorded_seq""")
			.params(bankCode, bankReference, lineNumber)
			.query((row, n) -> new Recode(new CodedMoney(row.getString(1), row.getString(2), row.getString(3), null,
					null), new CodedMoney(row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
							row.getString(8))))
			.list()));
	}

	/**
	 * Money of a line under one coding.
	 * @param chapter the chapter
	 * @param subItem the sub-item
	 * @param areaCode the area
	 * @param amount the amount, in the voucher's currency (the bank's amount, not its VND value); null where a
	 * RECODE's coding as paid names the part it took from
	 * @param recodedBy the number of the RECODE that coded it so, or null for the line as paid
	 */
	record CodedMoney(String chapter, String subItem, String areaCode, @Nullable BigDecimal amount,
			@Nullable String recodedBy) {

		boolean sameCoding(CodedMoney other) {
			return this.chapter.equals(other.chapter) && this.subItem.equals(other.subItem)
					&& this.areaCode.equals(other.areaCode);
		}

	}

	/**
	 * One recorded RECODE of a line: the money it took from the coding it named as paid, to the corrected one.
	 * @param from the coding as paid
	 * @param to the corrected coding and the amount moved
	 */
	record Recode(CodedMoney from, CodedMoney to) {

	}

	/**
	 * A recorded line and its RECODEs.
	 * @param paid the line as paid
	 * @param currency the voucher's currency
	 * @param postingId the line's treasury posting
	 * @param recodes the recorded RECODEs of the line, oldest first
	 */
	record RecodedLine(CodedMoney paid, String currency, UUID postingId, List<Recode> recodes) {

	}

	/**
	 * Takes a lock on a voucher until the transaction ends, for a RECORD, whose payment has no row to lock: two
	 * RECORDs of one voucher approved at the same time are judged one after the other.
	 */
	void lockVoucher(String bankCode, String bankReference) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('voucher|' || ? || '|' || ?, 0))")
			.params(bankCode, bankReference)
			.query()
			.singleRow();
	}

	/**
	 * Locks a recorded payment's row until the transaction ends, so that the requests about one payment are
	 * judged and recorded one after another, whichever instance takes them. The row is never updated: only
	 * another request's lock waits for it.
	 */
	void lockPayment(String bankCode, String bankReference) {
		this.jdbc.sql("SELECT 1 FROM payment.confirmation WHERE bank_code = ? AND bank_reference = ? FOR NO KEY UPDATE")
			.params(bankCode, bankReference)
			.query(Integer.class)
			.optional();
	}

	/** The collecting agency ({@code MA_CQTHU}) of a recorded payment, empty when it names none. */
	String collectingAgency(String bankCode, String bankReference) {
		return this.jdbc.sql("""
				SELECT coalesce(collecting_agency_code, '') FROM payment.confirmation
				WHERE bank_code = ? AND bank_reference = ?""")
			.params(bankCode, bankReference)
			.query(String.class)
			.single();
	}

	/** The treasury posting id of a recorded payment line. */
	Optional<UUID> linePosting(String bankCode, String bankReference, int lineNumber) {
		return this.jdbc.sql("SELECT posting_id FROM payment.confirmation_line WHERE bank_code = ? AND bank_reference = ? "
				+ "AND line_number = ?")
			.params(bankCode, bankReference, lineNumber)
			.query(UUID.class)
			.optional();
	}

	Optional<RecordedCorrection> insert(CorrectionRequest r, String hash, String requestedBy, String approvedBy,
			Instant at) {
		CorrectionRequest.Coding paid = (r.paid() != null) ? r.paid() : new CorrectionRequest.Coding(null, null, null, null, null);
		CorrectionRequest.Coding corrected = (r.corrected() != null) ? r.corrected()
				: new CorrectionRequest.Coding(null, null, null, null, null);
		return this.jdbc.sql("""
				INSERT INTO payment.correction_request (correction_id, request_number, kind, bank_code, bank_reference,
				    line_number, posting_id, treasury_code, paid_chapter, paid_sub_item, paid_area_code, paid_amount,
				    currency, corrected_chapter, corrected_sub_item, corrected_area_code, corrected_amount, reason,
				    source_reference, requested_by, approved_by, content_hash, recorded_at)
				VALUES (:id, :number, :kind, :bank, :reference, :line, :posting, :treasury, :paidChapter, :paidSubItem,
				    :paidArea, :paidAmount, :currency, :chapter, :subItem, :area, :amount, :reason, :source, :requestedBy,
				    :approvedBy, :hash, :at)
				ON CONFLICT (correction_id) DO NOTHING
				RETURNING\s""" + COLUMNS)
			.param("id", r.correctionId())
			.param("number", r.requestNumber())
			.param("kind", r.kind())
			.param("bank", r.bankCode())
			.param("reference", r.bankReference())
			.param("line", r.lineNumber(), Types.INTEGER)
			.param("posting", r.postingId(), Types.OTHER)
			.param("treasury", r.treasuryCode(), Types.VARCHAR)
			.param("paidChapter", paid.chapter(), Types.VARCHAR)
			.param("paidSubItem", paid.subItem(), Types.VARCHAR)
			.param("paidArea", paid.areaCode(), Types.VARCHAR)
			.param("paidAmount", paid.amount(), Types.NUMERIC)
			.param("currency", (paid.currency() != null) ? paid.currency() : corrected.currency(), Types.VARCHAR)
			.param("chapter", corrected.chapter(), Types.VARCHAR)
			.param("subItem", corrected.subItem(), Types.VARCHAR)
			.param("area", corrected.areaCode(), Types.VARCHAR)
			.param("amount", corrected.amount(), Types.NUMERIC)
			.param("reason", r.reason())
			.param("source", r.sourceReference())
			.param("requestedBy", requestedBy)
			.param("approvedBy", approvedBy)
			.param("hash", hash)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(CorrectionRepository::recorded)
			.optional();
	}

	private static RecordedCorrection recorded(ResultSet row, int n) throws SQLException {
		return new RecordedCorrection(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
				row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getString(6));
	}

	private static CorrectionProposal proposal(ResultSet row, int n) throws SQLException {
		OffsetDateTime withdrawnAt = row.getObject(8, OffsetDateTime.class);
		CorrectionProposal.Withdrawal withdrawal = (withdrawnAt != null)
				? new CorrectionProposal.Withdrawal(row.getString(6), row.getString(7), withdrawnAt.toInstant()) : null;
		return new CorrectionProposal(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
				row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant(), withdrawal);
	}

}

package etax.batch.reconciliation.workitems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.batch.reconciliation.LineClass;
import etax.batch.reconciliation.OfficeScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work items, their events and their correction requests in schema {@code reconciliation}. Changes go
 * through {@link #lock}: the row is held for the rest of the transaction, so two officers' actions on one
 * item happen one after the other.
 */
@Repository
class WorkItemRepository {

	private static final String FILTER = """
			 WHERE (CAST(:day AS date) IS NULL OR business_day = :day)
			   AND (CAST(:status AS text) IS NULL OR status = :status)
			   AND (CAST(:class AS text) IS NULL OR class = :class)
			   AND (CAST(:assignee AS text) IS NULL OR assignee = :assignee)
			   AND (CAST(:office AS text) IS NULL OR tax_office = :office)""";

	private final JdbcClient jdbc;

	WorkItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<WorkItem> find(long id, OfficeScope scope, boolean lock) {
		return this.jdbc.sql("SELECT * FROM reconciliation.work_item WHERE work_item_id = ?" + (lock ? " FOR UPDATE" : ""))
			.param(id)
			.query(WorkItemRepository::item)
			.optional()
			.filter((item) -> scope.includes(item.taxOffice()));
	}

	/**
	 * Holds a day's row for the rest of the transaction against its classification and the synchronization of its
	 * work items, which lock it {@code FOR UPDATE}: waits for one that is running, and lets none start until the
	 * transaction ends. A key share: an import, which raises the day's revision, does not wait for it.
	 * @param day the business day
	 */
	void holdDay(LocalDate day) {
		this.jdbc.sql("SELECT business_day FROM reconciliation.day WHERE business_day = ? FOR KEY SHARE")
			.param(day)
			.query(LocalDate.class)
			.list();
	}

	List<WorkItem> page(WorkItems.Query query, OfficeScope scope, long offset, int limit) {
		return filtered("SELECT * FROM reconciliation.work_item " + FILTER
				+ " ORDER BY business_day DESC, work_item_id LIMIT :limit OFFSET :offset", query, scope)
			.param("limit", limit)
			.param("offset", offset)
			.query(WorkItemRepository::item)
			.list();
	}

	/** The items after one in the list's order (newest day first, then by id), or from the first. */
	List<WorkItem> after(WorkItems.Query query, OfficeScope scope, WorkItems.@Nullable After after, int limit) {
		return filtered("SELECT * FROM reconciliation.work_item " + FILTER + """
				  AND (CAST(:afterDay AS date) IS NULL OR business_day < :afterDay
				       OR (business_day = :afterDay AND work_item_id > :afterId))
				ORDER BY business_day DESC, work_item_id LIMIT :limit""", query, scope)
			.param("afterDay", (after != null) ? after.day() : null, Types.DATE)
			.param("afterId", (after != null) ? after.id() : 0L)
			.param("limit", limit)
			.query(WorkItemRepository::item)
			.list();
	}

	long count(WorkItems.Query query, OfficeScope scope) {
		return filtered("SELECT count(*) FROM reconciliation.work_item " + FILTER, query, scope).query(Long.class).single();
	}

	private JdbcClient.StatementSpec filtered(String sql, WorkItems.Query query, OfficeScope scope) {
		return this.jdbc.sql(sql)
			.param("day", query.day(), Types.DATE)
			.param("status", (query.status() != null) ? query.status().name() : null, Types.VARCHAR)
			.param("class", (query.lineClass() != null) ? query.lineClass().name() : null, Types.VARCHAR)
			.param("assignee", query.assignee(), Types.VARCHAR)
			.param("office", scope.taxOffice(), Types.VARCHAR);
	}

	List<WorkItemEvent> events(long id) {
		return this.jdbc.sql("""
				SELECT at, actor, action, detail FROM reconciliation.work_item_event WHERE work_item_id = ? ORDER BY event_id""")
			.param(id)
			.query((row, n) -> new WorkItemEvent(instant(row, "at"), row.getString(2), row.getString(3), row.getString(4)))
			.list();
	}

	/**
	 * Whether the item's latest event is this one, recorded since a moment: the same form sent twice (a double
	 * click) adds it once to a history that is never edited.
	 */
	boolean latestEventIs(long id, String actor, String action, String detail, Instant since) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM (
				    SELECT actor, action, detail, at FROM reconciliation.work_item_event WHERE work_item_id = ?
				    ORDER BY event_id DESC LIMIT 1) e
				WHERE e.actor = ? AND e.action = ? AND e.detail = ? AND e.at >= ?)""")
			.params(id, actor, action, detail, utc(since))
			.query(Boolean.class)
			.single();
	}

	void event(long id, String actor, String action, @Nullable String detail, Instant at) {
		this.jdbc.sql("""
				INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)""")
			.params(id, utc(at), actor, action, detail)
			.update();
	}

	/** Sets what changes with an officer's action; fields passed as null are cleared. */
	void update(long id, WorkItemStatus status, @Nullable String assignee, @Nullable ResolutionKind resolution,
			@Nullable String reason, @Nullable String resolvedBy, @Nullable Instant resolvedAt,
			@Nullable String approvedBy, @Nullable Instant approvedAt, Instant at) {
		this.jdbc.sql("""
				UPDATE reconciliation.work_item SET status = ?, assignee = ?, resolution = ?, resolution_reason = ?,
				    resolved_by = ?, resolved_at = ?, approved_by = ?, approved_at = ?, updated_at = ?
				WHERE work_item_id = ?""")
			.params(status.name(), assignee, (resolution != null) ? resolution.name() : null, reason, resolvedBy,
					(resolvedAt != null) ? utc(resolvedAt) : null, approvedBy, (approvedAt != null) ? utc(approvedAt) : null,
					utc(at), id)
			.update();
	}

	String nextRequestNumber(LocalDate day) {
		return "TS-" + day.getYear() + "-" + String.format("%07d",
				this.jdbc.sql("SELECT nextval('reconciliation.correction_number')").query(Long.class).single());
	}

	void insert(CorrectionRequest r, long workItemId) {
		insert(r, workItemId, "");
	}

	/** Keeps, with a request just proposed, the line it was proposed on as it is now ({@code line_digest}). */
	void noteLine(UUID correctionId, LocalDate day, String lineKey) {
		this.jdbc.sql("""
				UPDATE reconciliation.correction_request SET line_digest = (SELECT md5(l::text) FROM reconciliation.line l
				    WHERE l.business_day = ? AND l.line_key = ?)
				WHERE correction_id = ?""").params(day, lineKey, correctionId).update();
	}

	/**
	 * @return whether the line a request was proposed on is as it was then; a request proposed before the line was
	 * kept with it is judged by its class alone
	 */
	boolean lineAsProposed(UUID correctionId, LocalDate day, String lineKey) {
		return this.jdbc.sql("""
				SELECT coalesce(c.line_digest IS NULL OR c.line_digest = (SELECT md5(l::text) FROM reconciliation.line l
				    WHERE l.business_day = ? AND l.line_key = ?), false)
				FROM reconciliation.correction_request c WHERE c.correction_id = ?""")
			.params(day, lineKey, correctionId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Keeps a request the gateway may hold although the resolution that proposed it was not committed here, as
	 * decided in it (WITHDRAWN): once, since a commit whose outcome was unknown may have kept it after all.
	 * @return whether it was kept now
	 */
	boolean insertUnlessKept(CorrectionRequest r, long workItemId) {
		return insert(r, workItemId, " ON CONFLICT (correction_id) DO NOTHING") == 1;
	}

	private int insert(CorrectionRequest r, long workItemId, String onConflict) {
		return this.jdbc.sql("""
				INSERT INTO reconciliation.correction_request (correction_id, request_number, work_item_id, kind, bank_code,
				    bank_reference, line_number, posting_id, treasury_code, paid_chapter, paid_sub_item, paid_area_code,
				    paid_amount, currency, corrected_chapter, corrected_sub_item, corrected_area_code, corrected_amount,
				    reason, requested_by, requested_at, status, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)
			.params(r.correctionId(), r.requestNumber(), workItemId, r.kind().name(), r.bankCode(), r.bankReference(),
					r.lineNumber(), r.postingId(), r.treasuryCode(), r.paid().chapter(), r.paid().subItem(),
					r.paid().areaCode(), r.paid().amount(), r.currency(), r.corrected().chapter(), r.corrected().subItem(),
					r.corrected().areaCode(), r.corrected().amount(), r.reason(), r.requestedBy(), utc(r.requestedAt()),
					r.status(), r.decidedBy(), (r.decidedAt() != null) ? utc(r.decidedAt()) : null)
			.update();
	}

	List<CorrectionRequest> corrections(long workItemId) {
		return this.jdbc.sql("SELECT * FROM reconciliation.correction_request WHERE work_item_id = ? ORDER BY requested_at")
			.param(workItemId)
			.query(WorkItemRepository::correction)
			.list();
	}

	void decide(UUID correctionId, String status, String decidedBy, Instant at) {
		this.jdbc.sql("""
				UPDATE reconciliation.correction_request SET status = ?, decided_by = ?, decided_at = ?
				WHERE correction_id = ? AND status = 'AWAITING_APPROVAL'""")
			.params(status, decidedBy, utc(at), correctionId)
			.update();
	}

	/**
	 * The requests rejected or withdrawn here whose withdrawal the gateway has not answered, oldest first.
	 * @param unansweredBefore a request whose proposal's answer was lost (withdrawn by its own requester) only when
	 * kept before this: its proposal may still be on its way to the gateway, and a withdrawal that overtook it would
	 * be answered "not proposed"
	 */
	List<PendingWithdrawal> pendingWithdrawals(int limit, Instant unansweredBefore) {
		return this.jdbc.sql("""
				SELECT correction_id, request_number, work_item_id, status, decided_by, requested_by
				FROM reconciliation.correction_request
				WHERE status IN ('REJECTED', 'WITHDRAWN') AND gateway_withdrawal IS NULL
				  AND NOT (status = 'WITHDRAWN' AND decided_by = requested_by AND decided_at >= ?)
				ORDER BY decided_at LIMIT ?""")
			.params(utc(unansweredBefore), limit)
			.query((row, n) -> new PendingWithdrawal(row.getObject(1, UUID.class), row.getString(2), row.getLong(3),
					row.getString(4), row.getString(5), row.getString(6)))
			.list();
	}

	/** @return whether this call kept the answer (another instance may have sent the same withdrawal) */
	boolean withdrawnAtGateway(UUID correctionId, GatewayWithdrawal answer, Instant at) {
		return this.jdbc.sql("""
				UPDATE reconciliation.correction_request SET gateway_withdrawal = ?, gateway_withdrawn_at = ?
				WHERE correction_id = ? AND gateway_withdrawal IS NULL""")
			.params(answer.name(), utc(at), correctionId)
			.update() == 1;
	}

	/**
	 * @param correctionId the request
	 * @param requestNumber its number
	 * @param workItemId its work item
	 * @param status REJECTED or WITHDRAWN
	 * @param decidedBy the approver who rejected it, the run that withdrew it, or its requester when the gateway's
	 * answer to its proposal was lost
	 * @param requestedBy the officer who resolved
	 */
	record PendingWithdrawal(UUID correctionId, String requestNumber, long workItemId, String status,
			@Nullable String decidedBy, String requestedBy) {

		/** Whether it is withdrawn because the gateway's answer to its proposal was lost (nobody else decided it). */
		boolean unanswered() {
			return "WITHDRAWN".equals(this.status) && this.requestedBy.equals(this.decidedBy);
		}

	}

	private static WorkItem item(ResultSet row, int n) throws SQLException {
		String resolution = row.getString("resolution");
		return new WorkItem(row.getLong("work_item_id"), row.getObject("business_day", LocalDate.class),
				row.getString("line_key"), LineClass.valueOf(row.getString("class")), row.getString("currency"),
				row.getBigDecimal("amount"), row.getString("bank_code"), row.getString("bank_reference"),
				row.getObject("line_number", Integer.class), row.getObject("posting_id", UUID.class),
				row.getString("tax_office"), WorkItemStatus.valueOf(row.getString("status")), row.getString("assignee"),
				(resolution != null) ? ResolutionKind.valueOf(resolution) : null, row.getString("resolution_reason"),
				row.getString("resolved_by"), nullableInstant(row, "resolved_at"), row.getString("approved_by"),
				nullableInstant(row, "approved_at"), instant(row, "created_at"), instant(row, "updated_at"));
	}

	private static CorrectionRequest correction(ResultSet row, int n) throws SQLException {
		return new CorrectionRequest(row.getObject("correction_id", UUID.class), row.getString("request_number"),
				ResolutionKind.valueOf(row.getString("kind")), row.getString("bank_code"), row.getString("bank_reference"),
				row.getObject("line_number", Integer.class), row.getObject("posting_id", UUID.class),
				row.getString("treasury_code"),
				new CorrectionRequest.Coding(row.getString("paid_chapter"), row.getString("paid_sub_item"),
						row.getString("paid_area_code"), row.getBigDecimal("paid_amount")),
				new CorrectionRequest.Coding(row.getString("corrected_chapter"), row.getString("corrected_sub_item"),
						row.getString("corrected_area_code"), row.getBigDecimal("corrected_amount")),
				row.getString("currency"), row.getString("reason"), row.getString("requested_by"),
				instant(row, "requested_at"), row.getString("status"), row.getString("decided_by"),
				nullableInstant(row, "decided_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

package etax.batch.reconciliation.workitems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brings a day's work items in line with its new classification, set-based, each change on record as an
 * event of the run: an item whose line changed class is reclassified (and reopened if it had been
 * resolved or cleared); an open item whose line now matches, or is gone, is cleared; a new exception line
 * gets an item; an item whose line is now another tax office's moves there. A correction request waits
 * for approval only while its item does: one proposed for a line that has since been reclassified was
 * decided on a line that no longer is, so it is withdrawn (kept, WITHDRAWN) and its item goes back to its
 * assignee to be resolved again, rather than left for a second officer to approve and record at the
 * gateway. Items are keyed by (day, line key), so a re-run never duplicates one and its history stays.
 * The items that existed before the run are handled before new ones are added, so that the statements
 * over them are planned on statistics that still describe the table. The items to change are locked as they are
 * read, so that whether one is reopened or its request withdrawn is judged on its status as an officer's
 * transaction that held it left it (a resolution proposed meanwhile is withdrawn, not left awaiting approval on a
 * line that is no longer what it was proposed for).
 */
@Service
public class WorkItemSynchronization {

	private static final String REOPEN_OR_RECLASSIFY = """
			WITH changed AS (
				SELECT w.work_item_id, w.class AS old_class, w.status IN ('CLEARED', 'RESOLVED') AS reopen,
					w.status = 'AWAITING_APPROVAL' AS withdraw, l.class AS new_class, l.currency, l.amount, l.tax_office
				FROM reconciliation.work_item w
				JOIN reconciliation.line l ON l.business_day = w.business_day AND l.line_key = w.line_key
				WHERE w.business_day = :day AND l.class <> 'MATCHED'
					AND (w.class <> l.class OR w.status = 'CLEARED')
				FOR UPDATE OF w
			), updated AS (
				UPDATE reconciliation.work_item w
				SET class = c.new_class, currency = c.currency, amount = c.amount, tax_office = c.tax_office,
					status = CASE WHEN NOT (c.reopen OR c.withdraw) THEN w.status WHEN w.assignee IS NULL THEN 'OPEN'
						ELSE 'ASSIGNED' END,
					resolution = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.resolution END,
					resolution_reason = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.resolution_reason END,
					resolved_by = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.resolved_by END,
					resolved_at = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.resolved_at END,
					approved_by = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.approved_by END,
					approved_at = CASE WHEN c.reopen OR c.withdraw THEN NULL ELSE w.approved_at END,
					updated_at = :now
				FROM changed c WHERE w.work_item_id = c.work_item_id
				RETURNING w.work_item_id, c.old_class, c.reopen, w.class
			)
			INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
			SELECT work_item_id, :now, :actor, CASE WHEN reopen THEN 'REOPENED' ELSE 'RECLASSIFIED' END,
				old_class || ' -> ' || class
			FROM updated
			RETURNING action
			""";

	/*
	 * After REOPEN_OR_RECLASSIFY, which sent the reclassified items that awaited approval back to their
	 * assignee, and CLEAR: their requests, still AWAITING_APPROVAL, are withdrawn, each with an event naming it. A
	 * statement of its own after both, so that it sees a request committed while either waited for its item's lock
	 * (within one statement, a CTE of CLEAR's did not, and left a request for a matched line awaiting approval).
	 */
	private static final String WITHDRAW = """
			WITH withdrawn AS (
				UPDATE reconciliation.correction_request r SET status = 'WITHDRAWN', decided_by = :actor, decided_at = :now
				FROM reconciliation.work_item w
				WHERE w.business_day = :day AND r.work_item_id = w.work_item_id AND r.status = 'AWAITING_APPROVAL'
					AND w.status <> 'AWAITING_APPROVAL'
				RETURNING r.work_item_id, r.request_number, w.class, w.status
			)
			INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
			SELECT work_item_id, :now, :actor, 'RESOLUTION_WITHDRAWN', request_number || CASE WHEN status = 'CLEARED'
				THEN ': proposed for the line before it matched' ELSE ': proposed for the line before it became ' || class END
			FROM withdrawn
			""";

	/*
	 * An item follows its line to the line's tax office (the mapping of collecting agencies to offices may
	 * have changed since the item was created), whatever its status, so that the officers of that office see it.
	 */
	private static final String MOVE = """
			WITH moved AS (
				UPDATE reconciliation.work_item w SET tax_office = l.tax_office, updated_at = :now
				FROM reconciliation.line l, reconciliation.work_item old
				WHERE w.business_day = :day AND l.business_day = w.business_day AND l.line_key = w.line_key
					AND old.work_item_id = w.work_item_id AND w.tax_office IS DISTINCT FROM l.tax_office
				RETURNING w.work_item_id, old.tax_office AS old_office, w.tax_office
			)
			INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
			SELECT work_item_id, :now, :actor, 'MOVED', coalesce(old_office, 'no office') || ' -> '
				|| coalesce(tax_office, 'no office')
			FROM moved
			""";

	private static final String CREATE = """
			WITH created AS (
				INSERT INTO reconciliation.work_item (business_day, line_key, class, currency, amount, bank_code,
					bank_reference, line_number, posting_id, tax_office, status, created_at, updated_at)
				SELECT l.business_day, l.line_key, l.class, l.currency, l.amount, l.bank_code, l.bank_reference,
					l.line_number, l.posting_id, l.tax_office, 'OPEN', :now, :now
				FROM reconciliation.line l
				WHERE l.business_day = :day AND l.class <> 'MATCHED'
				ON CONFLICT (business_day, line_key) DO NOTHING
				RETURNING work_item_id, class
			)
			INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
			SELECT work_item_id, :now, :actor, 'CREATED', class FROM created
			""";

	private static final String CLEAR = """
			WITH cleared AS (
				UPDATE reconciliation.work_item w SET status = 'CLEARED', updated_at = :now
				WHERE w.business_day = :day AND w.status IN ('OPEN', 'ASSIGNED', 'AWAITING_APPROVAL')
					AND NOT EXISTS (SELECT 1 FROM reconciliation.line l WHERE l.business_day = w.business_day
						AND l.line_key = w.line_key AND l.class <> 'MATCHED')
				RETURNING w.work_item_id, w.line_key
			)
			INSERT INTO reconciliation.work_item_event (work_item_id, at, actor, action, detail)
			SELECT c.work_item_id, :now, :actor, 'CLEARED', coalesce(l.class, 'not on the day any more')
			FROM cleared c
			LEFT JOIN reconciliation.line l ON l.business_day = :day AND l.line_key = c.line_key
			""";

	/** Items created in one run past which the table's statistics are refreshed for the next statements. */
	private static final int STATISTICS_THRESHOLD = 1_000;

	private final JdbcClient jdbc;

	WorkItemSynchronization(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Synchronizes the work items of a day with its classification, in the caller's transaction. The day's row is
	 * locked first ({@code FOR UPDATE}, as the classification locks it): the synchronization waits for a
	 * classification of the day that is running (another run of the day, on another instance) and reads the lines it
	 * committed, and no classification of the day starts until the caller's transaction has ended. The day is locked
	 * before its items, as an approval locks them.
	 * @param day the business day, just classified
	 * @param executionId the run's job execution, the actor of the events
	 * @param now the time of the run
	 * @return what changed
	 */
	public Synchronized synchronize(LocalDate day, long executionId, Instant now) {
		this.jdbc.sql("SELECT business_day FROM reconciliation.day WHERE business_day = ? FOR UPDATE")
			.param(day)
			.query(LocalDate.class)
			.list();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		String actor = "run:" + executionId;
		int moved = this.jdbc.sql(MOVE).param("day", day).param("now", at).param("actor", actor).update();
		var changes = this.jdbc.sql(REOPEN_OR_RECLASSIFY)
			.param("day", day)
			.param("now", at)
			.param("actor", actor)
			.query(String.class)
			.list();
		int cleared = this.jdbc.sql(CLEAR).param("day", day).param("now", at).param("actor", actor).update();
		this.jdbc.sql(WITHDRAW).param("day", day).param("now", at).param("actor", actor).update();
		int created = this.jdbc.sql(CREATE).param("day", day).param("now", at).param("actor", actor).update();
		if (created > STATISTICS_THRESHOLD) {
			this.jdbc.sql("ANALYZE reconciliation.work_item").update();
		}
		int reopened = (int) changes.stream().filter("REOPENED"::equals).count();
		Synchronized result = new Synchronized(created, changes.size() - reopened, reopened, cleared, moved);
		this.jdbc.sql("UPDATE reconciliation.run SET created = ?, reclassified = ?, reopened = ?, cleared = ? WHERE execution_id = ?")
			.params(result.created(), result.reclassified(), result.reopened(), result.cleared(), executionId)
			.update();
		return result;
	}

	/**
	 * @param created new work items
	 * @param reclassified items whose line changed class
	 * @param reopened resolved or cleared items whose line is an exception again, in another class
	 * @param cleared open items whose line now matches or is gone
	 * @param moved items that followed their line to another tax office
	 */
	public record Synchronized(int created, int reclassified, int reopened, int cleared, int moved) {

	}

}

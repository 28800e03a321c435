package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.payment.sql.SqlColumns;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import static etax.payment.sql.SqlColumns.column;

/**
 * Obligations, credits and ledger lines in {@code payment.obligation}, {@code payment.credit} and
 * {@code payment.ledger_line}. Writes are batched; ledger lines are only ever inserted.
 */
@Repository
class LedgerRepository {

	/** The class id of the gateway's per-taxpayer advisory locks (the object id is the MST's hash). */
	private static final int TAXPAYER_LOCK_CLASS = 0x4554_4158;

	private static final String OBLIGATION_COLUMNS = """
			item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date, outstanding, source_event_id,
			content_hash, base_item_id, assessed_for, booking_seq, reduced, tax_office_code""";

	private static final String CREDIT_COLUMNS = """
			credit_id, mst, sub_item, named_item_id, posting_id, payment_key, amount, remaining, created_seq, paid_on""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	LedgerRepository(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * Takes the transaction's lock on each taxpayer, in one global order so that two transactions never
	 * wait for each other in a cycle. Every transaction that allocates holds the locks of its taxpayers.
	 */
	void lock(Collection<String> msts) {
		int[] keys = msts.stream().mapToInt(String::hashCode).distinct().sorted().toArray();
		if (keys.length > 0) {
			this.jdbc.query("SELECT count(pg_advisory_xact_lock(?, k)) FROM unnest(?::int[]) AS t (k)", (ResultSet row) -> {
			}, TAXPAYER_LOCK_CLASS, keys);
		}
	}

	/** The open obligations of the taxpayers and the obligations with the ids, whatever their state. */
	List<Obligation> obligations(Collection<String> msts, Collection<String> itemIds) {
		// two indexed lookups (open items by taxpayer, named items by id) rather than one OR that scans
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation WHERE mst = ANY (?) AND outstanding > 0"
				+ " UNION SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation WHERE item_id = ANY (?)",
				(row, n) -> obligation(row), (Object) msts.toArray(String[]::new), (Object) itemIds.toArray(String[]::new));
	}

	/**
	 * Obligations already booked under one of the ids, event ids or interest days of the candidates. The
	 * interest days are looked up one by one in their unique index (a lateral join, its {@code LIMIT 1}
	 * keeps the planner from turning it into a plain join): as a join the planner, with statistics from
	 * before the day's interest was booked, hashed every interest obligation booked so far on each call,
	 * and those grow by one per item and day.
	 */
	List<Obligation> booked(Collection<Obligation> candidates) {
		String select = "SELECT " + OBLIGATION_COLUMNS + " FROM payment.obligation ";
		return this.jdbc.query(select + "WHERE item_id = ANY (?) UNION " + select
				+ "WHERE source_event_id = ANY (?::uuid[]) UNION SELECT o.* FROM unnest(?::text[], ?::date[]) AS c (base, day)"
				+ " CROSS JOIN LATERAL (" + select + """
				WHERE kind = 'INTEREST' AND base_item_id = c.base AND assessed_for = c.day LIMIT 1) o""",
				(row, n) -> obligation(row),
				candidates.stream().map(Obligation::itemId).toArray(String[]::new),
				candidates.stream().map((o) -> o.sourceEventId().toString()).toArray(String[]::new),
				candidates.stream().map(Obligation::baseItemId).toArray(String[]::new),
				candidates.stream().map((o) -> (o.assessedFor() != null) ? o.assessedFor().toString() : null)
					.toArray(String[]::new));
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
				    AND EXISTS (SELECT 1 FROM payment.obligation o WHERE o.mst = c.mst AND o.outstanding > 0
				        AND (o.sub_item = c.sub_item OR o.due_date < ?))
				ORDER BY c.mst LIMIT ?""", String.class, afterMst, today, today, limit);
	}

	/** The entries of the payments, not reversed yet, that a reversal of them takes back. */
	List<LedgerEntry> reversible(Collection<String> paymentKeys) {
		if (paymentKeys.isEmpty()) {
			return List.of();
		}
		return entries("""
				d.payment_key = ANY (?)
				    AND d.entry_type IN ('PAYMENT_APPLIED', 'PAYMENT_CREDITED', 'CREDIT_APPLIED', 'CREDIT_OFFSET',
				        'CREDIT_REFUNDED', 'OVERPAYMENT_CREDITED')""", (Object) paymentKeys.toArray(String[]::new));
	}

	/** An entry, unless it is reversed already (or there is none of that id). */
	Optional<LedgerEntry> unreversed(UUID entryId) {
		return entries("d.entry_id = ?", entryId).stream().findFirst();
	}

	private List<LedgerEntry> entries(String condition, Object parameter) {
		return this.jdbc.query("""
				SELECT d.entry_id, d.entry_type, d.account, d.mst, d.sub_item, d.tax_period, d.treasury_code,
				    c.account, c.mst, c.sub_item, c.tax_period, c.treasury_code, d.amount, d.value_date, d.item_id,
				    d.posting_id, d.credit_id, d.payment_key, d.reduction_id
				FROM payment.ledger_line d JOIN payment.ledger_line c ON c.entry_id = d.entry_id AND c.side = 'C'
				WHERE d.side = 'D' AND\s""" + condition + """

				    AND NOT EXISTS (SELECT 1 FROM payment.ledger_line r WHERE r.reverses_entry = d.entry_id)
				ORDER BY d.seq""", (row, n) -> new LedgerEntry(row.getObject(1, UUID.class),
				LedgerEntry.Type.valueOf(row.getString(2)), account(row, 3), account(row, 8), row.getBigDecimal(13),
				row.getObject(14, LocalDate.class), row.getString(15), row.getObject(16, UUID.class),
				row.getObject(17, UUID.class), row.getString(18), null, row.getString(19)), parameter);
	}

	/** The tax obligations of the taxpayers that still charge something a reduction could take off. */
	List<Obligation> reducible(Collection<String> msts) {
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS
				+ " FROM payment.obligation WHERE mst = ANY (?) AND kind = 'TAX' AND amount > reduced",
				(row, n) -> obligation(row), (Object) msts.toArray(String[]::new));
	}

	/**
	 * What is paid on the items and still applied, by payment line and the day it counts as paid: payments
	 * and credits applied, less what reductions moved to credit, none of them reversed. A credit applied
	 * counts from its own payment date (entries booked before that rule carry the day they were applied); one
	 * offset on the taxpayer's request from the day it was approved, its value date.
	 */
	List<Allocation.Paid> paid(Collection<String> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("""
				SELECT l.item_id, l.payment_key, l.posting_id,
				    CASE WHEN l.entry_type = 'CREDIT_APPLIED' THEN coalesce(cr.paid_on, l.value_date) ELSE l.value_date END,
				    sum(CASE WHEN l.entry_type = 'OVERPAYMENT_CREDITED' THEN -l.amount ELSE l.amount END)
				FROM payment.ledger_line l
				LEFT JOIN payment.credit cr ON l.entry_type = 'CREDIT_APPLIED' AND cr.credit_id = l.credit_id
				WHERE l.item_id = ANY (?) AND l.account = 'TAXPAYER_OBLIGATION' AND l.entry_type <> 'OBLIGATION_BOOKED'
				    AND l.entry_type IN ('PAYMENT_APPLIED', 'CREDIT_APPLIED', 'CREDIT_OFFSET', 'OVERPAYMENT_CREDITED')
				    AND NOT EXISTS (SELECT 1 FROM payment.ledger_line r WHERE r.reverses_entry = l.entry_id)
				GROUP BY 1, 2, 3, 4
				HAVING sum(CASE WHEN l.entry_type = 'OVERPAYMENT_CREDITED' THEN -l.amount ELSE l.amount END) > 0""",
				(row, n) -> new Allocation.Paid(row.getString(1), row.getString(2), row.getObject(3, UUID.class),
						row.getObject(4, LocalDate.class), row.getBigDecimal(5)),
				(Object) itemIds.toArray(String[]::new));
	}

	/**
	 * The reductions booked under one of the item ids or event ids of the candidates, or, for interest taken
	 * back, under one of their payable items and days.
	 */
	List<Reduction> bookedReductions(Collection<Reduction> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		String select = "SELECT item_id, mst, chapter, sub_item, tax_period, amount, due_date, source_event_id, content_hash,"
				+ " base_item_id, assessed_for FROM payment.reduction ";
		List<Reduction> interest = candidates.stream().filter(Reduction::ofInterest).toList();
		return this.jdbc.query(select + "WHERE item_id = ANY (?) UNION " + select + "WHERE source_event_id = ANY (?::uuid[])"
				+ " UNION " + select + "WHERE base_item_id IS NOT NULL"
				+ " AND (base_item_id, assessed_for) IN (SELECT * FROM unnest(?::text[], ?::date[]))",
				(row, n) -> new Reduction(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getBigDecimal(6), row.getObject(7, LocalDate.class),
						row.getObject(8, UUID.class), row.getString(9), row.getString(10),
						row.getObject(11, LocalDate.class)),
				candidates.stream().map(Reduction::itemId).toArray(String[]::new),
				candidates.stream().map((r) -> r.sourceEventId().toString()).toArray(String[]::new),
				interest.stream().map(Reduction::baseItemId).toArray(String[]::new),
				interest.stream().map((r) -> String.valueOf(r.assessedFor())).toArray(String[]::new));
	}

	/** The interest obligations booked on the payable items, whatever their state. */
	List<Obligation> interestOn(Collection<String> baseItemIds) {
		if (baseItemIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("SELECT " + OBLIGATION_COLUMNS
				+ " FROM payment.obligation WHERE kind = 'INTEREST' AND base_item_id = ANY (?)",
				(row, n) -> obligation(row), (Object) baseItemIds.toArray(String[]::new));
	}

	void insertReductions(List<Reduction> reductions, Instant bookedAt) {
		if (reductions.isEmpty()) {
			return;
		}
		this.named.batchUpdate("""
				INSERT INTO payment.reduction (item_id, mst, chapter, sub_item, tax_period, amount, due_date,
				    source_event_id, content_hash, base_item_id, assessed_for, booked_at)
				VALUES (:itemId, :mst, :chapter, :subItem, :taxPeriod, :amount, :dueDate, :sourceEventId, :contentHash,
				    :baseItemId, :assessedFor, :bookedAt)""",
				reductions.stream()
					.map((r) -> new MapSqlParameterSource().addValue("itemId", r.itemId())
						.addValue("mst", r.mst())
						.addValue("chapter", r.chapter())
						.addValue("subItem", r.subItem())
						.addValue("taxPeriod", r.taxPeriod())
						.addValue("amount", r.amount())
						.addValue("dueDate", r.dueDate())
						.addValue("sourceEventId", r.sourceEventId())
						.addValue("contentHash", r.contentHash())
						.addValue("baseItemId", r.baseItemId(), Types.VARCHAR)
						.addValue("assessedFor", r.assessedFor(), Types.DATE)
						.addValue("bookedAt", bookedAt.atOffset(ZoneOffset.UTC)))
					.toArray(SqlParameterSource[]::new));
	}

	void insertObligations(List<Obligation> obligations, Instant bookedAt) {
		if (obligations.isEmpty()) {
			return;
		}
		this.named.batchUpdate("""
				INSERT INTO payment.obligation (item_id, kind, mst, chapter, sub_item, tax_period, amount, due_date,
				    outstanding, reduced, source_event_id, content_hash, base_item_id, assessed_for, booked_at,
				    tax_office_code)
				VALUES (:itemId, :kind, :mst, :chapter, :subItem, :taxPeriod, :amount, :dueDate, :outstanding, :reduced,
				    :sourceEventId, :contentHash, :baseItemId, :assessedFor, :bookedAt, :taxOffice)""",
				obligations.stream()
					.map((o) -> new MapSqlParameterSource().addValue("itemId", o.itemId())
						.addValue("kind", o.kind().name())
						.addValue("mst", o.mst())
						.addValue("chapter", o.chapter())
						.addValue("subItem", o.subItem())
						.addValue("taxPeriod", o.taxPeriod())
						.addValue("amount", o.amount())
						.addValue("dueDate", o.dueDate())
						.addValue("outstanding", o.outstanding())
						.addValue("reduced", o.reduced())
						.addValue("sourceEventId", o.sourceEventId())
						.addValue("contentHash", o.contentHash())
						.addValue("baseItemId", o.baseItemId(), Types.VARCHAR)
						.addValue("assessedFor", o.assessedFor(), Types.DATE)
						.addValue("bookedAt", bookedAt.atOffset(ZoneOffset.UTC))
						.addValue("taxOffice", o.taxOffice(), Types.VARCHAR))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * The tax office of each of the obligations that has one, by item id; of a provisional payments' shortfall
	 * (ADR 0006), the office of its finalization in force.
	 */
	Map<String, String> offices(Collection<String> itemIds) {
		Map<String, String> offices = new HashMap<>();
		if (!itemIds.isEmpty()) {
			String[] ids = itemIds.toArray(String[]::new);
			this.jdbc.query("""
					SELECT item_id, tax_office_code FROM payment.obligation
					WHERE item_id = ANY (?) AND tax_office_code IS NOT NULL
					UNION ALL
					(SELECT DISTINCT ON (shortfall_id) shortfall_id, tax_office_code FROM payment.annual_tax
					WHERE shortfall_id = ANY (?) AND tax_office_code IS NOT NULL ORDER BY shortfall_id, booking_seq DESC)""",
					(ResultSet row) -> {
						offices.put(row.getString(1), row.getString(2));
					}, ids, ids);
		}
		return offices;
	}

	void updateOutstanding(List<Obligation> obligations) {
		if (obligations.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				UPDATE payment.obligation o SET outstanding = v.outstanding, reduced = v.reduced
				FROM unnest(?::text[], ?::numeric[], ?::numeric[]) AS v (item_id, outstanding, reduced)
				WHERE o.item_id = v.item_id""",
				obligations.stream().map(Obligation::itemId).toArray(String[]::new),
				obligations.stream().map((o) -> o.outstanding().toPlainString()).toArray(String[]::new),
				obligations.stream().map((o) -> o.reduced().toPlainString()).toArray(String[]::new));
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

	/**
	 * Inserts both lines of each entry, debit then credit, in the entries' order, in one statement with an
	 * array per column ({@link SqlColumns}).
	 */
	void insertEntries(List<LedgerEntry> entries, Instant bookedAt) {
		if (entries.isEmpty()) {
			return;
		}
		List<Line> lines = new ArrayList<>(entries.size() * 2);
		for (LedgerEntry entry : entries) {
			lines.add(new Line(entry, "D", entry.debit()));
			lines.add(new Line(entry, "C", entry.credit()));
		}
		this.jdbc.update("""
				INSERT INTO payment.ledger_line (entry_id, side, entry_type, account, mst, sub_item, tax_period,
				    treasury_code, amount, value_date, item_id, posting_id, credit_id, payment_key, reverses_entry,
				    reduction_id, booked_at)
				SELECT l.*, ?::timestamptz FROM unnest(?::uuid[], ?::bpchar[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::numeric[], ?::date[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[],
				    ?::text[]) AS l""",
				bookedAt.atOffset(ZoneOffset.UTC), column(lines, (l) -> l.entry().entryId()), column(lines, Line::side),
				column(lines, (l) -> l.entry().type()), column(lines, (l) -> l.account().kind()),
				column(lines, (l) -> l.account().mst()), column(lines, (l) -> l.account().subItem()),
				column(lines, (l) -> l.account().taxPeriod()), column(lines, (l) -> l.account().treasuryCode()),
				column(lines, (l) -> l.entry().amount().toPlainString()), column(lines, (l) -> l.entry().valueDate()),
				column(lines, (l) -> l.entry().itemId()), column(lines, (l) -> l.entry().postingId()),
				column(lines, (l) -> l.entry().creditId()), column(lines, (l) -> l.entry().paymentKey()),
				column(lines, (l) -> l.entry().reverses()), column(lines, (l) -> l.entry().reductionId()));
	}

	/** One side of an entry. */
	private record Line(LedgerEntry entry, String side, Account account) {

	}

	void reject(String topic, int partition, long offset, @Nullable String value, String reason, String detail,
			Instant at) {
		this.jdbc.update("""
				INSERT INTO payment.rejected_event (kafka_topic, kafka_partition, kafka_offset, raw_value, reason, detail,
				    received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO NOTHING""", topic,
				partition, offset, (value != null) ? value.replace('\u0000', '\uFFFD') : null, reason, detail,
				at.atOffset(ZoneOffset.UTC));
	}

	private static Account account(ResultSet row, int first) throws SQLException {
		return new Account(Account.Kind.valueOf(row.getString(first)), row.getString(first + 1),
				row.getString(first + 2), row.getString(first + 3), row.getString(first + 4));
	}

	private static Obligation obligation(ResultSet row) throws SQLException {
		return new Obligation(row.getString(1), Obligation.Kind.valueOf(row.getString(2)), row.getString(3),
				row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
				row.getObject(8, LocalDate.class), row.getBigDecimal(9), row.getBigDecimal(15), row.getObject(10, UUID.class),
				row.getString(11), row.getString(12), row.getObject(13, LocalDate.class), row.getLong(14), row.getString(16));
	}

	static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}

package etax.payment.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import etax.payment.sql.SqlColumns;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static etax.payment.sql.SqlColumns.column;

/**
 * The ledger's per-taxpayer advisory locks, and its lines in {@code payment.ledger_line}: each entry a debit and a
 * credit line, only ever inserted (a reversal is an entry of its own). The rows the entries move money between
 * have their repositories: {@link ObligationRepository}, {@link CreditRepository}, {@link ReductionRepository}.
 */
@Repository
class LedgerRepository {

	/** The class id of the gateway's per-taxpayer advisory locks (the object id is the MST's hash). */
	private static final int TAXPAYER_LOCK_CLASS = 0x4554_4158;

	private final JdbcTemplate jdbc;

	LedgerRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	private static Account account(ResultSet row, int first) throws SQLException {
		return new Account(Account.Kind.valueOf(row.getString(first)), row.getString(first + 1),
				row.getString(first + 2), row.getString(first + 3), row.getString(first + 4));
	}

}

package etax.payment.arrears;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The items of the ledger a month's arrears notices are made of, as they stood at the month's last day: what each
 * item owes now, plus what was paid on it after that day. A notice issued after a payment of the next month still
 * states the debt the taxpayer had at the month's end. Reads the items owing now (V44's index) and the lines that
 * paid an item after the day (V46's), not every item the taxpayers ever settled.
 */
@Repository
class OverdueItems {

	/**
	 * Overdue at a month's last day (the three parameters): tax and fines due before it and booked by its end (an
	 * original filed late, a supplement or an inspection's assessment booked after it was no debt the ledger knew
	 * then, whatever its due date), interest assessed for a day by it and booked by the end of the month's settling
	 * days (the interest job books a day's interest two nights later, {@link ArrearsMonths#SETTLE_DAYS}). On the
	 * obligation {@code o}.
	 */
	private static final String OVERDUE = ("o.due_date <= ? AND (o.kind = 'INTEREST' OR o.due_date < ?) "
			+ "AND o.booked_at < ((?::date + CASE WHEN o.kind = 'INTEREST' THEN %d ELSE 0 END + 1)::timestamp "
			+ "AT TIME ZONE 'Asia/Ho_Chi_Minh')").formatted(ArrearsMonths.SETTLE_DAYS);

	/** The ledger lines {@code l} that pay an item, or take part of a payment off it (V46's index). */
	private static final String PAYING = "l.account = 'TAXPAYER_OBLIGATION' AND l.entry_type IN ('PAYMENT_APPLIED', "
			+ "'CREDIT_APPLIED', 'CREDIT_OFFSET', 'OVERPAYMENT_CREDITED')";

	/**
	 * What was paid on each item of the taxpayers (first parameter) after a day (the next two), counted as
	 * {@code interest_basis_v1} counts a payment (V8, V24, V34): a payment line from its bank-confirmed date, a credit
	 * from the day its money was paid, an offset from its approval; what a reduction moved back to credit taken off on
	 * the day it was paid; a reversed payment not at all. Only lines dated after the day are read (a credit's money is
	 * paid by the day it is applied with), each taxpayer's in V46's index: the lateral subquery, kept from being
	 * flattened into a join ({@code OFFSET 0}), can be served by no index that is not on the taxpayer.
	 */
	private static final String PAID_AFTER = """
			SELECT l.item_id, sum(CASE WHEN l.entry_type = 'OVERPAYMENT_CREDITED' THEN -l.amount ELSE l.amount END) AS paid
			FROM unnest(?::text[]) AS t (mst)
			CROSS JOIN LATERAL (
			    SELECT l.item_id, l.entry_id, l.entry_type, l.amount, l.value_date, l.credit_id
			    FROM payment.ledger_line l WHERE l.mst = t.mst AND %s AND l.value_date > ? OFFSET 0
			) l
			LEFT JOIN payment.credit cr ON l.entry_type = 'CREDIT_APPLIED' AND cr.credit_id = l.credit_id
			WHERE (l.entry_type <> 'CREDIT_APPLIED' OR coalesce(cr.paid_on, l.value_date) > ?)
			    AND NOT EXISTS (SELECT 1 FROM payment.ledger_line r WHERE r.reverses_entry = l.entry_id)
			GROUP BY l.item_id""".formatted(PAYING);

	/** An item's columns for a notice. */
	private static final String ITEM = "o.mst, o.item_id, o.kind, o.chapter, o.sub_item, o.tax_period, o.due_date";

	/**
	 * The taxpayers' items (the first and fourth parameters) overdue at a day (the others) and what each owed then:
	 * what it owes now and what was paid on it after the day ({@link #PAID_AFTER}), at most its tax in force (what
	 * supplements took off counts as off on the day too, as it does for the interest). The items owing now are read
	 * through V44's index, those paid after the day through V46's: not every item the taxpayers ever settled.
	 */
	static final String OWED = """
			WITH paid AS (%s),
			item AS (
			    SELECT %s, least(o.amount - o.reduced, o.outstanding + coalesce(p.paid, 0)) AS owed
			    FROM payment.obligation o LEFT JOIN paid p ON p.item_id = o.item_id
			    WHERE o.mst = ANY (?) AND o.owing AND %s
			    UNION ALL
			    SELECT %s, least(o.amount - o.reduced, o.outstanding + p.paid)
			    FROM paid p JOIN payment.obligation o ON o.item_id = p.item_id
			    WHERE NOT o.owing AND %s
			)
			SELECT * FROM item WHERE owed > 0 ORDER BY mst, kind DESC, due_date, item_id"""
		.formatted(PAID_AFTER, ITEM, OVERDUE, ITEM, OVERDUE);

	/** The first taxpayers after one (first parameter) owing an item overdue at a day. */
	static final String OWING = """
			SELECT DISTINCT o.mst FROM payment.obligation o
			WHERE o.owing AND o.mst > ? AND %s
			ORDER BY o.mst LIMIT ?""".formatted(OVERDUE);

	/**
	 * How many items each of the taxpayers (the last parameter) may have on its notice of a day (the others), at most:
	 * its items owing now that were overdue then (V44's index) and its lines that paid an item after the day (V46's,
	 * the index alone), an item paid more than once counted as often. Counted, not read: no item is loaded.
	 */
	static final String COUNTED = """
			SELECT t.mst,
			    (SELECT count(*) FROM payment.obligation o WHERE o.mst = t.mst AND o.owing AND %s)
			    + (SELECT count(*) FROM payment.ledger_line l WHERE l.mst = t.mst AND %s AND l.value_date > ?)
			FROM unnest(?::text[]) AS t (mst)""".formatted(OVERDUE, PAYING);

	private final JdbcTemplate jdbc;

	OverdueItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the taxpayers that may have owed, at a month's last day, tax due before it or interest assessed by
	 * it, in the database's order of MSTs: those owing such an item now ({@link #OWING}), and those paid on such an
	 * item after the day ({@link #page}: they owed it then, whatever they owe now).
	 * @param after the last MST of the page before, empty for the first
	 */
	List<String> inArrears(String after, LocalDate asOf, int limit) {
		List<String> owing = this.jdbc.queryForList(OWING, String.class, after, asOf, asOf, asOf, limit);
		boolean full = owing.size() == limit;
		List<Object> args = new ArrayList<>(List.of(owing.toArray(String[]::new), after));
		if (full) {
			args.add(owing.get(limit - 1));
		}
		args.addAll(List.of(asOf, asOf, asOf, asOf, limit, limit));
		return this.jdbc.queryForList(page(full), String.class, args.toArray());
	}

	/**
	 * The page: the taxpayers owing (first parameter) and those paid after the day, the first of both. When the owing
	 * fill a page, it ends with the last of them, and the others are looked for only up to it (the third parameter):
	 * a run reads the lines that paid an item once, not once a page.
	 */
	static String page(boolean full) {
		return """
				SELECT mst FROM (
				    SELECT unnest(?::text[]) AS mst
				    UNION
				    (SELECT DISTINCT l.mst FROM payment.ledger_line l JOIN payment.obligation o ON o.item_id = l.item_id
				     WHERE %s AND l.mst > ? %s AND l.value_date > ? AND %s
				     ORDER BY l.mst LIMIT ?)
				) page ORDER BY mst LIMIT ?""".formatted(PAYING, full ? "AND l.mst <= ?" : "", OVERDUE);
	}

	/**
	 * How many items each of the taxpayers' notices of a month's last day may list, at most ({@link #COUNTED}): what
	 * a transaction that issues them would read and store.
	 */
	Map<String, Long> counted(List<String> msts, LocalDate asOf) {
		Map<String, Long> counted = new HashMap<>();
		this.jdbc.query(COUNTED, (ResultSet row) -> {
			counted.put(row.getString(1), row.getLong(2));
		}, asOf, asOf, asOf, asOf, msts.toArray(String[]::new));
		return counted;
	}

	/** What each of the taxpayers owed of it at a month's last day ({@link #OWED}), tax first, each by due date. */
	Map<String, List<ArrearsNotice.Item>> owed(List<String> msts, LocalDate asOf) {
		String[] taxpayers = msts.toArray(String[]::new);
		Map<String, List<ArrearsNotice.Item>> owed = new LinkedHashMap<>();
		this.jdbc.query(OWED, (ResultSet row) -> {
			LocalDate due = row.getObject(7, LocalDate.class);
			owed.computeIfAbsent(row.getString(1), (mst) -> new ArrayList<>())
				.add(new ArrearsNotice.Item(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
						row.getString(6), due, row.getBigDecimal(8), Math.max(0, ChronoUnit.DAYS.between(due, asOf))));
		}, taxpayers, asOf, asOf, taxpayers, asOf, asOf, asOf, asOf, asOf, asOf);
		return owed;
	}

}

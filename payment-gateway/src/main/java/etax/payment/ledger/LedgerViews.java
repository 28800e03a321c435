package etax.payment.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.payment.office.OfficeScope;
import etax.payment.office.OfficeScope.Condition;
import etax.payment.reference.ReferenceData.ItemClass;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the ledger: balances and pages of lines, computed from the lines themselves.
 */
@Repository
class LedgerViews {

	/**
	 * The credits that name an item, with the item if booked and their payments; the office's condition follows, then
	 * {@link HeldCreditRepository#HELD}, so the office's parameters come before the cutoff.
	 */
	private static final String HELD_FROM = """

			FROM payment.credit c LEFT JOIN payment.obligation o ON o.item_id = c.named_item_id
			JOIN payment.confirmation_line l ON l.posting_id = c.posting_id
			JOIN payment.confirmation p ON p.bank_code = l.bank_code AND p.bank_reference = l.bank_reference
			WHERE c.named_item_id IS NOT NULL AND c.remaining > 0 AND\s""";

	private static final String ITEM_COLUMNS = "item_id, kind, chapter, sub_item, tax_period, amount - reduced, "
			+ "outstanding, due_date";

	private final JdbcClient jdbc;

	LedgerViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Charged and paid are not the debit and credit sides of the obligation account: a reversal debits
	 * the obligation to re-open what a payment paid, which is a payment undone, not a new charge. So charged is
	 * what was booked as owed (tax, interest) less what supplements took off it (OBLIGATION_REDUCED), paid is
	 * what payments and credits applied, less reversals of those and less what a reduction moved back to the
	 * taxpayer's credit (OVERPAYMENT_CREDITED); outstanding (debits less credits) is the same either way.
	 */
	Balance balance(String mst) {
		List<Balance.PeriodBalance> periods = this.jdbc.sql("""
				SELECT sub_item, tax_period,
				    coalesce(sum(amount) FILTER (WHERE side = 'D'
				        AND entry_type NOT IN ('REVERSAL', 'OVERPAYMENT_CREDITED')), 0)
				        - coalesce(sum(amount) FILTER (WHERE side = 'C' AND entry_type = 'OBLIGATION_REDUCED'), 0),
				    coalesce(sum(amount) FILTER (WHERE side = 'C' AND entry_type <> 'OBLIGATION_REDUCED'), 0)
				        - coalesce(sum(amount) FILTER (WHERE side = 'D'
				            AND entry_type IN ('REVERSAL', 'OVERPAYMENT_CREDITED')), 0)
				FROM payment.ledger_line WHERE mst = ? AND account = 'TAXPAYER_OBLIGATION'
				GROUP BY sub_item, tax_period ORDER BY sub_item, tax_period""")
			.param(mst)
			.query((row, n) -> new Balance.PeriodBalance(row.getString(1), row.getString(2), row.getBigDecimal(3),
					row.getBigDecimal(4), row.getBigDecimal(3).subtract(row.getBigDecimal(4))))
			.list();
		List<Balance.CreditBalance> credits = this.jdbc.sql("""
				SELECT sub_item, coalesce(sum(CASE side WHEN 'C' THEN amount ELSE -amount END), 0)
				FROM payment.ledger_line WHERE mst = ? AND account = 'TAXPAYER_CREDIT'
				GROUP BY sub_item HAVING sum(CASE side WHEN 'C' THEN amount ELSE -amount END) <> 0
				ORDER BY sub_item""")
			.param(mst)
			.query((row, n) -> new Balance.CreditBalance(row.getString(1), row.getBigDecimal(2)))
			.list();
		// the taxpayer's credits with something left (index credit_open), with the item each names, if booked
		List<Balance.WaitingCredit> waiting = this.jdbc.sql("""
				SELECT c.credit_id, c.sub_item, c.remaining, c.paid_on, c.posting_id, c.named_item_id,
				    CASE WHEN o.mst IS NOT NULL AND o.mst <> c.mst THEN 'OFFICER' ELSE 'ITEM' END
				FROM payment.credit c LEFT JOIN payment.obligation o ON o.item_id = c.named_item_id
				WHERE c.mst = ? AND c.remaining > 0 AND c.named_item_id IS NOT NULL
				ORDER BY c.created_seq LIMIT ?""")
			.params(mst, Balance.MAX_ITEMS)
			.query((row, n) -> new Balance.WaitingCredit(row.getObject(1, UUID.class), row.getString(2),
					row.getBigDecimal(3), row.getObject(4, LocalDate.class), row.getObject(5, UUID.class),
					row.getString(6), row.getString(7)))
			.list();
		List<Balance.GeneralCredit> general = this.jdbc.sql("""
				SELECT credit_id, sub_item, remaining, paid_on, posting_id FROM payment.credit
				WHERE mst = ? AND remaining > 0 AND named_item_id IS NULL ORDER BY created_seq LIMIT ?""")
			.params(mst, Balance.MAX_ITEMS)
			.query((row, n) -> new Balance.GeneralCredit(row.getObject(1, UUID.class), row.getString(2),
					row.getBigDecimal(3), row.getObject(4, LocalDate.class), row.getObject(5, UUID.class)))
			.list();
		// the refund payable in debit: the treasury paid an order after the payment that funded it was reversed
		List<Balance.CreditBalance> owedBack = this.jdbc.sql("""
				SELECT sub_item, sum(CASE side WHEN 'D' THEN amount ELSE -amount END)
				FROM payment.ledger_line WHERE mst = ? AND account = 'REFUND_PAYABLE'
				GROUP BY sub_item HAVING sum(CASE side WHEN 'D' THEN amount ELSE -amount END) > 0
				ORDER BY sub_item""")
			.param(mst)
			.query((row, n) -> new Balance.CreditBalance(row.getString(1), row.getBigDecimal(2)))
			.list();
		List<Balance.Item> items = owing(mst, Balance.MAX_ITEMS);
		long itemsLeftOut = (items.size() < Balance.MAX_ITEMS) ? 0 : countOwing(mst) - items.size();
		long waitingLeftOut = (waiting.size() < Balance.MAX_ITEMS) ? 0 : countOpenCredits(mst, true) - waiting.size();
		long generalLeftOut = (general.size() < Balance.MAX_ITEMS) ? 0 : countOpenCredits(mst, false) - general.size();
		return new Balance(mst, periods, credits, waiting, waitingLeftOut, general, generalLeftOut, items, itemsLeftOut,
				owedBack,
				periods.stream().map(Balance.PeriodBalance::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
				credits.stream().map(Balance.CreditBalance::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/**
	 * The taxpayer's obligations that still owe something, oldest due first, at most a number of them (index
	 * obligation_owing, in that order): a settled one is in the ledger's lines, and a taxpayer in arrears for years
	 * has an interest item per item and day.
	 */
	List<Balance.Item> owing(String mst, int limit) {
		return this.jdbc.sql("SELECT " + ITEM_COLUMNS + """

				FROM payment.obligation
				WHERE mst = ? AND owing ORDER BY due_date, booking_seq LIMIT ?""")
			.params(mst, limit)
			.query(LedgerViews::item)
			.list();
	}

	/**
	 * How many of the taxpayer's credits have something left, of those that name an item or of the others: each a
	 * condition of its own, which the planner can match to an index, as the lists' own queries do.
	 */
	private long countOpenCredits(String mst, boolean naming) {
		return this.jdbc.sql("SELECT count(*) FROM payment.credit WHERE mst = ? AND remaining > 0 AND named_item_id "
				+ (naming ? "IS NOT NULL" : "IS NULL"))
			.param(mst)
			.query(Long.class)
			.single();
	}

	/** How many of the taxpayer's obligations still owe something (index obligation_owing). */
	long countOwing(String mst) {
		return this.jdbc.sql("SELECT count(*) FROM payment.obligation WHERE mst = ? AND owing")
			.param(mst)
			.query(Long.class)
			.single();
	}

	/**
	 * The taxpayer's obligations that still owe something, ranked as the allocation order ranks their classes
	 * ({@link Obligation#classOf}, the same rule), then oldest due first; at most a number of them.
	 * @param ranks each class's rank in the order in force on the day
	 * @param day the day the classes are of: tax due before it is in arrears
	 * @param itemIds only these, or every one when empty
	 * @return those, each with how many owe in all
	 */
	List<Ranked> owingInOrder(String mst, Map<ItemClass, Integer> ranks, LocalDate day, Collection<String> itemIds,
			int limit) {
		List<Object> parameters = new ArrayList<>();
		parameters.add(mst);
		if (!itemIds.isEmpty()) {
			parameters.add(itemIds.toArray(String[]::new));
		}
		parameters.addAll(List.of(ranks.get(ItemClass.INTEREST), ranks.get(ItemClass.PENALTY), day,
				ranks.get(ItemClass.ARREARS), ranks.get(ItemClass.CURRENT), limit));
		return this.jdbc.sql("SELECT " + ITEM_COLUMNS + ", count(*) OVER ()" + """

				FROM payment.obligation
				WHERE mst = ? AND owing""" + (itemIds.isEmpty() ? "" : " AND item_id = ANY (?)") + """

				ORDER BY CASE kind WHEN 'INTEREST' THEN ? WHEN 'PENALTY' THEN ?
				    ELSE CASE WHEN due_date < ? THEN ? ELSE ? END END, due_date, item_id COLLATE "C"
				LIMIT ?""")
			.params(parameters)
			.query((row, n) -> new Ranked(item(row, n), row.getLong(9)))
			.list();
	}

	/** One of the taxpayer's obligations, settled or not. */
	Optional<Balance.Item> item(String mst, String itemId) {
		return this.jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM payment.obligation WHERE item_id = ? AND mst = ?")
			.params(itemId, mst)
			.query(LedgerViews::item)
			.optional();
	}

	private static Balance.Item item(ResultSet row, int n) throws SQLException {
		return new Balance.Item(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
				row.getString(5), row.getBigDecimal(6), row.getBigDecimal(7), row.getObject(8, LocalDate.class));
	}

	/**
	 * An obligation that owes something, ranked.
	 * @param item the obligation
	 * @param owing how many of the taxpayer's obligations (of those asked for) owe something in all
	 */
	record Ranked(Balance.Item item, long owing) {

	}

	/**
	 * Ledger lines of the taxpayer, newest first (index ledger_line_taxpayer), from the one before a line's sequence
	 * number: a page read after new lines were booked neither repeats nor skips any, as an offset would.
	 * @param before the sequence number of the last line of the previous page, null for the newest
	 * @param size the most lines
	 * @return the lines, each with its sequence number
	 */
	List<Sequenced<LedgerLine>> lines(String mst, @Nullable Long before, int size) {
		return this.jdbc.sql("""
				SELECT entry_id, side, entry_type, account, sub_item, tax_period, amount, value_date, booked_at, item_id,
				    posting_id, reverses_entry, seq
				FROM payment.ledger_line WHERE mst = ? AND seq < ? ORDER BY seq DESC LIMIT ?""")
			.params(mst, (before != null) ? before : Long.MAX_VALUE, size)
			.query((row, n) -> new Sequenced<>(new LedgerLine(row.getObject(1, UUID.class), row.getString(2),
					row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
					row.getObject(8, LocalDate.class), row.getObject(9, OffsetDateTime.class).toInstant(),
					row.getString(10), row.getObject(11, UUID.class), row.getObject(12, UUID.class)), row.getLong(13)))
			.list();
	}

	/**
	 * Credits with something left held for an officer, in an officer's scope (the office of the payment's collecting
	 * agency), oldest first, from after a sequence number: those whose named item is booked for another taxpayer, and
	 * those whose named item is still not booked although their payment was recorded at or before the cutoff
	 * ({@link HeldCreditRepository#HELD}).
	 * The partial index {@code credit_waiting} (V25) holds the credits that name an item, the item and the payment
	 * are read by their keys.
	 * @param cutoff the latest recording time of a credit that waited long enough for an item never booked
	 */
	List<Sequenced<HeldCredit>> held(OfficeScope scope, Instant cutoff, long afterSeq, int size) {
		Condition ofOffice = scope.onCollectingAgency("p.collecting_agency_code");
		return this.jdbc.sql("""
				SELECT c.credit_id, c.mst, c.sub_item, c.amount, c.remaining, c.paid_on, c.payment_key, c.posting_id,
				    c.created_at, c.named_item_id, o.mst, o.sub_item, o.tax_period, o.outstanding, l.line_number,
				    c.created_seq\s"""
				+ HELD_FROM + ofOffice.sql() + " AND " + HeldCreditRepository.HELD + """
				 AND c.created_seq > ?
				ORDER BY c.created_seq LIMIT ?""")
			.params(ofOffice.with(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), afterSeq, size))
			.query((row, n) -> new Sequenced<>(HeldCreditRepository.credit(row, null), row.getLong(16)))
			.list();
	}

	long countHeld(OfficeScope scope, Instant cutoff) {
		Condition ofOffice = scope.onCollectingAgency("p.collecting_agency_code");
		return this.jdbc.sql("SELECT count(*)" + HELD_FROM + ofOffice.sql() + " AND " + HeldCreditRepository.HELD)
			.params(ofOffice.with(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
			.query(Long.class)
			.single();
	}

	/** Whether the ledger has a line of the taxpayer: every obligation and every credit has one. */
	boolean known(String mst) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment.ledger_line WHERE mst = ?)")
			.param(mst)
			.query(Boolean.class)
			.single();
	}

	/** Whether one of the taxpayer's obligations is of the tax office (index obligation_taxpayer_office). */
	boolean hasObligationOf(String mst, String taxOffice) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment.obligation WHERE mst = ? AND tax_office_code = ?)")
			.params(mst, taxOffice)
			.query(Boolean.class)
			.single();
	}

	long countLines(String mst) {
		return this.jdbc.sql("SELECT count(*) FROM payment.ledger_line WHERE mst = ?").param(mst).query(Long.class).single();
	}

}

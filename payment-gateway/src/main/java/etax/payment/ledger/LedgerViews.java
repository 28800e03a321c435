package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the ledger: balances and pages of lines, computed from the lines themselves.
 */
@Repository
class LedgerViews {

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
		List<Balance.Item> items = this.jdbc.sql("""
				SELECT item_id, kind, chapter, sub_item, tax_period, amount - reduced, outstanding, due_date
				FROM payment.obligation
				WHERE mst = ? ORDER BY due_date, booking_seq""")
			.param(mst)
			.query((row, n) -> new Balance.Item(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getBigDecimal(6), row.getBigDecimal(7), row.getObject(8, LocalDate.class)))
			.list();
		return new Balance(mst, periods, credits, items,
				periods.stream().map(Balance.PeriodBalance::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
				credits.stream().map(Balance.CreditBalance::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	List<LedgerLine> lines(String mst, int page, int size) {
		return this.jdbc.sql("""
				SELECT entry_id, side, entry_type, account, sub_item, tax_period, amount, value_date, booked_at, item_id,
				    posting_id, reverses_entry
				FROM payment.ledger_line WHERE mst = ? ORDER BY seq DESC LIMIT ? OFFSET ?""")
			.params(mst, size, (long) page * size)
			.query((row, n) -> new LedgerLine(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getString(4), row.getString(5), row.getString(6), row.getBigDecimal(7),
					row.getObject(8, LocalDate.class), row.getObject(9, OffsetDateTime.class).toInstant(),
					row.getString(10), row.getObject(11, UUID.class), row.getObject(12, UUID.class)))
			.list();
	}

	long countLines(String mst) {
		return this.jdbc.sql("SELECT count(*) FROM payment.ledger_line WHERE mst = ?").param(mst).query(Long.class).single();
	}

}

package etax.payment;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants, checked after every integration test.
 */
public final class LedgerAssertions {

	private LedgerAssertions() {
	}

	/**
	 * Every entry has one debit and one credit line of the same amount, so the debits add up to the credits;
	 * every obligation's outstanding and reduced amounts and every credit's remaining amount are what their
	 * ledger lines say; no credit is negative.
	 */
	public static void assertBalanced(JdbcClient jdbc) {
		// one statement, one snapshot: a payment the listener commits between two reads would unbalance them
		List<BigDecimal> sums = jdbc.sql("""
				SELECT coalesce(sum(amount) FILTER (WHERE side = 'D'), 0), coalesce(sum(amount) FILTER (WHERE side = 'C'), 0)
				FROM payment.ledger_line""")
			.query((row, n) -> List.of(row.getBigDecimal(1), row.getBigDecimal(2)))
			.single();
		assertThat(sums.get(0)).as("sum of debits = sum of credits").isEqualByComparingTo(sums.get(1));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT entry_id FROM payment.ledger_line GROUP BY entry_id
				HAVING count(*) <> 2 OR sum(CASE side WHEN 'D' THEN amount ELSE -amount END) <> 0) unbalanced""")
			.query(Long.class)
			.single()).as("entries that are not one debit and one credit of the same amount").isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM payment.obligation o
				WHERE o.outstanding <> (SELECT coalesce(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0)
				    FROM payment.ledger_line l WHERE l.account = 'TAXPAYER_OBLIGATION' AND l.item_id = o.item_id)""")
			.query(Long.class)
			.single()).as("obligations whose outstanding amount is not what their ledger lines say").isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM payment.obligation o
				WHERE o.reduced <> (SELECT coalesce(sum(amount), 0) FROM payment.ledger_line l
				    WHERE l.entry_type = 'OBLIGATION_REDUCED' AND l.side = 'C' AND l.item_id = o.item_id)""")
			.query(Long.class)
			.single()).as("obligations whose reduction is not what their ledger lines say").isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM payment.credit c
				WHERE c.remaining <> (SELECT coalesce(sum(CASE side WHEN 'C' THEN amount ELSE -amount END), 0)
				    FROM payment.ledger_line l WHERE l.account = 'TAXPAYER_CREDIT' AND l.credit_id = c.credit_id)""")
			.query(Long.class)
			.single()).as("credits whose remaining amount is not what their ledger lines say").isZero();
	}

}

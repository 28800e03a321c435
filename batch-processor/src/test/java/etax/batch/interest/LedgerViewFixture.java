package etax.batch.interest;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for the gateway's published views {@code payment.interest_basis_v1} and
 * {@code payment.provisional_shortfall_v1} in this service's tests: tables with the views' columns and types, as
 * docs/adr/0011-interest-assessment.md documents them (the gateway's {@code InterestBasisViewIntegrationTests} and
 * {@code ProvisionalPaymentsIntegrationTests} hold the views to the same list). Rows are what the ledger would show:
 * an item with the payments applied to it, each dated by the bank's payment date.
 */
final class LedgerViewFixture {

	private static final String STAND_IN = """
			CREATE SCHEMA IF NOT EXISTS payment;
			CREATE TABLE IF NOT EXISTS payment.interest_basis_v1 (
				payable_item_id text PRIMARY KEY,
				mst text NOT NULL,
				chapter text NOT NULL,
				sub_item text NOT NULL,
				tax_period text NOT NULL,
				amount numeric NOT NULL,
				due_date date NOT NULL,
				outstanding numeric NOT NULL,
				reduction_dates date[] NOT NULL,
				reduction_amounts numeric[] NOT NULL,
				changed_at timestamp with time zone NOT NULL
			);
			CREATE TABLE IF NOT EXISTS payment.provisional_shortfall_v1 (LIKE payment.interest_basis_v1)""";

	private final JdbcClient jdbc;

	LedgerViewFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql(STAND_IN).update();
	}

	/**
	 * A payable item booked by the ledger, nothing paid yet.
	 * @return its id
	 */
	String item(String mst, String subItem, long amount, String dueDate) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO payment.interest_basis_v1 VALUES (?, ?, '754', ?, '00/Q1/2026', ?, ?, ?, '{}', '{}', now())""")
			.params(id, mst, subItem, amount, LocalDate.parse(dueDate), amount)
			.update();
		return id;
	}

	/**
	 * What a taxpayer's provisional corporate income tax payments of a year fell short of the share of the year's tax
	 * its rule requires, due on the provisional deadline of the rule's last quarter, nothing paid off yet.
	 * @return its id
	 */
	String shortfall(String mst, int year, long amount, String dueDate) {
		String id = "TAMNOP75-1052-" + year + "-" + mst;
		this.jdbc.sql("""
				INSERT INTO payment.provisional_shortfall_v1 VALUES (?, ?, '754', '1052', ?, ?, ?, ?, '{}', '{}', now())""")
			.params(id, mst, "00/CN/" + year, amount, LocalDate.parse(dueDate), amount)
			.update();
		return id;
	}

	/** A payment applied to the item (or paying a shortfall off), confirmed by the bank for a day. */
	void pay(String itemId, String paidOn, long amount) {
		for (String view : new String[] { "interest_basis_v1", "provisional_shortfall_v1" }) {
			this.jdbc.sql("""
					UPDATE payment.%s SET outstanding = outstanding - ?,
						reduction_dates = reduction_dates || ?::date, reduction_amounts = reduction_amounts || ?::numeric,
						changed_at = now()
					WHERE payable_item_id = ?""".formatted(view))
				.params(amount, LocalDate.parse(paidOn), amount, itemId)
				.update();
		}
	}

	/**
	 * A supplement that lowered the item's tax, from its original deadline: the tax in force and what is
	 * owed fall by the decrease.
	 */
	void lower(String itemId, long decrease) {
		this.jdbc.sql("""
				UPDATE payment.interest_basis_v1 SET amount = amount - ?, outstanding = greatest(outstanding - ?, 0),
					changed_at = now()
				WHERE payable_item_id = ?""").params(decrease, decrease, itemId).update();
	}

	/**
	 * The item's payments counted from another day without a new booking, as the gateway's V24 re-dated the
	 * credits applied before it: nothing tells a reader the item changed.
	 */
	void redate(String itemId, String paidOn) {
		this.jdbc.sql("""
				UPDATE payment.interest_basis_v1 SET reduction_dates = array_fill(?::date, ARRAY[cardinality(reduction_dates)]),
					changed_at = timestamptz '2000-01-01T00:00:00Z'
				WHERE payable_item_id = ?""").params(LocalDate.parse(paidOn), itemId).update();
	}

	/** Forgets every item, and what this service assessed and reported. */
	void clear() {
		this.jdbc.sql("""
				TRUNCATE payment.interest_basis_v1, payment.provisional_shortfall_v1, batch.interest_accrual, batch.interest_run,
					batch.interest_run_total""").update();
	}

}

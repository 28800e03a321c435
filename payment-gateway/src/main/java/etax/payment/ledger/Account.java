package etax.payment.ledger;

import org.jspecify.annotations.Nullable;

/**
 * A ledger account: a kind and the dimensions that kind is kept by.
 *
 * @param kind the kind
 * @param mst the taxpayer, for the taxpayer's accounts
 * @param subItem the sub-item (NDKT), for every account
 * @param taxPeriod the period, for obligations
 * @param treasuryCode the treasury, for the treasury's accounts
 */
record Account(Kind kind, @Nullable String mst, String subItem, @Nullable String taxPeriod,
		@Nullable String treasuryCode) {

	/** The chart of accounts (docs/adr/0006-taxpayer-ledger.md). */
	enum Kind {

		/** What a taxpayer owes for a sub-item and period; debit-normal. */
		TAXPAYER_OBLIGATION,
		/** Money a taxpayer paid that is not applied to an obligation yet; credit-normal. */
		TAXPAYER_CREDIT,
		/** Revenue assessed for the budget by sub-item; credit-normal. */
		BUDGET_REVENUE,
		/** Money banks collected that the treasury has not posted yet; debit-normal. */
		TREASURY_RECEIVABLE,
		/** Money the treasury posted; debit-normal. */
		TREASURY,
		/**
		 * What the State owes a taxpayer by a refund order the treasury has not paid out yet, by sub-item;
		 * credit-normal.
		 */
		REFUND_PAYABLE

	}

	static Account obligation(String mst, String subItem, String taxPeriod) {
		return new Account(Kind.TAXPAYER_OBLIGATION, mst, subItem, taxPeriod, null);
	}

	static Account credit(String mst, String subItem) {
		return new Account(Kind.TAXPAYER_CREDIT, mst, subItem, null, null);
	}

	static Account refund(String mst, String subItem) {
		return new Account(Kind.REFUND_PAYABLE, mst, subItem, null, null);
	}

	static Account revenue(String subItem) {
		return new Account(Kind.BUDGET_REVENUE, null, subItem, null, null);
	}

	static Account receivable(String treasuryCode, String subItem) {
		return new Account(Kind.TREASURY_RECEIVABLE, null, subItem, null, treasuryCode);
	}

	static Account treasury(String treasuryCode, String subItem) {
		return new Account(Kind.TREASURY, null, subItem, null, treasuryCode);
	}

}

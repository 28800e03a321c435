package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import etax.batch.console.Money;

/**
 * A year of the taxpayer's provisional corporate income tax payments against its finalization in force, as
 * payment-gateway answers it ({@code GET /api/v1/taxpayers/{mst}/provisional-shortfalls}): by the rule that
 * finalization announced ({@code provisionalQuarters}, {@code requiredPercent}: from the tax year 2022 the four
 * quarters and 80 %, up to 2021 the first three and 75 %), what the quarters had to pay on account by the deadline of
 * the last of them, what they paid, the shortfall interest runs on, and what paid it off since.
 */
record ProvisionalShortfall(String id, int taxYear, String subItem, BigDecimal annualTax, int provisionalQuarters,
		int requiredPercent, BigDecimal required,
		LocalDate provisionalDeadline, BigDecimal paidByDeadline, BigDecimal shortfall, List<PaidOff> paidOff,
		BigDecimal outstanding, BigDecimal interestBooked) {

	/** @return the rule, for the page: {@code 80 % of Q1–Q4} */
	public String ruleText() {
		return this.requiredPercent + " % of Q1–Q" + this.provisionalQuarters;
	}

	/** @return each amount that paid the shortfall off, with its day, for the page */
	public String paidOffText() {
		return String.join("; ",
				this.paidOff.stream().map((p) -> Money.format(p.amount(), "VND") + " on " + p.on()).toList());
	}

	record PaidOff(LocalDate on, BigDecimal amount) {

	}

}

package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import etax.batch.console.Money;

/**
 * A year of the taxpayer's provisional corporate income tax payments against its finalization in force, as
 * payment-gateway answers it ({@code GET /api/v1/taxpayers/{mst}/provisional-shortfalls}): what the first three
 * quarters had to pay on account by their deadline, what they paid, the shortfall interest runs on, and what paid it
 * off since.
 */
record ProvisionalShortfall(String id, int taxYear, String subItem, BigDecimal annualTax, BigDecimal required,
		LocalDate provisionalDeadline, BigDecimal paidByDeadline, BigDecimal shortfall, List<PaidOff> paidOff,
		BigDecimal outstanding, BigDecimal interestBooked) {

	/** @return each amount that paid the shortfall off, with its day, for the page */
	public String paidOffText() {
		return String.join("; ",
				this.paidOff.stream().map((p) -> Money.format(p.amount(), "VND") + " on " + p.on()).toList());
	}

	record PaidOff(LocalDate on, BigDecimal amount) {

	}

}

package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How a taxpayer's provisional payments of a year's corporate income tax stand against its finalization in force
 * (ADR 0006, addendum "Provisional payments of corporate income tax"), by the rule that finalization announced: what
 * the year's first quarters of the rule had to pay on account by the deadline of the last of them, what they paid,
 * what they fell short of, and what paid the shortfall off since, on which late-payment interest ran.
 *
 * @param id the shortfall's id, which the interest booked on it names as its payable item
 * @param taxYear the year
 * @param subItem the tax sub-item, e.g. 1052
 * @param annualTax the year's tax as the finalization in force declared it, whole VND
 * @param finalizationReturnId that finalization
 * @param provisionalQuarters how many of the year's first quarters count: from 2022 the four, up to 2021 three
 * @param requiredPercent the share of the year's tax they had to pay, in whole percent: from 2022 80, up to 2021 75
 * @param required that share of the year's tax, rounded half up to the đồng
 * @param provisionalDeadline the last day to pay the last of those quarters on account
 * @param paidByDeadline what counts as paid on those quarters by then
 * @param shortfall what that fell short of {@code required}; zero when it did not
 * @param paidOff what paid the shortfall off after the deadline, by day, oldest first
 * @param outstanding what of the shortfall is not paid off yet: interest still runs on it
 * @param interestBooked the interest the ledger booked on the shortfall so far, less what was taken back
 */
public record ProvisionalShortfall(String id, int taxYear, String subItem, BigDecimal annualTax,
		UUID finalizationReturnId, int provisionalQuarters, int requiredPercent, BigDecimal required,
		LocalDate provisionalDeadline, BigDecimal paidByDeadline,
		BigDecimal shortfall, List<PaidOff> paidOff, BigDecimal outstanding, BigDecimal interestBooked) {

	public ProvisionalShortfall {
		paidOff = List.copyOf(paidOff);
	}

	/**
	 * An amount that paid the shortfall off.
	 * @param on the day it counts as paid: interest on it ran to the day before
	 * @param amount whole VND
	 */
	public record PaidOff(LocalDate on, BigDecimal amount) {

	}

}

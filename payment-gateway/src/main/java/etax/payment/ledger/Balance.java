package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A taxpayer's position, computed from the ledger: per sub-item and period what was charged, paid and
 * is outstanding; per sub-item the credit not applied yet; and each obligation.
 *
 * @param mst the taxpayer
 * @param periods per sub-item and period
 * @param credits per sub-item
 * @param items every obligation with what it still owes
 * @param totalOutstanding what the taxpayer owes in all
 * @param totalCredit what the taxpayer has paid and not applied
 */
public record Balance(String mst, List<PeriodBalance> periods, List<CreditBalance> credits, List<Item> items,
		BigDecimal totalOutstanding, BigDecimal totalCredit) {

	/** Owes nothing. */
	@JsonProperty("settled")
	public boolean settled() {
		return this.totalOutstanding.signum() == 0;
	}

	/**
	 * @param subItem the sub-item
	 * @param taxPeriod the period
	 * @param charged what was charged (tax and interest booked), whatever was paid or reversed since
	 * @param paid what payments and credits paid, net of reversed payments
	 * @param outstanding charged less paid
	 */
	public record PeriodBalance(String subItem, String taxPeriod, BigDecimal charged, BigDecimal paid,
			BigDecimal outstanding) {

	}

	public record CreditBalance(String subItem, BigDecimal amount) {

	}

	/**
	 * @param amount what it charges: as booked, less what supplements that lowered tax took off
	 */
	public record Item(String payableItemId, String kind, String chapter, String subItem, String taxPeriod,
			BigDecimal amount, BigDecimal outstanding, LocalDate dueDate) {

	}

}

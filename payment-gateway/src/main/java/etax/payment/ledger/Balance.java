package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A taxpayer's position, computed from the ledger: per sub-item and period what was charged, paid and
 * is outstanding; per sub-item the credit not applied yet; and each obligation that still owes something.
 *
 * @param mst the taxpayer
 * @param periods per sub-item and period
 * @param credits per sub-item, waiting credits included
 * @param waitingCredits the credits among them that name a payable item and are never offset against the
 * taxpayer's other items, oldest first, the first {@value #MAX_ITEMS}
 * @param waitingCreditsLeftOut how many more such credits have something left (the credits per sub-item count them)
 * @param generalCredits the others, with something left, oldest first: what an officer may refund or offset on the
 * taxpayer's request (01/ĐNXLNT), by their ids, the first {@value #MAX_ITEMS}
 * @param generalCreditsLeftOut how many more general credits have something left
 * @param items each obligation that still owes something, with what it owes, oldest due first (a settled one is in
 * the ledger's lines), the first {@value #MAX_ITEMS}
 * @param itemsLeftOut how many more owe something: a taxpayer in arrears for years owes an interest item per item and
 * day (the periods and totals count them all)
 * @param owedBack per sub-item, refunds the treasury paid out of a credit whose payment its bank then reversed: money
 * the taxpayer owes back (ADR 0006), which no item charges, for an officer to recover
 * @param totalOutstanding what the taxpayer owes in all, on its items
 * @param totalCredit what the taxpayer has paid and not applied, waiting credits included
 */
public record Balance(String mst, List<PeriodBalance> periods, List<CreditBalance> credits,
		List<WaitingCredit> waitingCredits, long waitingCreditsLeftOut, List<GeneralCredit> generalCredits,
		long generalCreditsLeftOut, List<Item> items, long itemsLeftOut,
		List<CreditBalance> owedBack, BigDecimal totalOutstanding, BigDecimal totalCredit) {

	/** The most items a balance lists, and the most credits of each kind. */
	public static final int MAX_ITEMS = 500;

	/** Owes nothing: on its items, nor refunds to pay back. */
	@JsonProperty("settled")
	public boolean settled() {
		return this.totalOutstanding.signum() == 0 && this.owedBack.isEmpty();
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
	 * A general credit: what a payment left that names no item, or what a reduction moved back (ADR 0006).
	 * @param creditId the credit
	 * @param subItem the sub-item it was paid under
	 * @param amount what is left of it
	 * @param paidOn the day its money was paid
	 * @param postingId the payment line it comes from
	 */
	public record GeneralCredit(UUID creditId, String subItem, BigDecimal amount, LocalDate paidOn, UUID postingId) {

	}

	/**
	 * A credit that waits for the payable item its payment line named (ADR 0006).
	 * @param creditId the credit
	 * @param subItem the sub-item it was paid under
	 * @param amount what is left of it
	 * @param paidOn the day its money was paid
	 * @param postingId the payment line it comes from
	 * @param payableItemId the item the line named
	 * @param waitsFor {@code ITEM}: the item is not booked yet, and the credit pays it when it is;
	 * {@code OFFICER}: the item is another taxpayer's, and the credit waits until an officer acts
	 */
	public record WaitingCredit(UUID creditId, String subItem, BigDecimal amount, LocalDate paidOn, UUID postingId,
			String payableItemId, String waitsFor) {

	}

	/**
	 * @param amount what it charges: as booked, less what supplements that lowered tax took off (for interest,
	 * what was taken back as not accrued)
	 */
	public record Item(String payableItemId, String kind, String chapter, String subItem, String taxPeriod,
			BigDecimal amount, BigDecimal outstanding, LocalDate dueDate) {

	}

}

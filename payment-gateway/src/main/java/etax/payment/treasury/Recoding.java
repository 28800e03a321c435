package etax.payment.treasury;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Money the ledger moved from one budget sub-item to another of the same taxpayer (a credit of one sub-item
 * applied to an item of another, or such an application reversed), or from one taxpayer's credit to another
 * taxpayer's item (an offset on request, 01/ĐNXLNT), which the treasury is asked to re-code
 * (docs/adr/0007-treasury-acks.md, addenda).
 *
 * @param postingId the re-coding's posting id, name-based on the ledger entry that moved the money
 * @param mst the taxpayer whose credit the money was, the payer
 * @param paidWith the posting id of the payment line the money was paid with: the treasury, collection account,
 * area and collecting agency it was posted under
 * @param from the coding the money leaves
 * @param to the coding the money goes to
 * @param amountVnd whole VND, positive
 * @param valueDate the day it counts from: the day the credit's money was paid, or the reversal's date
 */
public record Recoding(UUID postingId, String mst, UUID paidWith, Coding from, Coding to, BigDecimal amountVnd,
		LocalDate valueDate) {

	/**
	 * A side of a re-coding. A credit is kept by sub-item only: its chapter and period are those of the payment
	 * line it was paid with.
	 *
	 * @param mst the taxpayer of the side
	 * @param chapter the budget chapter, null for that of the payment line
	 * @param subItem the sub-item (NDKT)
	 * @param taxPeriod the period ({@code KY_THUE}), null for that of the payment line
	 */
	public record Coding(String mst, @Nullable String chapter, String subItem, @Nullable String taxPeriod) {

	}

}

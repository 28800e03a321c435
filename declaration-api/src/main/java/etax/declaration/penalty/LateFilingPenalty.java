package etax.declaration.penalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The fine an officer decided for filing a return late (Decree 125/2020 Art. 13): a payable item of the taxpayer
 * under sub-item {@value FineTerms#SUB_ITEM}, due ten days after the decision ({@link FineTerms}). Late-payment
 * interest does not run on a fine.
 *
 * @param payableItemId the payable item the payment voucher names
 * @param returnId the return filed late
 * @param transactionCode its transaction code
 * @param mst the taxpayer
 * @param deadline the filing deadline the return was held to (an extended one if granted)
 * @param daysLate days after it the return was received
 * @param band the least and the most the fine could be
 * @param amount the fine, VND
 * @param decisionNumber the penalty decision's number
 * @param decidedOn the day it was issued
 * @param subItem the budget sub-item of the fine
 * @param taxPeriod the period as the voucher writes it: the decision's day ({@code dd/MM/yyyy})
 * @param dueDate the last day to pay it
 * @param recordedBy the officer who recorded it (token subject)
 * @param recordedAt when
 */
public record LateFilingPenalty(UUID payableItemId, UUID returnId, String transactionCode, String mst,
		LocalDate deadline, long daysLate, Band band, long amount, String decisionNumber, LocalDate decidedOn,
		String subItem, String taxPeriod, LocalDate dueDate, String recordedBy, Instant recordedAt) {

	/**
	 * @param min the least fine, VND
	 * @param max the most, VND
	 */
	public record Band(long min, long max) {

	}

}

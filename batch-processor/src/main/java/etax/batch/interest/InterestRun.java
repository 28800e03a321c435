package etax.batch.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one completed daily run assessed and took back, for officers.
 *
 * @param assessedFor the day assessed
 * @param jobExecutionId the execution that completed it
 * @param itemsAssessed payable items that accrued interest that day
 * @param totalInterest all of it, whole VND
 * @param itemsNotAssessable payable items left out: no interest sub-item or rate in force
 * @param completedAt when the run completed
 * @param byTaxType the same by tax type and sub-item
 * @param itemsCorrected payable items on which less had accrued through the day than was published (a
 * supplement lowered the tax, a payment was confirmed late), so that the excess was taken back
 * @param interestTakenBack all of it, whole VND
 */
public record InterestRun(LocalDate assessedFor, long jobExecutionId, long itemsAssessed, long totalInterest,
		long itemsNotAssessable, Instant completedAt, List<TaxTypeTotal> byTaxType, long itemsCorrected,
		long interestTakenBack) {

	/**
	 * @param taxType the tax type, e.g. {@code GTGT}
	 * @param taxSubItem the sub-item of the tax, e.g. 1701
	 * @param interestSubItem the sub-item the interest is booked under, e.g. 4931
	 * @param items payable items assessed
	 * @param interest their interest, whole VND
	 * @param itemsCorrected payable items whose interest published in excess was taken back
	 * @param interestTakenBack what was taken back, whole VND
	 */
	public record TaxTypeTotal(String taxType, String taxSubItem, String interestSubItem, long items, long interest,
			long itemsCorrected, long interestTakenBack) {
	}

}

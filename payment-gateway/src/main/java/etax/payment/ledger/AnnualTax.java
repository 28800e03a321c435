package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The year's tax of a sub-item as an accepted finalization declared it ({@code AnnualTaxFinalized} on
 * {@code etax.payable-items.v1}: 03/TNDN's E1 + E5 for corporate income tax, sub-item 1052), against which the
 * provisional payments of the year's first three quarters are judged (VN-ETAX §3.5 R-DL-4; Decree 126/2020
 * Art. 8(6) as amended by Decree 91/2022): what they paid by the third quarter's provisional deadline must reach
 * 75 % of it, and interest runs on what they fall short of ({@code payment.provisional_shortfall_v1}). It books
 * no obligation: the finalization's own payable items (I1) already charge what the year leaves to pay.
 *
 * @param shortfallId the id the shortfall is published under and its interest booked on
 * ({@link #shortfallIdOf}), the same for every finalization of the taxpayer, sub-item and year
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the tax sub-item, e.g. 1052
 * @param taxYear the calendar year
 * @param amount the year's tax, whole VND, zero or more
 * @param provisionalDeadline the last day to pay the third quarter on account, moved past holidays
 * @param returnId the finalization that declared it
 * @param sourceEventId the event
 * @param taxOffice the office the finalization was filed with, if the event named it
 * @param contentHash over its content, to tell a duplicate from a conflict
 */
record AnnualTax(String shortfallId, String mst, String chapter, String subItem, int taxYear, BigDecimal amount,
		LocalDate provisionalDeadline, UUID returnId, UUID sourceEventId, @Nullable String taxOffice,
		String contentHash) implements Booking {

	/** The shortfall's id for a taxpayer's sub-item and year: {@code TAMNOP75-1052-2025-0313829148}. */
	static String shortfallIdOf(String mst, String subItem, int taxYear) {
		return "TAMNOP75-" + subItem + "-" + taxYear + "-" + mst;
	}

	@Override
	public String itemId() {
		return this.shortfallId;
	}

}

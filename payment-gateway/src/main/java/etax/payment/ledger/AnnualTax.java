package etax.payment.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The year's tax of a sub-item as an accepted finalization declared it ({@code AnnualTaxFinalized} on
 * {@code etax.payable-items.v1}: 03/TNDN's E1 + E5 for corporate income tax, sub-item 1052), against which the
 * year's provisional payments are judged by the rule the event carries, the tax year's (Decree 126/2020 Art. 8(6)
 * as amended by Decree 91/2022; ADR 0006 addendum): what the year's first {@code provisionalQuarters} quarters paid
 * by the provisional deadline of the last of them must reach {@code requiredPercent} of it (from 2022 the four
 * quarters and 80 %, up to 2021 the first three and 75 %), and interest runs on what they fall short of
 * ({@code payment.provisional_shortfall_v1}). It books no obligation: the finalization's own payable items (I1)
 * already charge what the year leaves to pay.
 *
 * @param shortfallId the id the shortfall is published under and its interest booked on
 * ({@link #shortfallIdOf}), the same for every finalization of the taxpayer, sub-item and year
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the tax sub-item, e.g. 1052
 * @param taxYear the calendar year
 * @param amount the year's tax, whole VND, zero or more
 * @param provisionalDeadline the last day to pay the rule's last quarter on account, moved past holidays
 * @param provisionalQuarters how many of the year's first quarters count: 3 or 4
 * @param requiredPercent the share of the year's tax they must have paid, in whole percent: 75 or 80
 * @param returnId the finalization that declared it
 * @param sourceEventId the event
 * @param taxOffice the office the finalization was filed with, if the event named it
 * @param contentHash over its content, to tell a duplicate from a conflict
 */
record AnnualTax(String shortfallId, String mst, String chapter, String subItem, int taxYear, BigDecimal amount,
		LocalDate provisionalDeadline, int provisionalQuarters, int requiredPercent, UUID returnId, UUID sourceEventId,
		@Nullable String taxOffice,
		String contentHash) implements Booking {

	/**
	 * The shortfall's id for a taxpayer's sub-item and year: {@code TAMNOP75-1052-2025-0313829148}, whatever the
	 * year's rule; the 75 is the first rule's, kept because interest was booked under ids of this form.
	 */
	static String shortfallIdOf(String mst, String subItem, int taxYear) {
		return "TAMNOP75-" + subItem + "-" + taxYear + "-" + mst;
	}

	@Override
	public String itemId() {
		return this.shortfallId;
	}

}

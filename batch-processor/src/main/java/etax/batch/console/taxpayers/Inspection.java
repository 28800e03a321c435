package etax.batch.console.taxpayers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import etax.batch.console.Money;
import etax.schemas.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An inspection at the taxpayer's premises as declaration-api answers it
 * ({@code GET /api/v1/taxpayers/{mst}/inspections}): the decision announced, and its conclusion if recorded.
 *
 * @param id the inspection
 * @param mst the taxpayer
 * @param decisionNumber the decision's number
 * @param kind {@code THANH_TRA} or {@code KIEM_TRA}
 * @param kindLabel the kind in Vietnamese and English
 * @param periodFrom the first day of the inspected tax periods
 * @param periodTo the last day
 * @param taxTypes the tax types inspected; empty for all
 * @param announcedOn the day the decision was announced
 * @param recordedBy the officer who recorded it
 * @param recordedAt when
 * @param conclusion its conclusion, if recorded
 */
record Inspection(UUID id, String mst, String decisionNumber, String kind, @Nullable LocalizedText kindLabel,
		LocalDate periodFrom, LocalDate periodTo, @Nullable List<String> taxTypes, LocalDate announcedOn,
		String recordedBy, Instant recordedAt, @Nullable Conclusion conclusion) {

	/** @return the kind in words, Vietnamese first; its code when declaration-api gave no words */
	public String kindWords() {
		return (this.kindLabel != null) ? this.kindLabel.vi() + " (" + this.kindLabel.en() + ")" : this.kind;
	}

	/** @return the tax types inspected, or that all are */
	public String taxTypesWords() {
		return (this.taxTypes == null || this.taxTypes.isEmpty()) ? "all" : String.join(", ", this.taxTypes);
	}

	/** @return whether its conclusion is recorded */
	public boolean concluded() {
		return this.conclusion != null;
	}

	/**
	 * The conclusion or decision on tax handling that ended it.
	 *
	 * @param concludedOn the day it was issued
	 * @param decisionNumber its number
	 * @param recordedBy the officer who recorded it
	 * @param recordedAt when
	 * @param assessedTax the tax it assessed; none from a declaration-api that did not record it
	 */
	record Conclusion(LocalDate concludedOn, String decisionNumber, String recordedBy, Instant recordedAt,
			@Nullable List<AssessedTax> assessedTax) {

		/** @return the tax it assessed, each item in words, for the page */
		public List<String> assessedTaxWords() {
			return (this.assessedTax != null) ? this.assessedTax.stream().map(AssessedTax::words).toList() : List.of();
		}

	}

	/**
	 * Tax a conclusion assessed: a payable item of the taxpayer, due on its period's regular deadline.
	 *
	 * @param payableItemId the item the voucher names
	 * @param formCode the form whose period it is, e.g. {@code 01/GTGT}
	 * @param subItem the budget sub-item
	 * @param taxPeriod the period as the voucher writes it
	 * @param amount in VND
	 * @param dueDate the period's regular deadline: interest runs from the day after
	 * @param fine the fine decided for it, if any
	 */
	record AssessedTax(UUID payableItemId, String formCode, String subItem, String taxPeriod, long amount,
			LocalDate dueDate, @Nullable Fine fine) {

		String words() {
			return String.format("%s %s, sub-item %s: %s, due %s (item %s)%s", this.formCode, this.taxPeriod,
					this.subItem, Money.format(this.amount, "VND"), this.dueDate, this.payableItemId,
					(this.fine != null) ? "; " + this.fine.words() : "");
		}

	}

	/**
	 * The fine a conclusion decided for tax it assessed: a payable item of its own, bearing no interest.
	 *
	 * @param payableItemId the item the voucher names
	 * @param violation {@code UNDERSTATEMENT} or {@code EVASION}
	 * @param violationLabel the violation in Vietnamese and English
	 * @param rate the fine as a multiple of the tax
	 * @param amount in VND
	 * @param subItem the budget sub-item of fines
	 * @param dueDate the last day to pay it
	 */
	record Fine(UUID payableItemId, String violation, @Nullable LocalizedText violationLabel, BigDecimal rate,
			long amount, String subItem, LocalDate dueDate) {

		String words() {
			String violation = (this.violationLabel != null) ? this.violationLabel.en().toLowerCase(Locale.ROOT)
					: this.violation;
			return String.format("fine for %s, %s times the tax: %s under sub-item %s, due %s (item %s)", violation,
					this.rate.toPlainString(), Money.format(this.amount, "VND"), this.subItem, this.dueDate,
					this.payableItemId);
		}

	}

}

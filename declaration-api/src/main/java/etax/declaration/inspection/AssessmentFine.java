package etax.declaration.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import etax.schemas.LocalizedText;

/**
 * The fine a conclusion decided for tax it assessed (Law 38/2019 Art. 142, 143): a payable item of the taxpayer of
 * its own, collected as every fine is ({@link etax.declaration.payable.FineTerms}: sub-item 4254, due ten days after
 * the conclusion), on which no late-payment interest runs.
 *
 * @param payableItemId the payable item the payment voucher names
 * @param violation what the conclusion held against the tax
 * @param rate the fine as a multiple of the tax
 * @param amount the fine, VND
 * @param subItem the budget sub-item of the fine
 * @param taxPeriod the period as the voucher writes it: the conclusion's day ({@code dd/MM/yyyy})
 * @param dueDate the last day to pay it
 */
public record AssessmentFine(UUID payableItemId, Violation violation, BigDecimal rate, long amount, String subItem,
		String taxPeriod, LocalDate dueDate) {

	/**
	 * @return what the violation is called, in both languages
	 */
	@JsonProperty("violationLabel")
	public LocalizedText violationLabel() {
		return this.violation.label();
	}

}

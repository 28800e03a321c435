package etax.declaration.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import etax.declaration.calendar.DeadlineRule;
import etax.declaration.calendar.Deadlines;
import etax.declaration.calendar.FormPeriod;
import etax.declaration.payable.VoucherPeriods;
import etax.declaration.payable.FineTerms;
import etax.ids.TimeOrderedIds;

/**
 * What a conclusion may assess: for each item, a form of the catalog and a period it is filed for, one a return of the
 * form can declare ({@link FormPeriod}), of a tax type the inspection covers and sharing a day with its inspected
 * periods, a budget sub-item the form declares tax payable under, each form, period and sub-item once. The item is due
 * as the same tax declared on a supplement of the period would be (ADR 0023): on the deadline the period's accepted
 * original was held to, its regular deadline or an extension's; without a return, on the regular deadline or that of
 * the extension in force (ADR 0021). A fine decided for
 * it is a multiple of the tax its violation allows, within five years of that deadline, due as every fine is
 * ({@link FineTerms}).
 */
final class AssessmentRules {

	/**
	 * The largest amount the ledger books (numeric(18,0)), VND: the most tax assessed, and the most a fine may come
	 * to.
	 */
	static final long MAX_AMOUNT = 999_999_999_999_999_999L;


	private AssessmentRules() {
	}

	/**
	 * @throws InvalidInspectionException naming the item and field at fault, e.g. {@code assessedTax[1].subItem}
	 */
	static List<AssessedTax> resolve(List<TaxInspections.Assessment> assessments, TaxInspection inspection,
			LocalDate concludedOn, Deadlines deadlines, DueDates dueDates) {
		List<AssessedTax> assessed = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < assessments.size(); i++) {
			TaxInspections.Assessment assessment = assessments.get(i);
			String at = "assessedTax[" + i + "].";
			FormPeriod formPeriod;
			try {
				formPeriod = FormPeriod.resolve(assessment.maTKhai(), assessment.periodKind(), assessment.period(),
						deadlines);
			}
			catch (FormPeriod.Invalid ex) {
				throw new InvalidInspectionException(at + ex.field(), ex.getMessage());
			}
			String form = formPeriod.version().formCode();
			if (!inspection.taxTypes().isEmpty() && !inspection.taxTypes().contains(formPeriod.version().taxType())) {
				throw new InvalidInspectionException(at + "maTKhai", "Form " + form + " declares "
						+ formPeriod.version().taxType() + ", which the inspection does not cover " + inspection.taxTypes());
			}
			LocalDate start = DeadlineRule.periodStart(formPeriod.period());
			LocalDate end = DeadlineRule.periodEnd(formPeriod.period());
			if (start.isAfter(inspection.periodTo()) || end.isBefore(inspection.periodFrom())) {
				throw new InvalidInspectionException(at + "period", "The period " + assessment.period() + " (" + start
						+ " to " + end + ") is outside the inspected periods, " + inspection.periodFrom() + " to "
						+ inspection.periodTo());
			}
			if (!end.isBefore(concludedOn)) {
				throw new InvalidInspectionException(at + "period", "Tax is assessed on a period that had ended by the "
						+ "conclusion (" + concludedOn + "): " + assessment.period() + " ends on " + end);
			}
			Set<String> subItems = new TreeSet<>(formPeriod.version().payableIndicators().values());
			if (!subItems.contains(assessment.subItem())) {
				throw new InvalidInspectionException(at + "subItem", "Form " + form + " declares tax payable under "
						+ (subItems.isEmpty() ? "no sub-item" : "sub-items " + String.join(", ", subItems)) + ", not "
						+ assessment.subItem());
			}
			if (!seen.add(String.join(" ", assessment.maTKhai(), assessment.periodKind(), assessment.period(),
					assessment.subItem()))) {
				throw new InvalidInspectionException(at + "subItem",
						"Form " + form + ", period " + assessment.period() + " and sub-item " + assessment.subItem()
								+ " are assessed twice: one amount each");
			}
			TaxInspections.Fine fine = assessment.fine();
			LocalDate due = dueDates.of(assessment.maTKhai(), formPeriod);
			assessed.add(new AssessedTax(TimeOrderedIds.next(), form, assessment.maTKhai(), assessment.periodKind(),
					assessment.period(), assessment.subItem(), VoucherPeriods.of(formPeriod.period()), assessment.amount(),
					due, (fine != null) ? fine(fine, assessment.amount(), at + "fine.", due, concludedOn, deadlines) : null));
		}
		return assessed;
	}

	/** When the tax of a form and period is due. */
	@FunctionalInterface
	interface DueDates {

		LocalDate of(String maTKhai, FormPeriod formPeriod);

	}

	private static AssessmentFine fine(TaxInspections.Fine fine, long tax, String at, LocalDate due,
			LocalDate concludedOn, Deadlines deadlines) {
		Violation violation = Violation.of(fine.violation())
			.orElseThrow(() -> new InvalidInspectionException(at + "violation", "A fine is decided for one of "
					+ Arrays.toString(Violation.values()) + ", not " + fine.violation()));
		LocalDate barred = due.plus(FineTerms.UNDERPAYMENT_TIME_BAR);
		if (concludedOn.isAfter(barred)) {
			throw new InvalidInspectionException(at + "violation", "Law 38/2019 Art. 137(1): tax "
					+ violation.name().toLowerCase(java.util.Locale.ROOT) + " is fined within five years of the "
					+ "deadline of its return (" + due + "), by " + barred + "; the conclusion is of " + concludedOn
					+ ": the tax is assessed without a fine");
		}
		BigDecimal rate = (fine.rate() != null) ? fine.rate() : violation.rates().get(0);
		if (!violation.allows(rate)) {
			throw new InvalidInspectionException(at + "rate", "The fine for " + violation.name() + " is "
					+ String.join(" or ", violation.rates().stream().map(BigDecimal::toPlainString).toList())
					+ " times the tax, not " + rate.toPlainString());
		}
		long amount = Violation.fine(tax, rate);
		if (amount < 1) {
			throw new InvalidInspectionException(at + "rate", "The fine, " + rate.toPlainString() + " times the tax of "
					+ tax + " VND, is less than 1 VND: no fine is decided on so little tax");
		}
		if (amount > MAX_AMOUNT) {
			// the ledger books amounts below 10^18 VND
			throw new InvalidInspectionException(at + "rate", "The fine, " + rate.toPlainString() + " times the tax, "
					+ "would be " + amount + " VND: more than the ledger books (" + MAX_AMOUNT + ")");
		}
		return new AssessmentFine(TimeOrderedIds.next(), violation, rate.stripTrailingZeros(), amount,
				FineTerms.SUB_ITEM, FineTerms.taxPeriod(concludedOn), FineTerms.dueDate(concludedOn, deadlines));
	}

}

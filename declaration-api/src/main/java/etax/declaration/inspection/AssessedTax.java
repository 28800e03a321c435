package etax.declaration.inspection;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Tax an inspection's conclusion assessed (thuế truy thu, VN-ETAX.md §5.6): a payable item of the taxpayer for a
 * form's period and budget sub-item, due on the period's regular deadline, so that late-payment interest runs from
 * the day after it, as on tax a supplement adds (Law 38/2019 Art. 59(1)). The ledger books it as it books a
 * return's items.
 *
 * @param payableItemId the payable item the payment voucher names
 * @param formCode the form whose period was under-declared, e.g. {@code 01/GTGT}
 * @param maTKhai the form's id in the XML
 * @param periodKind {@code kieuKy}
 * @param period the period, as an officer names it ({@code q/yyyy}, {@code MM/yyyy}, ...)
 * @param subItem the budget sub-item (NDKT), one the form declares tax payable under
 * @param taxPeriod the period as the voucher writes it ({@code KY_THUE}, {@code 00/Q1/2026})
 * @param amount the tax assessed, in VND
 * @param dueDate the period's regular deadline, moved past weekends and holidays
 * @param fine the fine the conclusion decided for it, if any
 */
public record AssessedTax(UUID payableItemId, String formCode, String maTKhai, String periodKind, String period,
		String subItem, String taxPeriod, long amount, LocalDate dueDate, @Nullable AssessmentFine fine) {

}

package etax.declaration.payable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One obligation created by an accepted return (VN-ETAX.md §4: the IDKhoanNop of the acceptance notice).
 *
 * @param id the payable item id the payment voucher quotes
 * @param chapter the budget chapter (mã chương) of the taxpayer
 * @param subItem the budget sub-item (tiểu mục, NDKT), e.g. 1701 for domestic VAT
 * @param indicator the return's indicator that carries the amount, e.g. {@code ct40}
 * @param taxPeriod the tax period as the voucher writes it ({@code KY_THUE}: {@code 00/Q1/2026})
 * @param amount the amount in VND
 * @param dueDate the last day to pay without late-payment interest
 * @param paymentReference what the filer quotes when paying
 */
public record PayableItem(UUID id, String chapter, String subItem, String indicator, String taxPeriod, long amount,
		LocalDate dueDate, String paymentReference) {

}

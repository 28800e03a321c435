package etax.payment.confirmation;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One line of a payment voucher ({@code ROW_CTIET}).
 *
 * @param chapter the budget chapter ({@code MA_CHUONG}), 3 digits
 * @param subItem the economic sub-item ({@code MA_NDKT}, tiểu mục), 4 digits
 * @param taxPeriod the period paid for ({@code KY_THUE})
 * @param amount whole VND, positive
 * @param payableItemId the payable item (ID khoản phải nộp) the payer named, if any
 */
public record ConfirmationLine(String chapter, String subItem, TaxPeriod taxPeriod, BigDecimal amount,
		@Nullable String payableItemId) {

}

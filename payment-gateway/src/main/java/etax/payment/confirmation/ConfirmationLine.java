package etax.payment.confirmation;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * One line of a payment voucher ({@code ROW_CTIET}).
 *
 * @param chapter the budget chapter ({@code MA_CHUONG}), 3 digits
 * @param subItem the economic sub-item ({@code MA_NDKT}, tiểu mục), 4 digits
 * @param taxPeriod the period paid for ({@code KY_THUE})
 * @param amount positive, in the voucher's currency
 * @param payableItemId the payable item (ID khoản phải nộp) the payer named, if any
 * @param returnNumber the return, decision or notice number ({@code SO_TK_TB_QD}), if any
 */
public record ConfirmationLine(String chapter, String subItem, TaxPeriod taxPeriod, BigDecimal amount,
		@Nullable String payableItemId, @Nullable String returnNumber) {

	/**
	 * The amount in whole VND: as it is for a VND voucher, else times the rate, rounded half up.
	 * @param exchangeRate VND per unit of the voucher's currency, or null for VND
	 */
	public BigDecimal amountVnd(@Nullable BigDecimal exchangeRate) {
		return (exchangeRate != null) ? this.amount.multiply(exchangeRate).setScale(0, RoundingMode.HALF_UP)
				: this.amount.setScale(0, RoundingMode.UNNECESSARY);
	}

}

package etax.batch.interest;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One payable item as the ledger publishes it ({@code payment.interest_basis_v1}), with where this
 * service's assessment of it stands.
 *
 * @param payableItemId the payable item (ID khoản phải nộp)
 * @param mst the taxpayer
 * @param chapter the budget chapter
 * @param subItem the tax sub-item (NDKT), e.g. 1701
 * @param taxPeriod the period as the voucher writes it, e.g. {@code 00/Q1/2026}
 * @param amount what was charged, whole VND
 * @param dueDate the last day to pay without interest
 * @param reductions what was paid against it and not reversed, oldest first
 * @param assessedThrough the last day assessed, or {@code null} before the first assessment
 * @param assessedTotal all interest published on it so far, whole VND
 */
record InterestBasis(String payableItemId, String mst, String chapter, String subItem, String taxPeriod, long amount,
		LocalDate dueDate, List<Reduction> reductions, @Nullable LocalDate assessedThrough, long assessedTotal) {

	InterestBasis {
		reductions = List.copyOf(reductions);
	}

	/**
	 * An amount that stopped counting as unpaid from a day on.
	 * @param paidOn the day it counts as paid (the bank-confirmed payment date, NGAY_NTHUE): interest on it
	 * runs up to the day before
	 * @param amount whole VND
	 */
	record Reduction(LocalDate paidOn, long amount) {
	}

}

package etax.batch.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.TreeSet;

import etax.batch.interest.InterestBasis.Reduction;

/**
 * Late-payment interest on one payable item (Law 38/2019 Art. 59, VN-ETAX §5.6), exact, before rounding:
 * the unpaid amount times the daily rate, for each day from the day after the due date up to the day
 * before the tax counts as paid. A payment dated P reduces the base from day P on, so a partial payment
 * splits the days into segments with different bases, and a change of rate splits them too.
 *
 * <p>
 * Worked example: 22,000,000 VND due 4 May 2026, paid on 20 May: 5 to 19 May are 15 days, 22,000,000 ×
 * 0.0003 × 15 = 99,000 VND.
 */
final class LateInterest {

	private final InterestReference reference;

	LateInterest(InterestReference reference) {
		this.reference = reference;
	}

	/**
	 * Whether the item accrues interest before the first rate in force: those days are not assessed (none is before
	 * a rate is added for them), the days from the first rate on are.
	 * @param basis the item
	 * @return {@code true} when its first day of interest is before the first rate
	 */
	boolean startsBeforeTheFirstRate(InterestBasis basis) {
		LocalDate firstRate = this.reference.firstRateDay();
		return firstRate == null || basis.dueDate().plusDays(1).isBefore(firstRate);
	}

	/**
	 * The interest accrued from the day after the due date, or the first rate's day if later, through a day.
	 * @param basis the item
	 * @param day the last day counted
	 * @return the exact amount in VND, zero when the day is not after the due date or there is no rate
	 */
	BigDecimal accruedThrough(InterestBasis basis, LocalDate day) {
		LocalDate firstRate = this.reference.firstRateDay();
		if (firstRate == null) {
			return BigDecimal.ZERO;
		}
		LocalDate first = later(basis.dueDate().plusDays(1), firstRate);
		if (day.isBefore(first)) {
			return BigDecimal.ZERO;
		}
		TreeSet<LocalDate> segmentStarts = new TreeSet<>();
		segmentStarts.add(first);
		segmentStarts.add(day.plusDays(1));
		for (Reduction reduction : basis.reductions()) {
			if (reduction.paidOn().isAfter(first) && !reduction.paidOn().isAfter(day)) {
				segmentStarts.add(reduction.paidOn());
			}
		}
		segmentStarts.addAll(this.reference.rateChanges(first, day));
		BigDecimal accrued = BigDecimal.ZERO;
		LocalDate from = segmentStarts.pollFirst();
		for (LocalDate next : segmentStarts) {
			long base = unpaidOn(basis, Objects.requireNonNull(from));
			if (base > 0) {
				BigDecimal rate = Objects.requireNonNull(this.reference.rateOn(from));
				accrued = accrued.add(rate.multiply(BigDecimal.valueOf(base))
					.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, next))));
			}
			from = next;
		}
		return accrued;
	}

	private static LocalDate later(LocalDate one, LocalDate other) {
		return one.isAfter(other) ? one : other;
	}

	private static long unpaidOn(InterestBasis basis, LocalDate day) {
		long unpaid = basis.amount();
		for (Reduction reduction : basis.reductions()) {
			if (!reduction.paidOn().isAfter(day)) {
				unpaid -= reduction.amount();
			}
		}
		return Math.max(0, unpaid);
	}

}

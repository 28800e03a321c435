package etax.declaration.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.Set;

import etax.schemas.TaxPeriod;

/**
 * What a free date range (kieuKy K or N, VN-ETAX.md §1.3: a non-calendar fiscal year, a part year, a contract) may be
 * as the period of a return, whoever names it: a taxpayer's original (the intake's CTX-PER-05 and CTX-PER-06), an
 * officer's extension or assessment ({@link FormPeriod}). One place, so that an officer cannot name a period no
 * return can carry: an extension that would never apply, tax assessed on a range no chain has.
 */
public final class DateRangeLimits {

	/** A fiscal year's longest: a first year shorter than three months joins the next. */
	public static final int LONGEST_FISCAL_YEAR_MONTHS = 15;

	private static final Set<String> RANGE_KINDS = Set.of("K", "N");

	/**
	 * The forms whose range is a contract's duration, not a fiscal period (02/NTNN, 04/NTNN: one finalization per
	 * foreign contractor's contract, their form.yaml says): a contract may last longer than a fiscal year, and a
	 * taxpayer's contracts overlap in time.
	 */
	private static final Set<String> PER_CONTRACT = Set.of("921", "922");

	private DateRangeLimits() {
	}

	/** @return whether a period of this kind is named by its bounds rather than by {@code kyKKhai} */
	public static boolean isRange(String kind) {
		return RANGE_KINDS.contains(kind);
	}

	/** @return whether the form's date range is a contract's duration rather than a fiscal period */
	public static boolean perContract(String maTKhai) {
		return PER_CONTRACT.contains(maTKhai);
	}

	/**
	 * CTX-PER-05: a range that is exactly a calendar year, of a form that takes years (Y), is that year, and is
	 * declared as one, so that it meets the year's chain and the rules that look the year up.
	 * @param period a well-formed period
	 * @param formPeriodKinds the kinds the form is filed for
	 * @return the calendar year, if the period is a date range that is exactly one and the form takes years
	 */
	public static Optional<Year> calendarYear(TaxPeriod period, Set<String> formPeriodKinds) {
		LocalDate from = period.from();
		if (!isRange(period.kind()) || !formPeriodKinds.contains("Y") || from == null || from.getDayOfYear() != 1
				|| !from.withMonth(12).withDayOfMonth(31).equals(period.to())) {
			return Optional.empty();
		}
		return Optional.of(Year.of(from.getYear()));
	}

	/**
	 * CTX-PER-06: a date range is a fiscal year or a part of one, at most {@value #LONGEST_FISCAL_YEAR_MONTHS}
	 * months (a new business's first short year joined to the next); longer, it would put off the deadline, and the
	 * due date of every year's tax in it, to the range's end. Not the forms filed per contract, whose range is the
	 * contract's duration.
	 * @param period a well-formed period
	 * @param maTKhai its form
	 * @return whether the period is a date range longer than that
	 */
	public static boolean longerThanAFiscalYear(TaxPeriod period, String maTKhai) {
		LocalDate from = period.from();
		LocalDate to = period.to();
		return isRange(period.kind()) && !perContract(maTKhai) && from != null && to != null
				&& to.isAfter(from.plusMonths(LONGEST_FISCAL_YEAR_MONTHS).minusDays(1));
	}

}

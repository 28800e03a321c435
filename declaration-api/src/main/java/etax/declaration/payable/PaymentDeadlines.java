package etax.declaration.payable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

import etax.schemas.TaxPeriod;

/**
 * The payment deadline of self-assessed tax, which is the filing deadline (Law 38/2019 Art. 44 and 55,
 * VN-ETAX.md §3.5): the 20th of the next month for a month, the last day of the quarter's next month
 * for a quarter, the last day of the third month after a year or fiscal period, the tenth day after an
 * occurrence; a deadline on a weekend moves to the next Monday. Public holidays are not yet applied:
 * the holiday calendar arrives with the filing rules.
 */
final class PaymentDeadlines {

	private PaymentDeadlines() {
	}

	static LocalDate of(TaxPeriod period) {
		LocalDate end = periodEnd(period);
		LocalDate deadline = switch (period.kind()) {
			case "M" -> YearMonth.from(end).plusMonths(1).atDay(20);
			case "Q" -> YearMonth.from(end).plusMonths(1).atEndOfMonth();
			case "D" -> end.plusDays(10);
			default -> YearMonth.from(end).plusMonths(3).atEndOfMonth();
		};
		return nextWorkingDay(deadline);
	}

	private static LocalDate periodEnd(TaxPeriod period) {
		if (period.to() != null) {
			return period.to();
		}
		String value = period.value();
		return switch (period.kind()) {
			case "M" -> YearMonth.of(Integer.parseInt(value.substring(3)), Integer.parseInt(value.substring(0, 2)))
				.atEndOfMonth();
			case "Q" -> YearMonth.of(Integer.parseInt(value.substring(2)), Integer.parseInt(value.substring(0, 1)) * 3)
				.atEndOfMonth();
			case "Y" -> LocalDate.of(Integer.parseInt(value), 12, 31);
			default -> throw new IllegalArgumentException("Period without an end date: " + period);
		};
	}

	private static LocalDate nextWorkingDay(LocalDate day) {
		LocalDate result = day;
		while (result.getDayOfWeek() == DayOfWeek.SATURDAY || result.getDayOfWeek() == DayOfWeek.SUNDAY) {
			result = result.plusDays(1);
		}
		return result;
	}

}

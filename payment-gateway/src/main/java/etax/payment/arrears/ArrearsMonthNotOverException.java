package etax.payment.arrears;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A month's arrears notices were asked for before they may be issued: the month is this one or a later one, or it
 * ended less than {@link ArrearsMonths#SETTLE_DAYS} days ago and its last day's interest is not assessed yet. A
 * notice is never changed, so one issued then would stay without what the month still adds.
 */
public final class ArrearsMonthNotOverException extends RuntimeException {

	private ArrearsMonthNotOverException(String message) {
		super(message);
	}

	static ArrearsMonthNotOverException forMonth(YearMonth month) {
		LocalDate from = month.atEndOfMonth().plusDays(ArrearsMonths.SETTLE_DAYS + 1L);
		return new ArrearsMonthNotOverException("The month " + month + " is not over and settled: its notices are "
				+ "issued from " + from + ", once its last day's interest is assessed");
	}

}

package etax.payment.arrears;

import java.time.YearMonth;

/** The taxpayer has no arrears notice of the month: it owed nothing overdue then, or the month is not issued yet. */
public final class ArrearsNoticeNotFoundException extends RuntimeException {

	ArrearsNoticeNotFoundException(YearMonth month) {
		super("The taxpayer has no arrears notice of " + month);
	}

}

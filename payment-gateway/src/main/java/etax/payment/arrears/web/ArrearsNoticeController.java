package etax.payment.arrears.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import etax.access.Caller;
import etax.access.Role;
import etax.payment.arrears.ArrearsNotices;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issues a month's arrears notices on demand, as the daily schedule does, for a national officer (the notices go to
 * every office's taxpayers); another officer is refused with 403.
 * <p>
 * A notice is never changed and there is one per taxpayer and month, so a month issued too early would be wrong for
 * good. Any month that is over and settled may be issued, however old: a notice states what the taxpayer owed at the
 * month's end, computed from the ledger's lines as of that day (a payment after it does not take the debt off, an item
 * booked after it, or its interest after the settling days, is not in it), so an older month, one the schedule missed
 * or one before the feature, comes out as the ledger stood then, not as the month's own run would have had it had a
 * later correction (a reversal, a reduction) not been booked. A month that is
 * not over (this month, a later one, or the month before until its third day, when its last day's interest is
 * assessed) is refused with 422 {@code arrears-month-not-over}, and nothing is stored for it.
 */
@RestController
class ArrearsNoticeController {

	private final ArrearsNotices notices;

	ArrearsNoticeController(ArrearsNotices notices) {
		this.notices = notices;
	}

	@Operation(summary = "Issue a month's notices of tax arrears and late-payment interest (07/QLN)",
			description = "For a month that is over (from the third of the next), one notice to each taxpayer with an "
					+ "item overdue and unpaid at its end, stating what it owed on that day (a payment made later does "
					+ "not take it off); a taxpayer that has the month's notice already gets none again. An earlier "
					+ "month may be issued too; this month, a later one or one not settled yet is refused with 422 "
					+ "arrears-month-not-over. National officers only.")
	@PostMapping("/api/v1/arrears-notices")
	Issued issue(@RequestParam String month, @AuthenticationPrincipal Caller caller) {
		if (caller.role() != Role.NATIONAL_OFFICER) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a national officer issues arrears notices");
		}
		YearMonth issued = parse(month);
		ArrearsNotices.Issuance run = this.notices.issue(issued);
		return new Issued(issued.toString(), run.issued(), run.failed());
	}

	/**
	 * A month of a year from 1 to 9999, as {@code yyyy-MM}; anything else is a 400. Java reads years far past 9999
	 * ({@code +999999999-12}), whose settling days after the month's end are past the last date it can hold: such a
	 * month is the caller's mistake, not a failure of the server.
	 */
	private static YearMonth parse(String month) {
		try {
			YearMonth parsed = YearMonth.parse(month);
			if (parsed.getYear() >= 1 && parsed.getYear() <= 9999) {
				return parsed;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below, as a month before year 1 or after 9999 is
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be yyyy-MM, of a year from 1 to 9999");
	}

	/**
	 * @param month the month
	 * @param issued how many notices were issued now
	 * @param failed how many taxpayers' notices could not be issued (logged; the next morning's run tries them again)
	 */
	record Issued(String month, int issued, int failed) {

	}

}

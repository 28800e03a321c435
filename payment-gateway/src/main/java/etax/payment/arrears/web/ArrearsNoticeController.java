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
 * Issues a month's arrears notices on demand, as the monthly schedule does, for a national officer (the notices go
 * to every office's taxpayers); another officer is refused with 403.
 */
@RestController
class ArrearsNoticeController {

	private final ArrearsNotices notices;

	ArrearsNoticeController(ArrearsNotices notices) {
		this.notices = notices;
	}

	@Operation(summary = "Issue a month's notices of tax arrears and late-payment interest (07/QLN)",
			description = "For a month that is over (from the third of the next), one notice to each taxpayer with an "
					+ "item overdue and unpaid at its "
					+ "end, or interest unpaid; a taxpayer that has the month's notice already gets none again. National "
					+ "officers only.")
	@PostMapping("/api/v1/arrears-notices")
	Issued issue(@RequestParam String month, @AuthenticationPrincipal Caller caller) {
		if (caller.role() != Role.NATIONAL_OFFICER) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a national officer issues arrears notices");
		}
		YearMonth issued;
		try {
			issued = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be yyyy-MM");
		}
		if (!this.notices.over(issued)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The month is not over and settled: its notices "
					+ "are issued from the third of the next month, once its last day's interest is assessed");
		}
		return new Issued(issued.toString(), this.notices.issue(issued));
	}

	/**
	 * @param month the month
	 * @param issued how many notices were issued now
	 */
	record Issued(String month, int issued) {

	}

}

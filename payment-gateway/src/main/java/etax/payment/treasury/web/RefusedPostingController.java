package etax.payment.treasury.web;

import java.util.List;

import etax.access.Caller;
import etax.payment.office.OfficeScope;
import etax.payment.office.TaxOffices;
import etax.payment.treasury.RefusedPosting;
import etax.payment.treasury.TreasuryAcks;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Postings the treasury refused, for officers (the gateway's officer views, SecurityConfiguration). */
@RestController
class RefusedPostingController {

	private final TreasuryAcks acks;

	private final TaxOffices offices;

	RefusedPostingController(TreasuryAcks acks, TaxOffices offices) {
		this.acks = acks;
		this.offices = offices;
	}

	@Operation(summary = "Postings the treasury refused, with its reason, oldest refusal first",
			description = "No money moved for these: each amount stays in the treasury receivable until an officer "
					+ "has the posting corrected and posted again, or the money returned (ADR 0007). An office's "
					+ "officer lists the postings of its office's payments (the office their collecting agency maps "
					+ "to), the payment desk also those of agencies not mapped, a national officer all.")
	@GetMapping("/api/v1/treasury/postings/refused")
	RefusedPostingPage refused(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		OfficeScope scope = this.offices.scopeOf(caller);
		return new RefusedPostingPage(this.acks.refused(scope, page, size), page, size,
				this.acks.countRefused(scope));
	}

	record RefusedPostingPage(List<RefusedPosting> items, int page, int size, long totalElements) {

	}

}

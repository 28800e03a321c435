package etax.payment.treasury.web;

import java.util.List;

import etax.access.Caller;
import etax.payment.office.OfficeScope;
import etax.payment.office.TaxOffices;
import etax.payment.treasury.TreasuryAcks;
import etax.payment.treasury.UnackedPosting;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UnackedPostingController {

	private final TreasuryAcks acks;

	private final TaxOffices offices;

	UnackedPostingController(TreasuryAcks acks, TaxOffices offices) {
		this.acks = acks;
		this.offices = offices;
	}

	@Operation(summary = "Postings the treasury has not acked within the ack timeout, oldest first",
			description = "An office's officer lists the postings of its office's payments (the office their "
					+ "collecting agency maps to), the payment desk also those of agencies not mapped, a national "
					+ "officer all.")
	@GetMapping("/api/v1/treasury/postings/overdue")
	OverduePage overdue(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Caller caller) {
		OfficeScope scope = this.offices.scopeOf(caller);
		return new OverduePage(this.acks.overdue(scope, page, size), page, size,
				this.acks.countOverdue(scope));
	}

	record OverduePage(List<UnackedPosting> items, int page, int size, long totalElements) {

	}

}

package etax.payment.treasury.web;

import java.util.List;

import etax.payment.treasury.RefusedPosting;
import etax.payment.treasury.TreasuryAcks;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Postings the treasury refused, for officers (the gateway's officer views, SecurityConfiguration). */
@RestController
class RefusedPostingController {

	private final TreasuryAcks acks;

	RefusedPostingController(TreasuryAcks acks) {
		this.acks = acks;
	}

	@Operation(summary = "Postings the treasury refused, with its reason, oldest refusal first",
			description = "No money moved for these: each amount stays in the treasury receivable until an officer "
					+ "has the posting corrected and posted again, or the money returned (ADR 0007).")
	@GetMapping("/api/v1/treasury/postings/refused")
	RefusedPostingPage refused(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return new RefusedPostingPage(this.acks.refused(page, size), page, size, this.acks.countRefused());
	}

	record RefusedPostingPage(List<RefusedPosting> items, int page, int size, long totalElements) {

	}

}

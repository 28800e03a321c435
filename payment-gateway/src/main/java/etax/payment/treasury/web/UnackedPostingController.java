package etax.payment.treasury.web;

import java.util.List;

import etax.payment.treasury.TreasuryAcks;
import etax.payment.treasury.UnackedPosting;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UnackedPostingController {

	private final TreasuryAcks acks;

	UnackedPostingController(TreasuryAcks acks) {
		this.acks = acks;
	}

	@Operation(summary = "Postings the treasury has not acked within the ack timeout, oldest first")
	@GetMapping("/api/v1/treasury/postings/overdue")
	OverduePage overdue(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return new OverduePage(this.acks.overdue(page, size), page, size, this.acks.countOverdue());
	}

	record OverduePage(List<UnackedPosting> items, int page, int size, long totalElements) {

	}

}

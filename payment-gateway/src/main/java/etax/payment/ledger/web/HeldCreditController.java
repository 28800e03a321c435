package etax.payment.ledger.web;

import java.util.List;

import etax.payment.ledger.HeldCredit;
import etax.payment.ledger.TaxpayerLedger;
import etax.payment.ledger.TaxpayerLedger.HeldCredits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credits held for an officer, for officers (the gateway's officer views, SecurityConfiguration): money
 * whose payment line named another taxpayer's payable item, which waits as the payer's credit naming it.
 */
@RestController
class HeldCreditController {

	private final TaxpayerLedger ledger;

	HeldCreditController(TaxpayerLedger ledger) {
		this.ledger = ledger;
	}

	@Operation(summary = "Credits held for an officer: payment lines that named another taxpayer's payable item, "
			+ "oldest first",
			description = "Each waits as the payer's credit naming the item: it is not offset against the payer's "
					+ "items and does not pay the named one. Only credits with something left are listed.")
	@GetMapping("/api/v1/credits/held")
	HeldCreditPage held(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		HeldCredits held = this.ledger.held(page, size);
		return new HeldCreditPage(held.credits(), page, size, held.total());
	}

	record HeldCreditPage(List<HeldCredit> items, int page, int size, long totalElements) {

	}

}

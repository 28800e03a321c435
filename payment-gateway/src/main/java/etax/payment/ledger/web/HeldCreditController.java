package etax.payment.ledger.web;

import java.util.List;

import etax.access.Caller;
import etax.payment.ledger.HeldCredit;
import etax.payment.ledger.HeldCreditCursor;
import etax.payment.ledger.HeldCreditResolutions;
import etax.payment.ledger.TaxpayerLedger;
import etax.payment.ledger.TaxpayerLedger.HeldCredits;
import etax.payment.office.OfficeScope;
import etax.payment.office.TaxOffices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Credits held for an officer, for officers (the gateway's officer views, SecurityConfiguration): money
 * whose payment line named another taxpayer's payable item, or an item never booked, which waits as the payer's
 * credit naming it until two officers resolve it with a correction request ({@code APPLY_HELD},
 * {@code RELEASE_HELD}).
 */
@RestController
class HeldCreditController {

	private final TaxpayerLedger ledger;

	private final HeldCreditResolutions resolutions;

	private final TaxOffices offices;

	HeldCreditController(TaxpayerLedger ledger, HeldCreditResolutions resolutions, TaxOffices offices) {
		this.ledger = ledger;
		this.resolutions = resolutions;
		this.offices = offices;
	}

	@Operation(summary = "Credits held for an officer: payment lines that named another taxpayer's payable item, "
			+ "or an item never booked, oldest first; with resolved=true those officers resolved, the latest first",
			description = "Each waits as the payer's credit naming the item: it is not offset against the payer's "
					+ "items and does not pay the named one. reason ITEM_OF_ANOTHER_TAXPAYER: the item is booked for "
					+ "another taxpayer (namedItem shows it); ITEM_NEVER_BOOKED: the item was still not booked "
					+ "etax.payment.ledger.unbooked-item-wait (30 days) after the payment was recorded (namedItem has "
					+ "only its id), and it is listed from then on; if the item arrives before a release it takes the "
					+ "credit as ever. Only unresolved credits with something left are listed, "
					+ "unless resolved=true. Two officers resolve one with a correction request naming its bank, "
					+ "reference and lineNumber: kind APPLY_HELD applies it to the named item (not to an item never "
					+ "booked), RELEASE_HELD makes it "
					+ "the payer's own credit, offset against its due items like any overpayment "
					+ "(POST /api/v1/corrections/proposals, then POST /api/v1/corrections). "
					+ "An office's officer lists the credits of its office's payments (the office their collecting "
					+ "agency maps to), the payment desk also those of agencies not mapped, a national officer all.")
	@GetMapping("/api/v1/credits/held")
	HeldCreditPage held(
			@Parameter(description = "the previous page's next: a page goes on from the last credit listed, so that "
					+ "credits resolved meanwhile hide none")
			@RequestParam(required = false) @Nullable @Size(max = 80) String after,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
			@Parameter(description = "true: the resolved ones, each with its resolution (who, when, what was "
					+ "applied and released)") @RequestParam(defaultValue = "false") boolean resolved,
			@AuthenticationPrincipal Caller caller) {
		OfficeScope scope = this.offices.scopeOf(caller);
		HeldCreditCursor from;
		try {
			from = (after != null) ? HeldCreditCursor.parse(after, resolved) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		HeldCredits held = resolved ? this.resolutions.resolved(scope, from, size) : this.ledger.held(scope, from, size);
		return new HeldCreditPage(held.credits(), size, held.total(),
				(held.next() != null) ? held.next().toString() : null);
	}

	/**
	 * @param next the next page's {@code after}, null on the last page
	 */
	record HeldCreditPage(List<HeldCredit> items, int size, long totalElements, @Nullable String next) {

	}

}

package etax.payment.confirmation.web;

import etax.payment.confirmation.BankIntake;
import etax.payment.confirmation.BankIntake.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank intake over HTTP. The caller is a bank (role BANK); the authority {@code bank:<code>} names
 * which, and the confirmation must be its own.
 */
@RestController
class BankConfirmationController {

	/** The authority prefix that names the authenticated bank. */
	static final String BANK_AUTHORITY = "bank:";

	private final BankIntake intake;

	BankConfirmationController(BankIntake intake) {
		this.intake = intake;
	}

	@Operation(summary = "A bank confirms a payment (JSON version 1 or camt.054); 202 once it is on the topic")
	@PostMapping(path = "/api/v1/bank/confirmations", consumes = { "application/json", "application/xml", "text/xml" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted confirm(@RequestBody String body, @RequestHeader(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
			Authentication caller) {
		String bankCode = caller.getAuthorities()
			.stream()
			.map((authority) -> authority.getAuthority())
			.filter((authority) -> authority != null && authority.startsWith(BANK_AUTHORITY))
			.map((authority) -> authority.substring(BANK_AUTHORITY.length()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("A BANK caller always has a bank authority"));
		return this.intake.submit(bankCode, body, contentType);
	}

}

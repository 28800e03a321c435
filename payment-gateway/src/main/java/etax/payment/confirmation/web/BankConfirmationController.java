package etax.payment.confirmation.web;

import java.util.Objects;

import etax.access.Caller;
import etax.payment.confirmation.BankIntake;
import etax.payment.confirmation.BankIntake.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank intake over HTTP. The caller is a bank (role BANK); its token's {@code bank} claim names which,
 * and the confirmation must be its own.
 */
@RestController
class BankConfirmationController {

	private final BankIntake intake;

	BankConfirmationController(BankIntake intake) {
		this.intake = intake;
	}

	@Operation(summary = "A bank confirms a payment (JSON version 1 or camt.054); 202 once it is on the topic")
	@PostMapping(path = "/api/v1/bank/confirmations", consumes = { "application/json", "application/xml", "text/xml" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted confirm(@RequestBody String body, @RequestHeader(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
			@AuthenticationPrincipal Caller bank) {
		return this.intake.submit(Objects.requireNonNull(bank.bank()), body, contentType);
	}

}

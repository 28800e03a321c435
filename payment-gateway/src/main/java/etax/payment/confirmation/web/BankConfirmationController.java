package etax.payment.confirmation.web;

import java.io.IOException;
import java.util.Objects;

import etax.access.Caller;
import etax.payment.confirmation.BankIntake;
import etax.payment.confirmation.BankIntake.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
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

	/**
	 * The media types of ADR 0005: JSON and XML, including every {@code +json} and {@code +xml} type
	 * ({@code application/vnd.bank+json}). The body is read here, up to its size limit, rather than by a
	 * {@code @RequestBody String}, which would read it whole before anyone looked at its size.
	 */
	@Operation(summary = "A bank confirms a payment (JSON version 1 or camt.054); 202 once it is on the topic",
			description = "The message signed with the bank's registered key (ADR 0005). 413 for a body over 1 MiB.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "A confirmation message: JSON version 1 or ISO 20022 camt.054 (ADR 0005)",
					content = { @Content(mediaType = "application/json", schema = @Schema(type = "string")),
							@Content(mediaType = "application/xml", schema = @Schema(type = "string")) }))
	@ApiResponse(responseCode = "202", description = "On the topic: it will be recorded exactly once",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "413", description = "Larger than 1 MiB",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Not a readable, signed confirmation (the problem says why)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "503", description = "broker-unavailable: the broker did not confirm it took the "
			+ "message within 10 s; send it again after Retry-After (it is recorded once however often it arrives)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@PostMapping(path = "/api/v1/bank/confirmations", consumes = { "application/json", "application/*+json",
			"application/xml", "text/xml", "application/*+xml" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted confirm(HttpServletRequest request, @RequestHeader(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
			@AuthenticationPrincipal Caller bank) throws IOException {
		String body = BoundedBody.read(request);
		return this.intake.submit(Objects.requireNonNull(bank.bank()), (body != null) ? body : "", contentType);
	}

}

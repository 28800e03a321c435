package etax.payment.correction.web;

import java.net.URI;
import java.util.UUID;

import etax.access.Caller;
import etax.payment.correction.CorrectionRequest;
import etax.payment.correction.CorrectionProposal;
import etax.payment.correction.Corrections;
import etax.payment.correction.Corrections.Proposing;
import etax.payment.correction.Corrections.Recording;
import etax.payment.correction.Corrections.Withdrawing;
import etax.payment.correction.RecordedCorrection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CorrectionController {

	private final Corrections corrections;

	CorrectionController(Corrections corrections) {
		this.corrections = corrections;
	}

	@Operation(summary = "Record an approved correction request (tra soát) as a new entry; the caller approves it",
			description = "The request must have been proposed, as it is, by the officer who decided it "
					+ "(POST /api/v1/corrections/proposals with their own token): 409 correction-not-proposed, or "
					+ "correction-conflict when it differs; 403 approver-required, or four-eyes when the caller "
					+ "proposed it; 422 invalid-correction, its detail saying why; 409 already-reversed for a REVERSE "
					+ "of a payment the bank reversed or of a line a recorded REVERSE covers. Kinds APPLY_HELD (the "
					+ "line's held credit pays the item it named, as paid on the payment date) and RELEASE_HELD (it "
					+ "becomes the payer's own credit) are carried out when recorded: 409 held-credit-resolved when "
					+ "the credit was resolved already, 403 outside-tax-office for an officer of another office than "
					+ "the payment's.")
	@ApiResponse(responseCode = "201", description = "Recorded: the correction and its entries", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Recorded before under this correction id: that record", useReturnTypeSchema = true)
	@PostMapping("/api/v1/corrections")
	ResponseEntity<RecordedCorrection> record(@Valid @RequestBody CorrectionRequest request,
			@AuthenticationPrincipal Caller caller) {
		Recording recording = this.corrections.record(request, caller);
		return recording.created()
				? ResponseEntity.created(URI.create("/api/v1/corrections/" + request.correctionId()))
					.body(recording.correction())
				: ResponseEntity.ok(recording.correction());
	}

	@Operation(summary = "Propose a correction request as the officer who decided it (requestedBy must be the "
			+ "caller); an approver then records it, as proposed",
			description = "403 requester-not-caller when requestedBy is not the token's subject; 422 "
					+ "invalid-correction (coding, amounts, the voucher it names); 409 correction-conflict when another "
					+ "proposal holds the id; 409 already-reversed (REVERSE) and held-credit-resolved (APPLY_HELD, "
					+ "RELEASE_HELD), 403 outside-tax-office, as when recording.")
	@ApiResponse(responseCode = "201", description = "Proposed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Proposed before under this correction id: that proposal",
			useReturnTypeSchema = true)
	@PostMapping("/api/v1/corrections/proposals")
	ResponseEntity<CorrectionProposal> propose(@Valid @RequestBody CorrectionRequest request,
			@AuthenticationPrincipal Caller caller) {
		Proposing proposing = this.corrections.propose(request, caller);
		return proposing.created()
				? ResponseEntity.created(URI.create("/api/v1/corrections/proposals/" + request.correctionId()))
					.body(proposing.proposal())
				: ResponseEntity.ok(proposing.proposal());
	}

	@Operation(summary = "Withdraw a proposed correction request before it is recorded; it is then never recorded",
			description = "By the officer who proposed it, an approver who reads it, or batch-processor (SERVICE) "
					+ "when the reconciliation work item's resolution was rejected or withdrawn. 403 "
					+ "withdrawal-not-allowed for another officer; 409 correction-recorded when an approver recorded "
					+ "it already; 404 correction-not-found for one the caller does not read. Once withdrawn, "
					+ "recording or proposing it again answers 409 correction-withdrawn.")
	@ApiResponse(responseCode = "201", description = "Withdrawn: the proposal with its withdrawal",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Withdrawn before: the proposal with that withdrawal",
			useReturnTypeSchema = true)
	@PostMapping("/api/v1/corrections/proposals/{id}/withdrawal")
	ResponseEntity<CorrectionProposal> withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal,
			@AuthenticationPrincipal Caller caller) {
		Withdrawing withdrawing = this.corrections.withdraw(id, withdrawal.reason(), caller);
		return withdrawing.withdrawn()
				? ResponseEntity.created(URI.create("/api/v1/corrections/proposals/" + id)).body(withdrawing.proposal())
				: ResponseEntity.ok(withdrawing.proposal());
	}

	@Operation(summary = "A proposed correction request",
			description = "An office's officer reads the proposals it made and those about payments of its office "
					+ "(the office their collecting agency maps to; the payment desk also those of no office), a "
					+ "national officer all; any other answers 404 correction-not-found.")
	@GetMapping("/api/v1/corrections/proposals/{id}")
	CorrectionProposal proposal(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.corrections.proposal(id, caller);
	}

	@Operation(summary = "A recorded correction request",
			description = "An office's officer reads the requests it proposed or approved and those about payments "
					+ "of its office (the office their collecting agency maps to; the payment desk also those of no "
					+ "office), a national officer all; any other answers 404 correction-not-found.")
	@GetMapping("/api/v1/corrections/{id}")
	RecordedCorrection find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.corrections.find(id, caller);
	}

	/** @param reason why the proposal is withdrawn: text of up to 2,000 characters, lines allowed */
	record Withdrawal(@NotBlank @Pattern(regexp = CorrectionRequest.LINES) @Size(max = 2000) String reason) {

	}

}

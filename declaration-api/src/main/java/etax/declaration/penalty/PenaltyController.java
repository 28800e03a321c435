package etax.declaration.penalty;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import etax.access.Caller;
import etax.declaration.calendar.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Officers decide the fine of a return filed late; whoever reads the return reads its fine. */
@RestController
class PenaltyController {

	private static final String PENALTY = "/api/v1/returns/{id}/late-filing-penalty";

	private final LateFilingPenalties penalties;

	PenaltyController(LateFilingPenalties penalties) {
		this.penalties = penalties;
	}

	@Operation(summary = "Record the fine decided for a return filed late",
			description = "For an officer who reads the return (of the office it was filed with, or national). The "
					+ "return must be an accepted original (C) received after its deadline (an extended one if granted), "
					+ "and the amount within the band of its days late (Decree 125/2020 Art. 13, for organisations): "
					+ "1-30 days 2-5 million VND, 31-60 days 5-8 million, 61-90 days 8-15 million, over 90 days 15-25 "
					+ "million capped at the tax due, or 8-15 million without tax due; half of each for an individual "
					+ "or household (a 12-digit personal id, or the registry's budget chapter 557, 757 or 857). The fine "
					+ "becomes a payable item of the taxpayer under sub-item 4254, due ten days after the decision, booked "
					+ "by the ledger; no late-payment interest runs on it. Once per return, never changed: a second is 409 penalty-exists. "
					+ "400 invalid-penalty names the field at fault (returnId, amount, decidedOn).")
	@ApiResponse(responseCode = "201", description = "Recorded: the fine", useReturnTypeSchema = true)
	@PostMapping(PENALTY)
	ResponseEntity<LateFilingPenalty> impose(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
			@AuthenticationPrincipal Caller officer) {
		LateFilingPenalty penalty = this.penalties.impose(officer, id,
				new LateFilingPenalties.Decision(request.decisionNumber(), request.decidedOn(), request.amount()));
		return ResponseEntity.created(URI.create("/api/v1/returns/" + id + "/late-filing-penalty")).body(penalty);
	}

	@Operation(summary = "The fine decided for a return filed late",
			description = "For whoever reads the return; 404 penalty-not-found when none was decided.")
	@GetMapping(PENALTY)
	LateFilingPenalty penalty(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return this.penalties.of(caller, id);
	}

	record DecisionRequest(
			@NotBlank @Size(max = 60) @Pattern(regexp = "[^\\p{Cntrl}]*") @Schema(example = "789/QĐ-XPHC") String decisionNumber,
			@NotNull @PlausibleDate LocalDate decidedOn, @NotNull @Positive Long amount) {

	}

}

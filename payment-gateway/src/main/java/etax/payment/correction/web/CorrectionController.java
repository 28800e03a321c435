package etax.payment.correction.web;

import java.net.URI;
import java.util.UUID;

import etax.access.Caller;
import etax.payment.correction.CorrectionRequest;
import etax.payment.correction.Corrections;
import etax.payment.correction.Corrections.Recording;
import etax.payment.correction.RecordedCorrection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

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

	@Operation(summary = "Record an approved correction request (tra soát) as a new entry; the caller approves it")
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

	@Operation(summary = "A recorded correction request")
	@GetMapping("/api/v1/corrections/{id}")
	RecordedCorrection find(@PathVariable UUID id) {
		return this.corrections.find(id);
	}

}

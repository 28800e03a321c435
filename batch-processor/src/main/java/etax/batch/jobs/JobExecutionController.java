package etax.batch.jobs;

import java.net.URI;

import etax.access.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job executions over HTTP. Launching is per job (each job's feature has its own endpoint, with its own
 * parameters); restarting and looking up are the same for every job.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobExecutionController {

	private final JobExecutions executions;

	JobExecutionController(JobExecutions executions) {
		this.executions = executions;
	}

	@GetMapping
	JobExecutionPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.executions.list(page, size);
	}

	@GetMapping("/executions/{id}")
	JobExecutionSummary get(@PathVariable long id) {
		return this.executions.get(id);
	}

	@ApiResponse(responseCode = "201", description = "Restarted: the new execution", useReturnTypeSchema = true)
	@PostMapping("/executions/{id}:restart")
	ResponseEntity<JobExecutionSummary> restart(@PathVariable long id, @AuthenticationPrincipal Caller officer) {
		JobExecutionSummary restarted = this.executions.restart(id, officer);
		return ResponseEntity.created(URI.create("/api/v1/jobs/executions/" + restarted.id())).body(restarted);
	}

}

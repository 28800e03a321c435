package etax.batch.retention;

import java.net.URI;

import etax.batch.jobs.JobExecutionSummary;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launches {@code metadataRetentionJob} now, with the configured age.
 */
@RestController
class MetadataRetentionController {

	private final MetadataRetention retention;

	MetadataRetentionController(MetadataRetention retention) {
		this.retention = retention;
	}

	@ApiResponse(responseCode = "201", description = "Launched: the execution", useReturnTypeSchema = true)
	@PostMapping("/api/v1/jobs/metadata-retention/executions")
	ResponseEntity<JobExecutionSummary> launch() {
		JobExecutionSummary execution = this.retention.purge();
		return ResponseEntity.created(URI.create("/api/v1/jobs/executions/" + execution.id())).body(execution);
	}

}

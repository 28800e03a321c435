package etax.batch.summary;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import etax.batch.RefusesUnknownProperties;
import etax.batch.jobs.JobExecutionSummary;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launches {@code dailyFilingSummaryJob} and serves its output. The launch runs the job to its end
 * before answering: one day's aggregate takes well under a second.
 */
@RestController
class DailyFilingSummaryController {

	private final DailyFilingSummaries summaries;

	DailyFilingSummaryController(DailyFilingSummaries summaries) {
		this.summaries = summaries;
	}

	@ApiResponse(responseCode = "201", description = "Launched: the execution", useReturnTypeSchema = true)
	@PostMapping("/api/v1/jobs/daily-filing-summary/executions")
	ResponseEntity<JobExecutionSummary> launch(@RequestBody(required = false) @Nullable DailyFilingSummaryLaunch request) {
		LocalDate businessDay = (request != null && request.businessDay() != null) ? request.businessDay()
				: this.summaries.lastClosedDay();
		JobExecutionSummary execution = this.summaries.compute(businessDay);
		return ResponseEntity.created(URI.create("/api/v1/jobs/executions/" + execution.id())).body(execution);
	}

	@GetMapping("/api/v1/summaries/daily-filing")
	List<DailyFilingSummaryRow> find(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDay) {
		return this.summaries.find(businessDay);
	}

	/**
	 * @param businessDay the day to summarise; yesterday in Asia/Ho_Chi_Minh when absent
	 * (a string {@code yyyy-MM-dd}: not lenient, so a bare number, which Jackson would read as days since 1970,
	 * is a 400)
	 */
	@RefusesUnknownProperties
	record DailyFilingSummaryLaunch(@JsonFormat(lenient = OptBoolean.FALSE) @Nullable LocalDate businessDay) {
	}

}

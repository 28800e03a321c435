package etax.batch.interest.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import etax.batch.RefusesUnknownProperties;
import etax.batch.interest.InterestAssessments;
import etax.batch.interest.InterestRun;
import etax.batch.interest.InterestRunPage;
import etax.batch.jobs.JobExecutionSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launches {@code interestAssessmentJob} (one day, or a catch-up of every day due) and shows officers
 * what each completed run assessed. Launches run to their end before answering. Either first runs again
 * every earlier day whose assessments are recorded but not sent; a launch whose earlier day does not
 * complete is refused (409 {@code interest-earlier-day-not-sent}, naming the day).
 */
@RestController
class InterestAssessmentController {

	private final InterestAssessments assessments;

	InterestAssessmentController(InterestAssessments assessments) {
		this.assessments = assessments;
	}

	@ApiResponse(responseCode = "201", description = "Launched: the execution", useReturnTypeSchema = true)
	@PostMapping("/api/v1/jobs/interest-assessment/executions")
	ResponseEntity<JobExecutionSummary> launch(@RequestBody(required = false) @Nullable InterestAssessmentLaunch request) {
		LocalDate day = (request != null && request.assessedFor() != null) ? request.assessedFor()
				: this.assessments.lastDayToAssess();
		JobExecutionSummary execution = this.assessments.assess(day);
		return ResponseEntity.created(URI.create("/api/v1/jobs/executions/" + execution.id())).body(execution);
	}

	@PostMapping("/api/v1/jobs/interest-assessment:catch-up")
	List<JobExecutionSummary> catchUp() {
		return this.assessments.catchUp();
	}

	@GetMapping("/api/v1/assessments/runs")
	InterestRunPage runs(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.assessments.runs(page, size);
	}

	@GetMapping("/api/v1/assessments/runs/{day}")
	InterestRun run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return this.assessments.run(day);
	}

	/**
	 * @param assessedFor the day to assess; the last day the schedule would assess when absent
	 * (a string {@code yyyy-MM-dd}: not lenient, so a bare number, which Jackson would read as days since 1970,
	 * is a 400)
	 */
	@RefusesUnknownProperties
	record InterestAssessmentLaunch(@JsonFormat(lenient = OptBoolean.FALSE) @Nullable LocalDate assessedFor) {
	}

}

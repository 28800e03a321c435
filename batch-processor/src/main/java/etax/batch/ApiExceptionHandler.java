package etax.batch;

import etax.access.FrameworkProblems;
import etax.batch.jobs.JobExecutionConflictException;
import etax.batch.jobs.JobExecutionNotFoundException;
import etax.batch.jobs.JobParametersRejectedException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the service's exceptions into RFC 9457 problems with a stable {@code type} ({@link Problems});
 * framework errors are already problems ({@code spring.mvc.problemdetails.enabled}) and get a stable type
 * too ({@link FrameworkProblems}). A feature that depends on this package maps its own exceptions next to its
 * controller, so that no module cycle forms.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail handle(JobExecutionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "job-execution-not-found", "Job execution not found", ex);
	}

	@ExceptionHandler
	ProblemDetail handle(JobExecutionConflictException ex) {
		return switch (ex.reason()) {
			case INSTANCE_COMPLETE ->
				problem(HttpStatus.CONFLICT, "job-instance-complete", "Job already completed for these parameters", ex);
			case ALREADY_RUNNING ->
				problem(HttpStatus.CONFLICT, "job-execution-running", "Job already running for these parameters", ex);
			case NOT_RESTARTABLE ->
				problem(HttpStatus.CONFLICT, "job-execution-not-restartable", "Job execution not restartable", ex);
		};
	}

	@ExceptionHandler
	ProblemDetail handle(JobParametersRejectedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "job-parameters-rejected", "Job parameters rejected", ex);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		return FrameworkProblems.typed(super.handleExceptionInternal(ex, body, headers, statusCode, request), statusCode);
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String title, RuntimeException ex) {
		return Problems.of(status, slug, title, ex);
	}

}
